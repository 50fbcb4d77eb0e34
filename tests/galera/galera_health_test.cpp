// What would break replication is refused before anything runs: a table outside InnoDB, a
// schema-change method other than TOI, a node not Synced. Tables without a primary key are
// warned about (Sahara's own schema has two).
#include <doctest/doctest.h>

#include "galera/galera_support.hpp"

using namespace sdm::test;

namespace {

/// Sets a global variable on one node for the test's duration.
class GlobalSetting {
 public:
  GlobalSetting(const GaleraCluster& cluster, int node, std::string name, const std::string& value)
      : cluster_(cluster), node_(node), name_(std::move(name)) {
    previous_ = cluster_.root_sql(node_, "SELECT @@GLOBAL." + name_ + ";\n");
    while (!previous_.empty() && previous_.back() == '\n')
      previous_.pop_back();
    cluster_.root_sql(node_, "SET GLOBAL " + name_ + " = " + value + ";\n");
  }
  ~GlobalSetting() {
    const bool number =
        !previous_.empty() && previous_.find_first_not_of("0123456789") == std::string::npos;
    try {
      cluster_.root_sql(node_, "SET GLOBAL " + name_ + " = " +
                                   (number ? previous_ : "'" + previous_ + "'") + ";\n");
    } catch (...) {
    }
  }

 private:
  const GaleraCluster& cluster_;
  int node_;
  std::string name_, previous_;
};

/// upgrade and stamp through `node` are both refused with `expected`, and nothing is written.
void check_refused(const GaleraTarget& t, int node, const std::string& expected) {
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"upgrade", "head"}, std::vector<std::string>{"stamp", "head"}}) {
    CAPTURE(command.front());
    const ProcessResult refused = t.run(node, fixture_dir("linear"), command);
    CHECK(refused.exit_code == 6);
    CHECK_MESSAGE(refused.err.find(expected) != std::string::npos, refused.err);
    CHECK(refused.err.find("nothing was changed") != std::string::npos);
    CHECK_FALSE(t.db.has_table("alembic_version"));
  }
}

}  // namespace

TEST_CASE(
    "galera: tables without a primary key are warned about, naming them, and the run goes "
    "on") {
  GaleraTarget t;
  t.db.sql("CREATE TABLE loose_rows (x INT);\n");
  const ProcessResult run = t.run(2, sahara_revisions_dir(), {"upgrade", "001"});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK_MESSAGE(run.err.find("WARNI [sdm.runtime] table loose_rows has no primary key: Galera "
                             "replicates their rows less reliably") != std::string::npos,
                run.err);
  // Sahara's own association tables have none either, as upstream's do.
  const ProcessResult next = t.run(3, sahara_revisions_dir(), {"upgrade", "002"});
  REQUIRE_MESSAGE(next.exit_code == 0, next.err);
  CHECK_MESSAGE(next.err.find("WARNI [sdm.runtime] tables libs_association, loose_rows and "
                              "mains_association have no primary key") != std::string::npos,
                next.err);
}

TEST_CASE("galera: a table outside InnoDB is refused, naming its engine") {
  GaleraTarget t;
  t.db.sql("CREATE TABLE cache_rows (id INT PRIMARY KEY) ENGINE=MyISAM;\n");
  check_refused(t, 3,
                "table cache_rows (MyISAM) is not stored in InnoDB, and Galera replicates only "
                "InnoDB tables");
}

TEST_CASE("galera: several problems are listed one per line") {
  GaleraTarget t;
  GlobalSetting rsu(t.cluster, 1, "wsrep_OSU_method", "'RSU'");
  t.db.sql("CREATE TABLE cache_rows (id INT PRIMARY KEY) ENGINE=Aria;\n");
  const ProcessResult refused = t.run(1, fixture_dir("linear"), {"upgrade", "head"});
  CHECK(refused.exit_code == 6);
  CHECK_MESSAGE(refused.err.find("FAILED: 2 problems make mysql://") != std::string::npos,
                refused.err);
  CHECK(refused.err.find("\n  - wsrep_OSU_method is RSU on Galera node node1") !=
        std::string::npos);
  CHECK(refused.err.find("\n  - table cache_rows (Aria) is not stored in InnoDB") !=
        std::string::npos);
  CHECK(refused.err.find(t.db.password()) == std::string::npos);
  CHECK_FALSE(t.db.has_table("alembic_version"));
}

TEST_CASE("galera: a schema-change method other than TOI is refused") {
  GaleraTarget t;
  GlobalSetting rsu(t.cluster, 3, "wsrep_OSU_method", "'RSU'");
  check_refused(t, 3, "wsrep_OSU_method is RSU on Galera node node3");
  // The other nodes still use TOI.
  const ProcessResult elsewhere = t.run(2, fixture_dir("linear"), {"upgrade", "head"});
  CHECK_MESSAGE(elsewhere.exit_code == 0, elsewhere.err);
}

TEST_CASE(
    "galera: a node that is not Synced is refused for writing, and only warned about for "
    "reading") {
  GaleraTarget t;
  GlobalSetting desynced(t.cluster, 2, "wsrep_desync", "ON");
  check_refused(t, 2, "Galera node node2 (");
  const ProcessResult refused = t.run(2, fixture_dir("linear"), {"upgrade", "head"});
  CHECK(refused.err.find("is Donor/Desynced, not Synced") != std::string::npos);
  const ProcessResult current = t.run(2, fixture_dir("linear"), {"current"});
  CHECK(current.exit_code == 0);
  CHECK(current.err.find("WARNI [sdm.runtime] Galera node node2") != std::string::npos);
  CHECK(current.err.find("what it reports may lag behind the cluster") != std::string::npos);
}

TEST_CASE("galera: a healthy node says so before a run, and reads wait for the cluster") {
  GaleraTarget t;
  const ProcessResult run = t.run(1, fixture_dir("linear"), {"upgrade", "head"});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.err.find("INFO  [sdm.runtime] Galera cluster sdm_test: Galera node node1 (") !=
        std::string::npos);
  CHECK(run.err.find("is Synced, 3 nodes in the primary component") != std::string::npos);
  // The version row written through node 1 is what nodes 2 and 3 report at once.
  for (int node = 2; node <= GaleraCluster::kNodes; ++node) {
    const ProcessResult current = t.run(node, fixture_dir("linear"), {"current"});
    CHECK(current.out == "3c0000000003 (head)\n");
  }
}
