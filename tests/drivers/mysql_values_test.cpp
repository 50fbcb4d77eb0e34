// Every value comes back as text on MySQL, whatever its type (Poco's MySQL extraction refused
// DECIMAL and COUNT(*) into strings and failed on TIMESTAMP), and one string is one statement.
#ifdef SDM_TEST_MYSQL

#include <doctest/doctest.h>

#include <string>

#include "common/errors.hpp"
#include "drivers/driver_test_support.hpp"

TEST_CASE("mysql: values of every type come back as text, NULL as nothing") {
  sdm::test::DriverUnderTest db("mysql");
  auto c = db.connect();
  c->execute(
      "CREATE TABLE kinds (i INTEGER, big BIGINT UNSIGNED, d DECIMAL(10, 2), f DOUBLE, "
      "ts TIMESTAMP NULL, dt DATETIME(3), dd DATE, t TIME, b LONGBLOB, bits BIT(8), "
      "e ENUM('a', 'b'), n INTEGER)");
  c->execute(
      "INSERT INTO kinds VALUES (-7, 18446744073709551615, 12.50, 0.25, '2024-01-02 03:04:05', "
      "'2024-01-02 03:04:05.678', '2024-01-02', '12:34:56', X'00FF0041', b'01000001', 'b', "
      "NULL)");
  const auto rows = c->query("SELECT * FROM kinds");
  REQUIRE(rows.size() == 1);
  const sdm::Row& row = rows[0];
  REQUIRE(row.size() == 12);
  CHECK(row[0] == std::string("-7"));
  CHECK(row[1] == std::string("18446744073709551615"));
  CHECK(row[2] == std::string("12.50"));
  CHECK(row[3] == std::string("0.25"));
  CHECK(row[4] == std::string("2024-01-02 03:04:05"));
  CHECK(row[5] == std::string("2024-01-02 03:04:05.678"));
  CHECK(row[6] == std::string("2024-01-02"));
  CHECK(row[7] == std::string("12:34:56"));
  CHECK(row[8] == std::string("\0\xFF\0A", 4));
  CHECK(row[9] == std::string("A"));
  CHECK(row[10] == std::string("b"));
  CHECK_FALSE(row[11].has_value());

  const auto aggregates = c->query("SELECT COUNT(*), SUM(d), AVG(i), MAX(ts) FROM kinds");
  REQUIRE(aggregates.size() == 1);
  CHECK(aggregates[0][0] == std::string("1"));
  CHECK(aggregates[0][1] == std::string("12.50"));
  CHECK(aggregates[0][2] == std::string("-7.0000"));
  CHECK(aggregates[0][3] == std::string("2024-01-02 03:04:05"));
}

TEST_CASE("mysql: execute of a query drains its rows and the session goes on") {
  sdm::test::DriverUnderTest db("mysql");
  auto c = db.connect();
  CHECK(c->execute("SELECT 1 UNION SELECT 2") == -1);
  CHECK(c->query("SELECT 3").at(0).at(0) == std::string("3"));
  CHECK(c->query("DO 1").empty());
}

TEST_CASE("mysql: one string runs as one statement, never several") {
  sdm::test::DriverUnderTest db("mysql");
  auto c = db.connect();
  c->execute("CREATE TABLE t (id INTEGER)");
  CHECK_THROWS_WITH_AS(c->execute("INSERT INTO t VALUES (1); DROP TABLE t"),
                       doctest::Contains("error 1064"), sdm::DatabaseError);
  CHECK(c->table_names() == std::vector<std::string>{"t"});
  CHECK(c->query("SELECT COUNT(*) FROM t").at(0).at(0) == std::string("0"));
}

#endif  // SDM_TEST_MYSQL
