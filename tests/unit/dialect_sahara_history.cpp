// Sahara's whole history (the real revision plugins, 001-035) through the SQLite dialect: the SQL
// Alembic writes for SQLite (tests/data/alembic_offline_sqlite.sql), but where SQLite needs
// otherwise: the changes Alembic cannot make on SQLite (007, 025, 027, 034's default) rebuild or
// rename here, and 029 carries its value. Then the whole history runs on a real database.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "schema/schema_model.hpp"
#include "sqlite/sqlite_dialect.hpp"
#include "support/alembic_ddl.hpp"
#include "support/memory_sqlite.hpp"

namespace {

using namespace sdm;
using Statements = std::vector<std::string>;

using Database = test::MemorySqlite;

std::string column_list(const Table& table) {
  std::string list;
  for (const auto& column : table.columns)
    list += (list.empty() ? "" : ", ") + column.name;
  return list;
}

// The four statements of a rebuild of `table` from `first` on: the new table (holding
// `column_line`), the copy, the drop and the rename.
void check_rebuild(const Statements& statements, std::size_t first, const std::string& table,
                   const std::string& column_line) {
  CAPTURE(table);
  REQUIRE(statements.size() >= first + 4);
  const std::string temporary = "_sdm_tmp_" + table;
  CHECK(statements[first].rfind("CREATE TABLE " + temporary + " (\n", 0) == 0);
  CHECK(statements[first].find(column_line) != std::string::npos);
  CHECK(statements[first + 1].rfind("INSERT INTO " + temporary + " (", 0) == 0);
  CHECK(statements[first + 2] == "DROP TABLE " + table);
  CHECK(statements[first + 3] == "ALTER TABLE " + temporary + " RENAME TO " + table);
}

}  // namespace

TEST_CASE("Sahara revisions render on SQLite as Alembic writes them, but where SQLite differs") {
  const sqlite::SqliteDialect dialect;
  test::RevisionStatements expected = test::read_alembic_ddl("sqlite");

  // 007 and 025: Alembic's ALTER COLUMN is not SQLite; the table is rebuilt instead (next case).
  CHECK(expected.at("007") ==
        Statements{"ALTER TABLE clusters ALTER COLUMN status_description TYPE TEXT"});
  CHECK(expected.at("025") ==
        Statements{"ALTER TABLE instances ALTER COLUMN internal_ip DROP NOT NULL",
                   "ALTER TABLE instances ALTER COLUMN internal_ip TYPE VARCHAR(45)",
                   "ALTER TABLE instances ALTER COLUMN management_ip DROP NOT NULL",
                   "ALTER TABLE instances ALTER COLUMN management_ip TYPE VARCHAR(45)"});

  // 027: the type is unchanged (VARCHAR(100)), so only the rename remains, in SQLite's words.
  test::differs_from_alembic(
      expected, "027",
      {"ALTER TABLE job_executions ALTER COLUMN oozie_job_id TYPE VARCHAR(100)",
       "ALTER TABLE job_executions RENAME oozie_job_id TO engine_job_id"},
      {"ALTER TABLE job_executions RENAME COLUMN oozie_job_id TO engine_job_id"});

  // 029: Alembic prints the placeholder ?; the revision writes the value, SQLite's 1 for true.
  test::differs_from_alembic(
      expected, "029",
      {"UPDATE node_group_templates SET is_protected=? WHERE node_group_templates.is_default = 1",
       "UPDATE cluster_templates SET is_protected=? WHERE cluster_templates.is_default = 1"},
      {"UPDATE node_group_templates SET is_protected=1 WHERE node_group_templates.is_default = 1",
       "UPDATE cluster_templates SET is_protected=1 WHERE cluster_templates.is_default = 1"});

  // 034: upstream adds each column NOT NULL without a default, which fails on a table with rows;
  // the revision adds it with a temporary default and drops the default (a rebuild, next case).
  CHECK(expected.at("034") ==
        Statements{"ALTER TABLE node_group_templates ADD COLUMN boot_from_volume BOOLEAN NOT NULL",
                   "ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOLEAN NOT NULL",
                   "ALTER TABLE templates_relations ADD COLUMN boot_from_volume BOOLEAN NOT NULL"});

  const auto rendered = test::render_sahara_upgrades(dialect);
  CHECK(test::check_revisions(rendered, expected, {"007", "025", "034"}) == 32);
  CHECK(rendered.at("001").size() == 13);
}

TEST_CASE("Sahara 007, 025 and 034 rebuild on SQLite where Alembic's ALTER fails") {
  const sqlite::SqliteDialect dialect;
  const auto rendered = test::render_sahara_upgrades(dialect);

  // 007: clusters.status_description VARCHAR(200) -> TEXT.
  const auto& convert = rendered.at("007");
  REQUIRE(convert.size() == 4);
  check_rebuild(convert, 0, "clusters", "    status_description TEXT, \n");
  CHECK(convert[0].rfind("CREATE TABLE _sdm_tmp_clusters (\n    created_at DATETIME, \n", 0) == 0);
  CHECK(convert[0].find("    PRIMARY KEY (id), \n"
                        "    FOREIGN KEY(cluster_template_id) REFERENCES cluster_templates (id), \n"
                        "    UNIQUE (name, tenant_id)\n)") != std::string::npos);
  schema::SchemaModel at_006;
  for (const char* id : {"001", "002", "003", "004", "005", "006"})
    test::render_revision(dialect, id, true, at_006);
  const std::string columns = column_list(*at_006.table("clusters"));
  CHECK(convert[1] ==
        "INSERT INTO _sdm_tmp_clusters (" + columns + ") SELECT " + columns + " FROM clusters");

  // 025: instances.internal_ip and management_ip VARCHAR(15) -> VARCHAR(45), one rebuild each.
  const auto& widen = rendered.at("025");
  REQUIRE(widen.size() == 8);
  check_rebuild(widen, 0, "instances",
                "    internal_ip VARCHAR(45), \n    management_ip VARCHAR(15), \n");
  check_rebuild(widen, 4, "instances",
                "    internal_ip VARCHAR(45), \n    management_ip VARCHAR(45), \n");

  // 034: per table, the column added with a default of false, then a rebuild without it.
  const auto& boot = rendered.at("034");
  REQUIRE(boot.size() == 15);
  std::size_t at = 0;
  for (const std::string table : {"node_group_templates", "node_groups", "templates_relations"}) {
    CHECK(boot[at] ==
          "ALTER TABLE " + table + " ADD COLUMN boot_from_volume BOOLEAN DEFAULT false NOT NULL");
    check_rebuild(boot, at + 1, table, "    boot_from_volume BOOLEAN NOT NULL, \n");
    at += 5;
  }
}

TEST_CASE("the whole Sahara history runs on a real SQLite database and keeps its rows") {
  Database db;
  // The runner's contract for SQLite: foreign keys are not enforced while tables are rebuilt.
  db.exec("PRAGMA foreign_keys = OFF");
  const sqlite::SqliteDialect dialect;
  schema::SchemaModel model;
  db.exec(dialect.create_version_table("alembic_version"));
  std::string previous;
  for (const auto& id : test::sahara_revision_ids()) {
    db.exec(dialect.begin_statement());
    for (const auto& statement : test::render_revision(dialect, id, true, model))
      db.exec(statement);
    db.exec(previous.empty() ? dialect.insert_version("alembic_version", id, false)
                             : dialect.update_version("alembic_version", previous, id));
    db.exec(dialect.commit_statement());
    previous = id;
    if (previous == "006") {
      // Rows in the tables 007, 025 and 027 change, and in two of those 034 adds NOT NULL to.
      db.exec(
          "INSERT INTO cluster_templates (id, name, plugin_name, hadoop_version) "
          "VALUES ('ct1', 'template', 'vanilla', '2.7.1')");
      db.exec(
          "INSERT INTO clusters (id, name, tenant_id, plugin_name, hadoop_version, "
          "management_private_key, management_public_key, status_description, "
          "cluster_template_id) VALUES ('c1', 'cluster', 't1', 'vanilla', '2.7.1', 'private', "
          "'public', 'Active since 2014', 'ct1')");
      db.exec(
          "INSERT INTO job_executions (id, cluster_id, oozie_job_id) "
          "VALUES ('je1', 'c1', 'oozie-0001')");
      db.exec(
          "INSERT INTO instances (id, instance_name, internal_ip, management_ip) "
          "VALUES ('i1', 'node-1', '10.0.0.15', '192.168.0.15')");
      db.exec(
          "INSERT INTO node_group_templates (id, name, flavor_id, plugin_name, hadoop_version, "
          "volumes_per_node) VALUES ('ngt1', 'workers', 'm1.small', 'vanilla', '2.7.1', 0)");
      db.exec(
          "INSERT INTO node_groups (id, name, flavor_id, count, cluster_id, "
          "node_group_template_id) VALUES ('ng1', 'workers', 'm1.small', 3, 'c1', 'ngt1')");
    }
  }

  CHECK(db.value("SELECT version_num FROM alembic_version") == "035");
  CHECK(db.value("SELECT status_description FROM clusters WHERE id = 'c1'") == "Active since 2014");
  CHECK(db.value("SELECT cluster_template_id FROM clusters WHERE id = 'c1'") == "ct1");
  CHECK(db.value("SELECT internal_ip || ' ' || management_ip FROM instances") ==
        "10.0.0.15 192.168.0.15");
  CHECK(db.value("SELECT engine_job_id FROM job_executions WHERE id = 'je1'") == "oozie-0001");
  // 034 filled its NOT NULL column with false in the rows already there, and kept no default.
  CHECK(db.value("SELECT boot_from_volume FROM node_group_templates WHERE id = 'ngt1'") == "0");
  CHECK(db.value("SELECT boot_from_volume FROM node_groups WHERE id = 'ng1'") == "0");
  CHECK(db.value("SELECT dflt_value FROM pragma_table_info('node_groups') "
                 "WHERE name = 'boot_from_volume'") == "NULL");

  // The rebuilt clusters table still has its foreign key and its unique constraint.
  CHECK(db.rows("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('clusters')") ==
        std::vector<std::vector<std::string>>{{"cluster_templates", "cluster_template_id", "id"}});
  CHECK(db.try_exec("INSERT INTO clusters (id, name, tenant_id, plugin_name, hadoop_version, "
                    "management_private_key, management_public_key) VALUES ('c2', 'cluster', "
                    "'t1', 'vanilla', '2.7.1', 'private', 'public')")
            .find("UNIQUE constraint failed") != std::string::npos);
  CHECK(db.rows("PRAGMA foreign_key_check").empty());
  CHECK(db.value("PRAGMA integrity_check") == "ok");
  CHECK(db.rows("SELECT name FROM sqlite_master WHERE name LIKE '\\_sdm\\_tmp\\_%' ESCAPE '\\'")
            .empty());

  // The live tables are what the model says, column by column.
  for (const auto& [name, table] : model.tables()) {
    const std::string& table_name = name;
    CAPTURE(table_name);
    const auto live =
        db.rows("SELECT name, type, \"notnull\" FROM pragma_table_info('" + name + "')");
    REQUIRE(live.size() == table.columns.size());
    for (std::size_t i = 0; i < live.size(); ++i) {
      CHECK(live[i][0] == table.columns[i].name);
      CHECK(live[i][1] == dialect.render_type(table.columns[i].type));
      CHECK(live[i][2] == (table.columns[i].nullable ? "0" : "1"));
    }
  }
}
