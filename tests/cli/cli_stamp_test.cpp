// stamp: the version table moves, the schema does not.
#include <doctest/doctest.h>

#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("stamp on an empty database creates the version table and inserts") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"stamp", "2b0000000002"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("Running stamp_revision  -> 2b0000000002") != std::string::npos);
  CHECK(version_rows(box) == std::vector<std::string>{"2b0000000002"});
  CHECK(sqlite_tables(box.path("test.db")) == std::vector<std::string>{"alembic_version"});
}

TEST_CASE("stamp moves down and up without running migrations") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"upgrade", "head"}).exit_code == 0);
  auto down = sdm_on(box, "linear", {"stamp", "1a0000000001"});
  REQUIRE(down.exit_code == 0);
  CHECK(down.err.find("Running stamp_revision 3c0000000003 -> 1a0000000001") != std::string::npos);
  CHECK(version_rows(box) == std::vector<std::string>{"1a0000000001"});
  CHECK(sqlite_tables(box.path("test.db")).size() == 4);  // every table is still there
  REQUIRE(sdm_on(box, "linear", {"stamp", "head"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"3c0000000003"});
}

TEST_CASE("stamp base deletes the row and keeps the table") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"stamp", "head"}).exit_code == 0);
  auto r = sdm_on(box, "linear", {"stamp", "base"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("Running stamp_revision 3c0000000003 -> ") != std::string::npos);
  CHECK(version_rows(box).empty());
  CHECK(sqlite_tables(box.path("test.db")) == std::vector<std::string>{"alembic_version"});
}

TEST_CASE("stamp --purge replaces rows the revisions do not know") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"stamp", "head"}).exit_code == 0);
  sqlite_exec(box.path("test.db"), "INSERT INTO alembic_version VALUES ('gone00000000')");
  auto unknown = sdm_on(box, "linear", {"current"});
  CHECK(unknown.exit_code == 4);
  CHECK(unknown.err == "FAILED: Can't locate revision identified by 'gone00000000'\n");
  auto purge = sdm_on(box, "linear", {"stamp", "--purge", "2b0000000002"});
  REQUIRE(purge.exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"2b0000000002"});
}

TEST_CASE("stamp of several heads inserts one row per head") {
  Sandbox box;
  auto r = sdm_on(box, "branched", {"stamp", "1eft00000002", "7ight0000003"});
  REQUIRE(r.exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"1eft00000002", "7ight0000003"});
}

TEST_CASE("stamp of an unknown revision fails and changes nothing") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"stamp", "nosuch"});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "FAILED: Can't locate revision identified by 'nosuch'\n");
  CHECK(sqlite_tables(box.path("test.db")).empty());
}
