// Sahara's whole history through the PostgreSQL dialect: what the real revision plugins record,
// rendered, is the SQL Alembic writes for PostgreSQL (tests/data/alembic_offline_postgresql.sql),
// except where a revision deliberately differs (029, 034). No database is needed: the plugins
// only record ops.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "postgresql/postgresql_dialect.hpp"
#include "support/alembic_ddl.hpp"

namespace {

using namespace sdm;
using Statements = std::vector<std::string>;

}  // namespace

TEST_CASE("Sahara revisions render on PostgreSQL exactly as Alembic writes them, but 029 and 034") {
  const postgresql::PostgresqlDialect dialect;
  test::RevisionStatements expected = test::read_alembic_ddl("postgresql");

  // 029: Alembic's offline script shows the bind placeholder %(is_protected)s; the revision
  // writes the literal, so the script runs as it is.
  test::differs_from_alembic(
      expected, "029",
      {"UPDATE node_group_templates SET is_protected=%(is_protected)s WHERE "
       "node_group_templates.is_default",
       "UPDATE cluster_templates SET is_protected=%(is_protected)s WHERE "
       "cluster_templates.is_default"},
      {"UPDATE node_group_templates SET is_protected=true WHERE node_group_templates.is_default",
       "UPDATE cluster_templates SET is_protected=true WHERE cluster_templates.is_default"});

  // 034: upstream adds each column NOT NULL without a default, which fails on a table with
  // rows; the revision adds it with a temporary default and drops the default at once.
  test::differs_from_alembic(
      expected, "034",
      {"ALTER TABLE node_group_templates ADD COLUMN boot_from_volume BOOLEAN NOT NULL",
       "ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOLEAN NOT NULL",
       "ALTER TABLE templates_relations ADD COLUMN boot_from_volume BOOLEAN NOT NULL"},
      {"ALTER TABLE node_group_templates ADD COLUMN boot_from_volume BOOLEAN DEFAULT false NOT "
       "NULL",
       "ALTER TABLE node_group_templates ALTER COLUMN boot_from_volume DROP DEFAULT",
       "ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOLEAN DEFAULT false NOT NULL",
       "ALTER TABLE node_groups ALTER COLUMN boot_from_volume DROP DEFAULT",
       "ALTER TABLE templates_relations ADD COLUMN boot_from_volume BOOLEAN DEFAULT false NOT NULL",
       "ALTER TABLE templates_relations ALTER COLUMN boot_from_volume DROP DEFAULT"});

  CHECK(test::check_revisions(test::render_sahara_upgrades(dialect), expected) == 35);
}

TEST_CASE("every Sahara downgrade renders on PostgreSQL, newest first") {
  const postgresql::PostgresqlDialect dialect;
  const auto ids = test::sahara_revision_ids();
  schema::SchemaModel model;
  for (const auto& id : ids)
    test::render_revision(dialect, id, true, model);
  test::RevisionStatements downgrades;
  for (auto id = ids.rbegin(); id != ids.rend(); ++id)
    downgrades[*id] = test::render_revision(dialect, *id, false, model);
  CHECK(downgrades.at("035").size() == 9);
  CHECK(downgrades.at("027") ==
        Statements{"ALTER TABLE job_executions ALTER COLUMN engine_job_id TYPE VARCHAR(100)",
                   "ALTER TABLE job_executions RENAME engine_job_id TO oozie_job_id"});
  CHECK(downgrades.at("007") ==
        Statements{"ALTER TABLE clusters ALTER COLUMN status_description TYPE VARCHAR(200)"});
  CHECK(downgrades.at("001").size() == 13);
  CHECK(downgrades.at("001").back() == "DROP TABLE jobs");
  CHECK(model.tables().empty());
}
