// Offline (--sql) scripts: Alembic's shape, and the same statements online mode runs.
#include <doctest/doctest.h>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

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
  CHECK(r.out == kCreateVersionTable + "-- Running upgrade  -> 1a0000000001\n\n" +
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
  CHECK(r.err.find("INFO  [sdm.runtime] Context impl SQLiteImpl.\n"
                   "INFO  [sdm.runtime] Generating static SQL\n"
                   "INFO  [sdm.runtime] Will assume transactional DDL.\n") != std::string::npos);
  // Offline mode neither connects nor creates the database file.
  CHECK(sqlite_tables(box.path("test.db")).empty());
}

TEST_CASE("a FROM:TO range starts with an UPDATE and no version table") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"upgrade", "--sql", "1a0000000001:2b0000000002"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == std::string("-- Running upgrade 1a0000000001 -> 2b0000000002\n\n") +
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

TEST_CASE("downgrade --sql needs a range and, ending at base, drops the version table") {
  Sandbox box;
  auto bare = sdm_on(box, "linear", {"downgrade", "--sql", "base"});
  CHECK(bare.exit_code == 4);
  CHECK(bare.err == "FAILED: downgrade with --sql requires <fromrev>:<torev>\n");
  auto r = sdm_on(box, "linear", {"downgrade", "--sql", "2b0000000002:base"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "-- Running downgrade 2b0000000002 -> 1a0000000001\n\n"
        "DROP TABLE t_2b0000000002;\n\n"
        "UPDATE alembic_version SET version_num='1a0000000001' WHERE "
        "alembic_version.version_num = '2b0000000002';\n\n"
        "-- Running downgrade 1a0000000001 -> \n\n"
        "DROP TABLE t_1a0000000001;\n\n"
        "DELETE FROM alembic_version WHERE alembic_version.version_num = '1a0000000001';\n\n"
        "DROP TABLE alembic_version;\n\n");
  // Ending anywhere else keeps it.
  auto partway = sdm_on(box, "linear", {"downgrade", "--sql", "3c0000000003:1a0000000001"});
  REQUIRE(partway.exit_code == 0);
  CHECK(partway.out.find("DROP TABLE alembic_version") == std::string::npos);
}

TEST_CASE("every offline script that ends with no revision drops the version table") {
  // Alembic 1.8.1 drops it whenever the script's final state is base, whatever the command.
  Sandbox box;
  auto stamp = sdm_on(box, "linear", {"stamp", "--sql", "3c0000000003:base"});
  REQUIRE(stamp.exit_code == 0);
  CHECK(stamp.out ==
        "-- Running stamp_revision 3c0000000003 -> \n\n"
        "DELETE FROM alembic_version WHERE alembic_version.version_num = '3c0000000003';\n\n"
        "DROP TABLE alembic_version;\n\n");
  auto nothing_to_do = sdm_on(box, "linear", {"upgrade", "--sql", "base"});
  REQUIRE(nothing_to_do.exit_code == 0);
  CHECK(nothing_to_do.out == "DROP TABLE alembic_version;\n\n");
  // A range that starts and stays at a revision has rows left: no DROP.
  auto empty_range = sdm_on(box, "linear", {"upgrade", "--sql", "1a0000000001:base"});
  REQUIRE(empty_range.exit_code == 0);
  CHECK(empty_range.out.empty());
}

TEST_CASE("on PostgreSQL the DROP comes before the COMMIT") {
  Sandbox box;
  const std::string config =
      box.write("pg.conf", "[database]\nconnection = postgresql://u:p@127.0.0.1/none\n");
  auto r = run_sdm(box, {"--config-file", config, "--revisions-dir", fixture_dir("linear"),
                         "downgrade", "--sql", "1a0000000001:base"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "BEGIN;\n\n"
        "-- Running downgrade 1a0000000001 -> \n\n"
        "DROP TABLE t_1a0000000001;\n\n"
        "DELETE FROM alembic_version WHERE alembic_version.version_num = '1a0000000001';\n\n"
        "DROP TABLE alembic_version;\n\n"
        "COMMIT;\n\n");
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
