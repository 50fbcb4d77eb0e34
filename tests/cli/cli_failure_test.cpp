// A revision that fails half-way: the run is rolled back and the error says where it stopped.
#include <doctest/doctest.h>

#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("a failure rolls the whole run back by default") {
  Sandbox box;
  auto r = sdm_on(box, "failing", {"upgrade", "head"});
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("FAILED: upgrade 2b0000000002 -> 3c0000000003, third revision fails failed at "
                   "op 2 of 2 (execute): SQLite statement failed: no such table: no_such_table; "
                   "the whole run was rolled back; the database is still at base (no "
                   "revision)\n") != std::string::npos);
  // Nothing of the run is left, not even the version table it created.
  CHECK(sqlite_tables(box.path("test.db")).empty());
}

TEST_CASE("with a transaction per migration the completed revisions stay") {
  Sandbox box;
  auto r = sdm_on(box, "failing", {"upgrade", "--transaction-per-migration", "head"});
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("this revision was rolled back; the database is at 2b0000000002") !=
        std::string::npos);
  CHECK(sqlite_tables(box.path("test.db")) ==
        std::vector<std::string>{"alembic_version", "t_1a0000000001", "t_2b0000000002"});
  CHECK(sqlite_rows(box.path("test.db"), "SELECT version_num FROM alembic_version") ==
        std::vector<std::vector<std::string>>{{"2b0000000002"}});
}
