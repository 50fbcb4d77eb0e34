// sahara.conf as the command line finds it: default database, precedence, errors.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("with no config file the default SQLite database is used and said once") {
  Sandbox box;
  auto r = run_sdm(box, {"--revisions-dir", fixture_dir("linear"), "upgrade", "head"});
  REQUIRE(r.exit_code == 0);
  const std::string notice =
      "INFO  [sdm.config] No config file found; using the default database "
      "sqlite:///sahara.sqlite in " +
      box.dir() + "\n";
  CHECK(r.err.find(notice) == 0);
  CHECK(r.err.find(notice, 1) == std::string::npos);
  CHECK(sqlite_rows(box.path("sahara.sqlite"), "SELECT version_num FROM alembic_version") ==
        std::vector<std::vector<std::string>>{{"3c0000000003"}});
}

TEST_CASE("a config file in the home directory is found without --config-file") {
  Sandbox box;
  box.write(".sahara/sahara.conf",
            "[database]\nconnection = sqlite:///" + box.path("home.db") + "\n");
  auto r = run_sdm(box, {"--revisions-dir", fixture_dir("linear"), "upgrade", "+1"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("No config file found") == std::string::npos);
  CHECK(sqlite_tables(box.path("home.db")).size() == 2);
}

TEST_CASE("later config files win and oslo syntax is understood") {
  Sandbox box;
  box.write("a.conf", "[database]\nconnection = sqlite:///" + box.path("a.db") + "\n");
  box.write("b.conf", "# a comment\n[DEFAULT]\nsql_connection = sqlite:///" +
                          box.path("ignored.db") + "\n[Database]\nconnection: sqlite:///" +
                          box.path("b.db") + "\n");
  auto r = run_sdm(box, {"--config-file", box.path("a.conf"), "--config-file", box.path("b.conf"),
                         "--revisions-dir", fixture_dir("linear"), "upgrade", "+1"});
  REQUIRE(r.exit_code == 0);
  CHECK(std::filesystem::exists(box.path("b.db")));
  CHECK_FALSE(std::filesystem::exists(box.path("a.db")));
  CHECK_FALSE(std::filesystem::exists(box.path("ignored.db")));
}

TEST_CASE("the revisions directory can come from the config file") {
  Sandbox box;
  box.write("c.yaml", "database:\n  connection: sqlite:///" + box.path("y.db") +
                          "\nsahara_db_manage:\n  revisions_dir: " + fixture_dir("linear") + "\n");
  auto r = run_sdm(box, {"--config-file", box.path("c.yaml"), "upgrade", "head"});
  REQUIRE(r.exit_code == 0);
  CHECK(sqlite_tables(box.path("y.db")).size() == 4);
}

TEST_CASE("config mistakes are config errors that name the file") {
  Sandbox box;
  auto missing = run_sdm(box, {"--config-file", box.path("nope.conf"), "current"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find(box.path("nope.conf")) != std::string::npos);

  box.write("empty.conf", "[database]\nconnection =\n");
  auto empty = run_sdm(box, {"--config-file", box.path("empty.conf"), "--revisions-dir",
                             fixture_dir("linear"), "current"});
  CHECK(empty.exit_code == 3);
  CHECK(empty.err.find(box.path("empty.conf")) != std::string::npos);

  box.write("other.conf", "[DEFAULT]\ndebug = true\n");
  auto unset = run_sdm(box, {"--config-file", box.path("other.conf"), "--revisions-dir",
                             fixture_dir("linear"), "current"});
  CHECK(unset.exit_code == 3);
  CHECK(unset.err == "FAILED: no database connection is set in " + box.path("other.conf") +
                         ": add `connection = <URL>` under [database]\n");

  box.write("badurl.conf", "[database]\nconnection = postgresql://user:s3cret@host:port/db\n");
  auto bad_url = run_sdm(box, {"--config-file", box.path("badurl.conf"), "--revisions-dir",
                               fixture_dir("linear"), "current"});
  CHECK(bad_url.exit_code == 3);
  CHECK(bad_url.err.find(box.path("badurl.conf")) != std::string::npos);
  CHECK(bad_url.err.find("s3cret") == std::string::npos);
}

TEST_CASE("global options belong before the command") {
  Sandbox box;
  auto r = run_sdm(box, {"current", "--config-file", "x.conf"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "FAILED: --config-file is a global option: put it before the command, e.g. "
        "`sahara-db-manage --config-file ... current`\n");
}

TEST_CASE("usage errors exit 2 and help is there for every command") {
  Sandbox box;
  auto unknown = run_sdm(box, {"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("FAILED: unknown command 'frobnicate' (choose from upgrade, downgrade") ==
        0);
  auto nothing = run_sdm(box, {});
  CHECK(nothing.exit_code == 2);
  auto help = run_sdm(box, {"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("usage: sahara-db-manage") == 0);
  for (const char* command : {"upgrade", "downgrade", "current", "history", "heads", "branches",
                              "show", "stamp", "check_migration", "revision", "merge", "plugins"}) {
    CAPTURE(std::string(command));
    auto r = run_sdm(box, {command, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(std::string("usage: sahara-db-manage ") + command) == 0);
  }
  auto version = run_sdm(box, {"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("sahara-db-manage 1.") == 0);
  auto extra = run_sdm(box, {"current", "extra"});
  CHECK(extra.exit_code == 2);
  CHECK(extra.err.find("FAILED: unrecognized arguments: extra") == 0);
  auto missing = run_sdm(box, {"stamp"});
  CHECK(missing.exit_code == 2);
}
