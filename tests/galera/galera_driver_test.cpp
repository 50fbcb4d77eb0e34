// The MySQL driver on a Galera node, below the binary: why GET_LOCK cannot serve, the
// cluster-wide lock through the driver's own contract, reads that wait for the cluster.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <thread>

#include "config/database_url.hpp"
#include "galera/galera_support.hpp"
#include "runtime/driver_catalog.hpp"

using namespace sdm::test;

namespace {

const std::string kKey = "sahara-db-manage:alembic_version";

std::unique_ptr<sdm::runtime::ConnectionHandle> connect(const GaleraTarget& t, int node) {
  static sdm::runtime::DriverCatalog catalog(SDM_DRIVER_DIR);
  return catalog.driver_for("mysql").connect(sdm::config::parse_database_url(t.url(node)));
}

/// A lock released through one node is free on another once that node has applied the
/// release (milliseconds); the host polls, so does this.
template <class Condition>
bool soon(Condition&& condition) {
  for (int i = 0; i < 50; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

std::string value(const sdm::Rows& rows) {
  REQUIRE_FALSE(rows.empty());
  REQUIRE_FALSE(rows.front().empty());
  return rows.front().front().value_or("NULL");
}

}  // namespace

TEST_CASE(
    "galera: a server's named lock holds on one node only, which is why the driver does "
    "not use it there") {
  GaleraTarget t;
  auto one = connect(t, 1);
  auto two = connect(t, 2);
  CHECK(value(one->query("SELECT GET_LOCK('sdm_probe', 0)")) == "1");
  CHECK(value(two->query("SELECT GET_LOCK('sdm_probe', 0)")) == "1");
}

TEST_CASE(
    "galera: the driver's run lock holds across nodes, says who holds it and where, and "
    "goes away with its session") {
  GaleraTarget t;
  auto one = connect(t, 1);
  auto two = connect(t, 2);
  auto three = connect(t, 3);
  REQUIRE(one->try_lock(kKey));
  CHECK(one->try_lock(kKey));  // held already
  CHECK_FALSE(two->try_lock(kKey));
  CHECK_FALSE(three->try_lock(kKey));
  const std::string holder = three->lock_holder(kKey);
  CHECK_MESSAGE(holder.find("through Galera node node1 (") != std::string::npos, holder);
  CHECK(holder.find("holding it since ") != std::string::npos);
  one->unlock(kKey);
  CHECK(soon([&] { return three->lock_holder(kKey).empty(); }));
  REQUIRE(soon([&] { return two->try_lock(kKey); }));
  CHECK_FALSE(three->try_lock(kKey));
  two.reset();  // a session that ends releases its lock, no lease to wait for
  CHECK(soon([&] { return three->try_lock(kKey); }));
  three->unlock(kKey);
  // The lock is a row of a replicated table with a primary key, as Galera needs.
  CHECK(t.db.sql("SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = "
                 "DATABASE() AND TABLE_NAME = 'sahara_db_manage_lock' AND CONSTRAINT_TYPE = "
                 "'PRIMARY KEY';\n") == "1\n");
}

TEST_CASE("galera: reads wait until the node has applied what the cluster committed") {
  GaleraTarget t;
  auto two = connect(t, 2);
  CHECK(value(two->query("SELECT @@SESSION.wsrep_sync_wait")) == "1");
  // Node 2 stops applying while a session holds FLUSH TABLES WITH READ LOCK; a version row
  // written through node 1 meanwhile must still be what node 2 reports.
  REQUIRE(t.run(1, fixture_dir("linear"), {"upgrade", "1a0000000001"}).exit_code == 0);
  ChildProcess paused(
      "/usr/bin/mariadb",
      {"--no-defaults", "-h", "127.0.0.1", "-P", std::to_string(t.cluster.port(2)), "-usdm_admin"},
      ".", {{"MYSQL_PWD", "sdm_admin"}},
      "FLUSH TABLES WITH READ LOCK;\nDO SLEEP(3);\nUNLOCK TABLES;\n");
  // Until node 2 reports itself desynced, the lock is not in place yet.
  for (int i = 0; i < 100 && t.cluster.state(2) == "Synced"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  REQUIRE(t.cluster.state(2) != "Synced");
  REQUIRE(t.run(1, fixture_dir("linear"), {"stamp", "2b0000000002"}).exit_code == 0);
  const ProcessResult current = t.run(2, fixture_dir("linear"), {"current"});
  CHECK(current.out == "2b0000000002\n");
  paused.wait();
}
