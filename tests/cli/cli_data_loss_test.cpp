// A downgrade that would destroy data is refused, naming what, unless the operator allows it.
#include <doctest/doctest.h>

#include "cli/backend_cases.hpp"
#include "cli/backend_target.hpp"
#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("a downgrade that would delete rows is refused and changes nothing") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"upgrade", "head"}).exit_code == 0);
  sqlite_exec(box.path("test.db"), "INSERT INTO t_3c0000000003 (id, note) VALUES (1, 'keep me')");
  auto refused = sdm_on(box, "linear", {"downgrade", "base"});
  CHECK(refused.exit_code == 6);
  CHECK(refused.err ==
        "FAILED: this downgrade would destroy data: downgrade 3c0000000003 -> 2b0000000002, "
        "third revision: drop_table t_3c0000000003: 1 row would be deleted. Nothing was changed. "
        "Back the data up, then run it again with --allow-data-loss, or stamp the revision you "
        "want if the schema should stay\n");
  CHECK(sqlite_tables(box.path("test.db")).size() == 4);
  CHECK(sqlite_rows(box.path("test.db"), "SELECT version_num FROM alembic_version") ==
        std::vector<std::vector<std::string>>{{"3c0000000003"}});
  // Empty tables go without a word; the refusal is about data only.
  REQUIRE(sdm_on(box, "linear", {"downgrade", "2b0000000002", "--allow-data-loss"}).exit_code == 0);
  REQUIRE(sdm_on(box, "linear", {"downgrade", "base"}).exit_code == 0);
  CHECK(sqlite_tables(box.path("test.db")) == std::vector<std::string>{"alembic_version"});
}

TEST_CASE("a Sahara downgrade narrowing a column is refused while longer values exist") {
  Sandbox box;
  const std::string db = box.path("test.db");
  std::vector<std::string> base = {"--config-file", box.sqlite_config(), "--revisions-dir",
                                   sahara_revisions_dir()};
  auto sahara = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), base.begin(), base.end());
    return run_sdm(box, arguments);
  };
  REQUIRE(sahara({"upgrade", "025"}).exit_code == 0);
  sqlite_exec(db,
              "INSERT INTO instances (id, instance_name, internal_ip) VALUES "
              "('i-6', 'six', '2001:db8:85a3:0000:0000:8a2e:0370:7334')");
  auto refused = sahara({"downgrade", "024"});
  CHECK(refused.exit_code == 6);
  CHECK(refused.err.find("downgrade 025 -> 024, Increase internal_ip and management_ip column "
                         "size to work with IPv6: alter_column instances.internal_ip: 1 value is "
                         "longer than 15 characters") != std::string::npos);
  CHECK(sahara({"current"}).out == "025\n");
  sqlite_exec(db, "UPDATE instances SET internal_ip = '10.0.0.6'");
  REQUIRE(sahara({"downgrade", "024"}).exit_code == 0);
  CHECK(sahara({"current"}).out == "024\n");
}

BACKEND_TEST("the data-loss check finds the one table holding rows among empty ones") {
  Target t(backend);
  REQUIRE(t.run("linear", {"upgrade", "head"}).exit_code == 0);
  // One table never written, one written and emptied since, one holding a row.
  t.db.sql("INSERT INTO t_1a0000000001 (id, note) VALUES (1, 'keep me')");
  t.db.sql("INSERT INTO t_2b0000000002 (id, note) VALUES (1, 'gone')");
  t.db.sql("DELETE FROM t_2b0000000002");
  auto refused = t.run("linear", {"downgrade", "base"});
  CHECK(refused.exit_code == 6);
  CHECK(refused.err.find("drop_table t_1a0000000001: 1 row would be deleted.") !=
        std::string::npos);
  CHECK(refused.err.find("t_2b0000000002") == std::string::npos);
  CHECK(refused.err.find("t_3c0000000003") == std::string::npos);
  CHECK(t.db.versions() == std::vector<std::string>{"3c0000000003"});
  t.db.sql("DELETE FROM t_1a0000000001");
  REQUIRE(t.run("linear", {"downgrade", "base"}).exit_code == 0);
  CHECK(t.db.versions().empty());
}
