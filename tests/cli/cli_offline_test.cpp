// Offline (--sql) scripts: Alembic's shape, and the same statements online mode runs.
#include <doctest/doctest.h>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

// A SQLite script that changes the schema turns foreign keys off first, as an online run does:
// a table rebuild must never cascade to the rows that refer to the table.
const std::string kForeignKeysOff = "PRAGMA foreign_keys = OFF;\n\n";

const std::string kCreateVersionTable =
    "CREATE TABLE alembic_version (\n"
    "    version_num VARCHAR(32) NOT NULL, \n"
    "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
    ");\n\n";

std::string create_fixture_table(const std::string& id) {
  return "CREATE TABLE t_" + id +
         " (\n    id INTEGER NOT NULL, \n    note VARCHAR(40), \n    PRIMARY KEY (id)\n);\n\n";
}

}  // namespace

TEST_CASE("upgrade head --sql prints the whole script from base") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"upgrade", "head", "--sql"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == kForeignKeysOff + kCreateVersionTable + "-- Running upgrade  -> 1a0000000001\n\n" +
                     create_fixture_table("1a0000000001") +
                     "INSERT INTO alembic_version (version_num) VALUES ('1a0000000001');\n\n"
                     "-- Running upgrade 1a0000000001 -> 2b0000000002\n\n" +
                     create_fixture_table("2b0000000002") +
                     "UPDATE alembic_version SET version_num='2b0000000002' WHERE "
                     "alembic_version.version_num = '1a0000000001';\n\n"
                     "-- Running upgrade 2b0000000002 -> 3c0000000003\n\n" +
                     create_fixture_table("3c0000000003") +
                     "UPDATE alembic_version SET version_num='3c0000000003' WHERE "
                     "alembic_version.version_num = '2b0000000002';\n\n");
  CHECK(r.err.find("INFO  [sdm.runtime] Generating static SQL\n") != std::string::npos);
  // Offline mode neither connects nor creates the database file.
  CHECK(sqlite_tables(box.path("test.db")).empty());
}

TEST_CASE("a FROM:TO range starts with an UPDATE and no version table") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"upgrade", "--sql", "1a0000000001:2b0000000002"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == kForeignKeysOff + "-- Running upgrade 1a0000000001 -> 2b0000000002\n\n" +
                     create_fixture_table("2b0000000002") +
                     "UPDATE alembic_version SET version_num='2b0000000002' WHERE "
                     "alembic_version.version_num = '1a0000000001';\n\n");
}

TEST_CASE("a range whose start is above its end emits nothing") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"upgrade", "--sql", "3c0000000003:1a0000000001"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("delta with --sql counts from base") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"upgrade", "--delta", "2", "--sql"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("-- Running upgrade 1a0000000001 -> 2b0000000002") != std::string::npos);
  CHECK(r.out.find("3c0000000003") == std::string::npos);
}

TEST_CASE("downgrade --sql needs a range and ends with a DELETE at base") {
  Sandbox box;
  auto bare = sdm_on(box, "linear", {"downgrade", "--sql", "base"});
  CHECK(bare.exit_code == 4);
  CHECK(bare.err == "FAILED: downgrade with --sql requires <fromrev>:<torev>\n");
  auto r = sdm_on(box, "linear", {"downgrade", "--sql", "2b0000000002:base"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        kForeignKeysOff +
            "-- Running downgrade 2b0000000002 -> 1a0000000001\n\n"
            "DROP TABLE t_2b0000000002;\n\n"
            "UPDATE alembic_version SET version_num='1a0000000001' WHERE "
            "alembic_version.version_num = '2b0000000002';\n\n"
            "-- Running downgrade 1a0000000001 -> \n\n"
            "DROP TABLE t_1a0000000001;\n\n"
            "DELETE FROM alembic_version WHERE alembic_version.version_num = '1a0000000001';\n\n");
}

TEST_CASE("stamp --sql writes only the version table") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"stamp", "--sql", "2b0000000002"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == kCreateVersionTable +
                     "-- Running stamp_revision  -> 2b0000000002\n\n"
                     "INSERT INTO alembic_version (version_num) VALUES ('2b0000000002');\n\n");
  auto purge = sdm_on(box, "linear", {"stamp", "--sql", "--purge", "2b0000000002"});
  CHECK(purge.exit_code == 4);
  CHECK(purge.err == "FAILED: Can't use --purge with --sql mode\n");
}

TEST_CASE("the offline script run with sqlite3 gives the schema online mode gives") {
  Sandbox online, offline;
  REQUIRE(sdm_on(online, "linear", {"upgrade", "head"}).exit_code == 0);
  auto script = sdm_on(offline, "linear", {"upgrade", "head", "--sql"});
  REQUIRE(script.exit_code == 0);
  auto piped =
      run_process("/usr/bin/sqlite3", {offline.path("test.db")}, offline.dir(), {}, script.out);
  REQUIRE(piped.exit_code == 0);
  const std::string schema_query =
      "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";
  CHECK(sqlite_rows(offline.path("test.db"), schema_query) ==
        sqlite_rows(online.path("test.db"), schema_query));
  CHECK(sqlite_rows(offline.path("test.db"), "SELECT version_num FROM alembic_version") ==
        sqlite_rows(online.path("test.db"), "SELECT version_num FROM alembic_version"));
}
