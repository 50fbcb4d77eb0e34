// The MySQL run lock: a named lock (GET_LOCK) on a session of its own, per database and key,
// that says who holds it and goes away with its session.
#ifdef SDM_TEST_MYSQL

#include <doctest/doctest.h>

#include <string>

#include "common/errors.hpp"
#include "drivers/driver_test_support.hpp"

namespace {

const std::string kKey = "sahara-db-manage:alembic_version";

/// The server's connection id holding `name`, asked through the mariadb client ("NULL" if
/// none).
std::string holder_id(const sdm::test::ScratchDatabase& database, const std::string& name) {
  std::string id = database.sql("SELECT IS_USED_LOCK('" + name + "');\n");
  if (!id.empty() && id.back() == '\n') id.pop_back();
  return id;
}

}  // namespace

TEST_CASE("mysql: the lock is named after the key and the database, and says who holds it") {
  sdm::test::DriverUnderTest db("mysql");
  auto first = db.connect();
  auto second = db.connect();
  REQUIRE(first->try_lock(kKey));
  const std::string name = kKey + "@" + db.database().name();
  const std::string id = holder_id(db.database(), name);
  CHECK(id != "NULL");
  const std::string holder = second->lock_holder(kKey);
  CHECK(holder.rfind("MySQL connection " + id + " (" + db.database().user() + "@127.0.0.1:", 0) ==
        0);
  CHECK(holder.find("holding it since ") != std::string::npos);
  first->unlock(kKey);
  CHECK(holder_id(db.database(), name) == "NULL");
  CHECK(second->lock_holder(kKey).empty());
}

TEST_CASE("mysql: DDL, commits, rollbacks and errors on the session keep the lock") {
  sdm::test::DriverUnderTest db("mysql");
  auto runner = db.connect();
  auto other = db.connect();
  REQUIRE(runner->try_lock(kKey));
  runner->begin();
  runner->execute("CREATE TABLE migrated (id INTEGER)");
  runner->commit();
  runner->begin();
  runner->execute("INSERT INTO migrated (id) VALUES (1)");
  runner->rollback();
  CHECK_THROWS_AS(runner->execute("ALTER TABLE no_such_table ADD COLUMN x INTEGER"),
                  sdm::DatabaseError);
  CHECK_FALSE(other->try_lock(kKey));
  runner->unlock(kKey);
  CHECK(other->try_lock(kKey));
}

TEST_CASE("mysql: taking the lock twice needs one unlock") {
  sdm::test::DriverUnderTest db("mysql");
  auto first = db.connect();
  auto second = db.connect();
  REQUIRE(first->try_lock(kKey));
  REQUIRE(first->try_lock(kKey));
  first->unlock(kKey);
  CHECK(second->try_lock(kKey));
  // Unlocking what this session does not hold changes nothing.
  first->unlock(kKey);
  CHECK_FALSE(first->try_lock(kKey));
}

TEST_CASE("mysql: the same key on two databases are two locks") {
  sdm::test::DriverUnderTest one("mysql");
  sdm::test::DriverUnderTest two("mysql");
  auto a = one.connect();
  auto b = two.connect();
  CHECK(a->try_lock(kKey));
  CHECK(b->try_lock(kKey));
}

TEST_CASE("mysql: a key too long for a lock name still locks") {
  sdm::test::DriverUnderTest db("mysql");
  const std::string key = "sahara-db-manage:" + std::string(100, 'v');
  auto first = db.connect();
  auto second = db.connect();
  REQUIRE(first->try_lock(key));
  CHECK_FALSE(second->try_lock(key));
  CHECK_FALSE(second->lock_holder(key).empty());
  // A different long key is a different lock.
  CHECK(second->try_lock(key + "w"));
  first->unlock(key);
  CHECK(second->try_lock(key));
}

TEST_CASE("mysql: a killed lock session frees the lock") {
  sdm::test::DriverUnderTest db("mysql");
  auto crashed = db.connect();
  auto next = db.connect();
  REQUIRE(crashed->try_lock(kKey));
  const std::string id = holder_id(db.database(), kKey + "@" + db.database().name());
  REQUIRE(id != "NULL");
  // What the server does when a runner dies: the session ends, its named locks go with it.
  db.database().sql("KILL " + id + ";\n");
  CHECK(next->try_lock(kKey));
}

#endif  // SDM_TEST_MYSQL
