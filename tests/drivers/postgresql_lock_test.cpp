// The PostgreSQL run lock: a session-level advisory lock on a session of its own, keyed to the
// database and the key, described from pg_locks and pg_stat_activity.
#ifdef SDM_TEST_POSTGRESQL

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "common/errors.hpp"
#include "config/database_url.hpp"
#include "drivers/driver_test_support.hpp"
#include "runtime/driver_catalog.hpp"
#include "support/test_databases.hpp"

namespace {

using sdm::test::connect_postgresql;
using sdm::test::ScratchDatabase;

const std::string kKey = "sahara-db-manage:alembic_version";

/// The pid of the session holding advisory locks in `db`, read through the server's client.
std::string advisory_lock_pids(const ScratchDatabase& db) {
  return db.sql(
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
      "AND database = (SELECT oid FROM pg_database WHERE datname = current_database());\n");
}

/// Waits up to five seconds for `condition`.
template <class Condition>
bool eventually(Condition&& condition) {
  for (int i = 0; i < 100; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

}  // namespace

TEST_CASE("postgresql: the lock is held on a session of its own, not the main one") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  const std::string main_pid = c->query("SELECT pg_backend_pid()").at(0).at(0).value();
  REQUIRE(c->try_lock(kKey));
  const std::string holder_pid = advisory_lock_pids(db);
  CHECK_FALSE(holder_pid.empty());
  CHECK(holder_pid.find(main_pid) == std::string::npos);
  c->unlock(kKey);
  CHECK(advisory_lock_pids(db).empty());
}

TEST_CASE("postgresql: the lock outlives a rolled back or failed transaction of the main session") {
  ScratchDatabase db("postgresql");
  auto first = connect_postgresql(db.url());
  auto second = connect_postgresql(db.url());
  first->begin();
  REQUIRE(first->try_lock(kKey));
  CHECK_THROWS_AS(first->execute("SELECT * FROM no_such_table"), sdm::DatabaseError);
  // The main session's transaction is aborted now; the lock session is not affected.
  CHECK_FALSE(second->try_lock(kKey));
  first->rollback();
  CHECK_FALSE(second->try_lock(kKey));
  CHECK(first->try_lock(kKey));  // taking it again while holding it is fine
  first->unlock(kKey);
  CHECK(second->try_lock(kKey));
  second->unlock(kKey);
}

TEST_CASE("postgresql: the holder is described by pid, application, user and since when") {
  ScratchDatabase db("postgresql");
  auto first = connect_postgresql(db.url());
  auto second = connect_postgresql(db.url());
  REQUIRE(first->try_lock(kKey));
  const std::string pid = advisory_lock_pids(db);
  const std::string holder = second->lock_holder(kKey);
  CAPTURE(holder);
  CHECK(holder.rfind("PostgreSQL session pid " + pid.substr(0, pid.find('\n')), 0) == 0);
  CHECK(holder.find("sahara-db-manage") != std::string::npos);
  CHECK(holder.find("user " + db.user()) != std::string::npos);
  CHECK(holder.find("from 127.0.0.1:") != std::string::npos);
  CHECK(holder.find(" holding it since 20") != std::string::npos);
  first->unlock(kKey);
  CHECK(second->lock_holder(kKey).empty());
}

TEST_CASE("postgresql: different keys, and the same key in another database, do not collide") {
  ScratchDatabase db("postgresql");
  ScratchDatabase other("postgresql");
  auto first = connect_postgresql(db.url());
  auto second = connect_postgresql(db.url());
  auto elsewhere = connect_postgresql(other.url());
  REQUIRE(first->try_lock(kKey));
  CHECK(second->try_lock("sahara-db-manage:other_version_table"));
  CHECK(elsewhere->try_lock(kKey));
  CHECK_FALSE(second->try_lock(kKey));
}

TEST_CASE("postgresql: a runner whose session dies leaves no lock behind") {
  ScratchDatabase db("postgresql");
  auto crashed = connect_postgresql(db.url());
  auto waiting = connect_postgresql(db.url());
  REQUIRE(crashed->try_lock(kKey));
  const std::string pid = advisory_lock_pids(db);
  REQUIRE_FALSE(pid.empty());
  // What the server sees when a runner's process is killed: its session ends.
  db.sql("SELECT pg_terminate_backend(" + pid.substr(0, pid.find('\n')) + ");\n");
  CHECK(eventually([&] { return waiting->try_lock(kKey); }));
  waiting->unlock(kKey);
}

TEST_CASE("postgresql: unlock without the lock does nothing, even before any lock session") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  CHECK_NOTHROW(c->unlock(kKey));
  CHECK(c->lock_holder(kKey).empty());
  CHECK_NOTHROW(c->unlock(kKey));
}

#endif  // SDM_TEST_POSTGRESQL
