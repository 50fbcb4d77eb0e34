// Alembic 1.8.1's options on the commands that share its names, with its output (expected
// texts taken from Alembic 1.8.1 run on the same graphs), and the options it has that make no
// sense without Python, each refused with the reason.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("heads --resolve-dependencies leaves out a head another revision depends on") {
  Sandbox box;
  CHECK(sdm_on(box, "dependent_head", {"heads"}).out ==
        "a10000000001 (effective head)\nb10000000001 (head)\n");
  auto resolved = sdm_on(box, "dependent_head", {"heads", "--resolve-dependencies"});
  CHECK(resolved.exit_code == 0);
  CHECK(resolved.out == "b10000000001 (head)\n");
  CHECK(sdm_on(box, "dependent_head", {"heads", "-v", "--resolve-dependencies"}).out ==
        "Rev: b10000000001 (head)\n"
        "Parent: <base>\n"
        "Also depends on: a10000000001\n"
        "Path: " +
            fixture_dir("dependent_head") +
            "/r2_b.so\n"
            "\n"
            "    first of b, needs a\n"
            "\n");
  // Without dependencies it changes nothing.
  CHECK(sdm_on(box, "branched", {"heads", "--resolve-dependencies"}).out ==
        sdm_on(box, "branched", {"heads"}).out);
}

TEST_CASE("--verbose on history and branches prints each revision's block") {
  Sandbox box;
  // (Alembic lists a branch point's children in Python set order; here it is load order.)
  CHECK(sdm_on(box, "branched", {"branches", "--verbose"}).out ==
        "Rev: ba5e00000001 (branchpoint)\n"
        "Parent: <base>\n"
        "Branches into: 1eft00000002, 7ight0000003\n"
        "Path: " +
            fixture_dir("branched") +
            "/r1_base.so\n"
            "\n"
            "    base\n"
            "\n"
            "             -> 1eft00000002 (head), left\n"
            "             -> 7ight0000003 (head), right\n"
            "\n");
  // The plugin branch from its base takes in the core revision it depends on.
  CHECK(sdm_on(box, "depends", {"history", "-v", "-r", "plugin@base:"}).out ==
        "Rev: p1ug00000001 (head)\n"
        "Parent: <base>\n"
        "Also depends on: c0re00000001\n"
        "Branch names: plugin\n"
        "Path: " +
            fixture_dir("depends") +
            "/r3_plugin.so\n"
            "\n"
            "    plugin base, needs core\n"
            "\n"
            "Rev: c0re00000001\n"
            "Parent: <base>\n"
            "Branch names: core\n"
            "Path: " +
            fixture_dir("depends") +
            "/r1_core.so\n"
            "\n"
            "    core base\n"
            "\n");
}

TEST_CASE("show current shows the revisions the database is at") {
  Sandbox box;
  auto empty = sdm_on(box, "linear", {"show", "current"});
  CHECK(empty.exit_code == 0);
  CHECK(empty.out.empty());
  REQUIRE(sdm_on(box, "linear", {"upgrade", "2b0000000002"}).exit_code == 0);
  auto current = sdm_on(box, "linear", {"show", "current"});
  CHECK(current.out.find("Rev: 2b0000000002\n") == 0);
  CHECK(current.out == sdm_on(box, "linear", {"show", "2b0000000002"}).out);
}

TEST_CASE("merge takes --rev-id and --branch-label, and one head as Alembic does") {
  Sandbox box;
  auto labelled = sdm_on(box, "branched",
                         {"merge", "-m", "join", "--rev-id", "aaaa00000004", "--branch-label",
                          "joined", "--version-path", box.path("src"), "heads"});
  REQUIRE(labelled.exit_code == 0);
  CHECK(labelled.out == "Generating " + box.path("src/aaaa00000004_join.cpp") + " ...  done\n");
  CHECK(file_text(box.path("src/aaaa00000004_join.cpp"))
            .find("SDM_REVISION_EX(revision_aaaa00000004, \"aaaa00000004\", \"1eft00000002, "
                  "7ight0000003\", \"\", \"joined\",") != std::string::npos);
  // A label already in use is refused before any file is written.
  auto taken = sdm_on(box, "labels",
                      {"merge", "-m", "again", "--branch-label", "feature", "--version-path",
                       box.path("taken"), "heads"});
  CHECK(taken.exit_code == 4);
  CHECK_FALSE(std::filesystem::exists(box.path("taken")));
  // One head is a plain child; a revision that is not a head, or one named twice, is refused.
  auto single = sdm_on(box, "linear",
                       {"merge", "-m", "x", "--rev-id", "aaaa00000001", "--version-path",
                        box.path("single"), "heads"});
  REQUIRE_MESSAGE(single.exit_code == 0, single.err);
  CHECK(
      file_text(box.path("single/aaaa00000001_x.cpp")).find("\"aaaa00000001\", \"3c0000000003\"") !=
      std::string::npos);
  auto not_head = sdm_on(box, "linear", {"merge", "-m", "x", "1a0000000001"});
  CHECK(not_head.exit_code == 4);
  CHECK(not_head.err ==
        "FAILED: Revision 1a0000000001 is not a head revision; please specify --splice to create "
        "a new branch from this revision\n");
  auto twice = sdm_on(box, "linear", {"merge", "-m", "x", "3c0000000003", "3c0000000003"});
  CHECK(twice.exit_code == 4);
  CHECK(twice.err == "FAILED: Duplicate head revisions specified\n");
}

TEST_CASE("revision --sql is refused with Alembic's own words") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"revision", "-m", "x", "--sql"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "FAILED: Using --sql with the revision command when revision_environment is not "
        "configured does not make any sense\n");
}

TEST_CASE("Alembic options that need Python are refused with the reason") {
  struct Case {
    std::vector<std::string> arguments;
    std::string error;
  };
  const std::vector<Case> cases = {
      {{"upgrade", "--tag", "x", "head"},
       "FAILED: Alembic's --tag is not offered: it only hands a value to a custom env.py, and "
       "sahara-db-manage has no env.py (see `sahara-db-manage upgrade --help`)\n"},
      {{"downgrade", "--tag=x", "base"},
       "FAILED: Alembic's --tag is not offered: it only hands a value to a custom env.py, and "
       "sahara-db-manage has no env.py (see `sahara-db-manage downgrade --help`)\n"},
      {{"stamp", "--tag", "x", "head"},
       "FAILED: Alembic's --tag is not offered: it only hands a value to a custom env.py, and "
       "sahara-db-manage has no env.py (see `sahara-db-manage stamp --help`)\n"},
      {{"-x", "tenant=a", "upgrade", "head"},
       "FAILED: Alembic's -x is not offered: it hands key=value settings to a custom env.py, and "
       "sahara-db-manage has no env.py: put settings in sahara.conf (see `sahara-db-manage "
       "--help`)\n"},
      {{"-c", "alembic.ini", "current"},
       "FAILED: Alembic's -c is not offered: sahara-db-manage reads sahara.conf, not "
       "alembic.ini: give it with --config-file PATH (see `sahara-db-manage --help`)\n"},
      {{"--name", "alembic", "current"},
       "FAILED: Alembic's --name is not offered: there is no alembic.ini section to choose: the "
       "settings are sahara.conf's [database] and [sahara_db_manage] sections (see "
       "`sahara-db-manage --help`)\n"},
      {{"--raiseerr", "current"},
       "FAILED: Alembic's --raiseerr is not offered: there is no Python stack trace to show: the "
       "FAILED line and the exit status say what failed (see `sahara-db-manage --help`)\n"},
      {{"list_templates"},
       "FAILED: Alembic's list_templates command is not offered: init makes one kind of project "
       "(a CMake project of revision plugins), so there are no templates to list\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.arguments.front());
    Sandbox box;
    auto r = sdm_on(box, "linear", c.arguments);
    CHECK(r.exit_code == 2);
    CHECK(r.err == c.error);
    CHECK_FALSE(std::filesystem::exists(box.path("test.db")));
  }
}

TEST_CASE("each command's help lists the Alembic options it leaves out") {
  Sandbox box;
  auto upgrade = run_sdm(box, {"upgrade", "--help"});
  CHECK(upgrade.out.find("Alembic's options not taken here:\n  --tag: it only hands a value to a "
                         "custom env.py") != std::string::npos);
  auto program = run_sdm(box, {"--help"});
  CHECK(program.out.find("Alembic's global options not taken here:\n  -c, --config: ") !=
        std::string::npos);
  CHECK(program.out.find("  list_templates: init makes one kind of project") != std::string::npos);
}
