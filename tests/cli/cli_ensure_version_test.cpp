// ensure_version: the version table, created empty when missing, never touched when present.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("ensure_version creates the version table on a fresh database and nothing else") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"ensure_version"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("INFO  [sdm.runtime] Context impl SQLiteImpl.\n") != std::string::npos);
  CHECK(sqlite_tables(box.path("test.db")) == std::vector<std::string>{"alembic_version"});
  CHECK(sqlite_rows(box.path("test.db"),
                    "SELECT sql FROM sqlite_master WHERE name = 'alembic_version'") ==
        std::vector<std::vector<std::string>>{
            {"CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n    "
             "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)"}});
  CHECK(version_rows(box).empty());
  // The table it made is the one every other command uses.
  REQUIRE(sdm_on(box, "linear", {"upgrade", "head"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"3c0000000003"});
}

TEST_CASE("ensure_version leaves an existing table and its rows alone") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"upgrade", "2b0000000002"}).exit_code == 0);
  log_version_writes(box.path("test.db"));
  auto r = sdm_on(box, "linear", {"ensure_version"});
  REQUIRE(r.exit_code == 0);
  CHECK(take_version_writes(box.path("test.db")).empty());
  CHECK(version_rows(box) == std::vector<std::string>{"2b0000000002"});
}

TEST_CASE("ensure_version --sql prints the CREATE TABLE and keeps it") {
  Sandbox box;
  const std::string create =
      "CREATE TABLE alembic_version (\n"
      "    version_num VARCHAR(32) NOT NULL, \n"
      "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
      ");\n\n";
  auto sqlite = sdm_on(box, "linear", {"ensure_version", "--sql"});
  REQUIRE(sqlite.exit_code == 0);
  // Alembic 1.8.1 follows it with DROP TABLE alembic_version, undoing it (README,
  // "Differences from Alembic").
  CHECK(sqlite.out == create);
  CHECK_FALSE(std::filesystem::exists(box.path("test.db")));
  const std::string config =
      box.write("pg.conf", "[database]\nconnection = postgresql://u:p@127.0.0.1/none\n");
  auto postgresql = run_sdm(box, {"--config-file", config, "--revisions-dir", fixture_dir("linear"),
                                  "ensure_version", "--sql"});
  REQUIRE(postgresql.exit_code == 0);
  CHECK(postgresql.out == "BEGIN;\n\n" + create + "COMMIT;\n\n");
}

TEST_CASE("ensure_version needs no sound revision graph, as it runs no revision") {
  Sandbox box;
  auto r = sdm_on(box, "cycle", {"ensure_version"});
  CHECK(r.exit_code == 0);
  CHECK(sqlite_tables(box.path("test.db")) == std::vector<std::string>{"alembic_version"});
}
