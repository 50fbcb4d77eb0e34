// Online, a table the revisions describe is compared with the live table when SQLite has to
// rebuild it: a column added by hand stops the run before anything changes, an index added
// by hand survives the rebuild. A downgrade still names every value it would destroy.
#include <doctest/doctest.h>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

ProcessResult sahara(const Sandbox& box, std::vector<std::string> arguments) {
  std::vector<std::string> all = {"--config-file", box.sqlite_config(), "--revisions-dir",
                                  sahara_revisions_dir()};
  all.insert(all.end(), arguments.begin(), arguments.end());
  return run_sdm(box, all);
}

}  // namespace

TEST_CASE("a column added by hand stops a SQLite rebuild of its table and changes nothing") {
  Sandbox box;
  const std::string db = box.path("test.db");
  REQUIRE(sahara(box, {"upgrade", "006"}).exit_code == 0);
  sqlite_exec(db, "ALTER TABLE clusters ADD COLUMN by_hand TEXT");
  // 007 turns clusters.status_description into LongText: a rebuild of clusters on SQLite.
  auto refused = sahara(box, {"upgrade", "007"});
  CHECK(refused.exit_code == 6);
  CHECK(refused.err.find("table clusters has columns (") != std::string::npos);
  CHECK(refused.err.find(", by_hand) but the revisions applied so far describe (") !=
        std::string::npos);
  CHECK(sahara(box, {"current"}).out == "006\n");
  CHECK(sqlite_rows(db,
                    "SELECT count(*) FROM pragma_table_info('clusters') "
                    "WHERE name = 'by_hand'") == std::vector<std::vector<std::string>>{{"1"}});
}

TEST_CASE("an index added by hand survives a SQLite rebuild of its table") {
  Sandbox box;
  const std::string db = box.path("test.db");
  REQUIRE(sahara(box, {"upgrade", "006"}).exit_code == 0);
  sqlite_exec(db, "CREATE INDEX ix_clusters_by_hand ON clusters (name)");
  REQUIRE(sahara(box, {"upgrade", "007"}).exit_code == 0);
  CHECK(sqlite_rows(db,
                    "SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND "
                    "name = 'ix_clusters_by_hand'") ==
        std::vector<std::vector<std::string>>{{"clusters"}});
}

TEST_CASE("a downgrade dropping columns names the one that holds values, among those that don't") {
  Sandbox box;
  const std::string db = box.path("test.db");
  REQUIRE(sahara(box, {"upgrade", "008"}).exit_code == 0);
  sqlite_exec(db,
              "INSERT INTO node_group_templates (id, name, flavor_id, plugin_name, "
              "hadoop_version, volumes_per_node, security_groups) VALUES ('ngt-1', 'workers', "
              "'m1', 'vanilla', '2.7.1', 0, '[\"default\"]')");
  // 008's downgrade drops security_groups from three tables; only one of them has a value.
  auto refused = sahara(box, {"downgrade", "007"});
  CHECK(refused.exit_code == 6);
  CHECK(refused.err ==
        "FAILED: this downgrade would destroy data: downgrade 008 -> 007, add security_groups "
        "field to node groups: drop_column node_group_templates.security_groups: 1 value would "
        "be deleted. Nothing was changed. Back the data up, then run it again with "
        "--allow-data-loss, or stamp the revision you want if the schema should stay\n");
  CHECK(sahara(box, {"current"}).out == "008\n");
}
