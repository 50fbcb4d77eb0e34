// Autocommit survives transactions on MySQL: Poco 1.11 left it off after the first commit, so
// every later statement sat in an implicit transaction that closing the session discarded.
// Here every row written after a commit or rollback is visible to another client at once and
// still there after the session closes.
#ifdef SDM_TEST_MYSQL

#include <doctest/doctest.h>

#include <string>

#include "drivers/driver_test_support.hpp"

namespace {

std::string count_seen_by_another_client(sdm::test::DriverUnderTest& db) {
  return db.database().sql("SELECT COUNT(*) FROM ledger;\n");
}

std::string cell(const sdm::Rows& rows) {
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].size() == 1);
  return rows[0][0].value_or("NULL");
}

}  // namespace

TEST_CASE("mysql: no statement after a commit or a rollback is lost when the session closes") {
  sdm::test::DriverUnderTest db("mysql");
  auto c = db.connect();
  c->execute("CREATE TABLE ledger (id INTEGER NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB");

  c->begin();
  c->execute("INSERT INTO ledger (id) VALUES (1)");
  c->commit();
  CHECK(cell(c->query("SELECT @@autocommit")) == "1");
  c->execute("INSERT INTO ledger (id) VALUES (2)");
  // Committed already: another client sees it while this session is still open.
  CHECK(count_seen_by_another_client(db) == "2\n");

  c->begin();
  c->execute("INSERT INTO ledger (id) VALUES (3)");
  c->rollback();
  CHECK(cell(c->query("SELECT @@autocommit")) == "1");
  c->execute("INSERT INTO ledger (id) VALUES (4)");
  c->execute("UPDATE ledger SET id = 5 WHERE id = 4");
  CHECK(count_seen_by_another_client(db) == "3\n");

  c->begin();
  c->execute("INSERT INTO ledger (id) VALUES (6)");
  c->commit();
  c->begin();
  c->execute("INSERT INTO ledger (id) VALUES (7)");
  c->commit();
  c->execute("DELETE FROM ledger WHERE id = 1");
  c.reset();

  auto again = db.connect();
  const auto rows = again->query("SELECT id FROM ledger ORDER BY id");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0][0] == std::string("2"));
  CHECK(rows[1][0] == std::string("5"));
  CHECK(rows[2][0] == std::string("6"));
  CHECK(rows[3][0] == std::string("7"));
}

TEST_CASE("mysql: a transaction holds its rows back until it commits") {
  sdm::test::DriverUnderTest db("mysql");
  auto c = db.connect();
  c->execute("CREATE TABLE ledger (id INTEGER NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB");
  c->begin();
  c->execute("INSERT INTO ledger (id) VALUES (1)");
  CHECK(count_seen_by_another_client(db) == "0\n");
  c->commit();
  CHECK(count_seen_by_another_client(db) == "1\n");
  // A transaction left open when the session ends is rolled back, and only that one.
  c->begin();
  c->execute("INSERT INTO ledger (id) VALUES (2)");
  c.reset();
  CHECK(count_seen_by_another_client(db) == "1\n");
}

#endif  // SDM_TEST_MYSQL
