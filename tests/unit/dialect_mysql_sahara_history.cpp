// Sahara's history through the MySQL dialect: the real revision plugins (001-035) render to
// the statements Alembic writes for MySQL (tests/data/alembic_offline_mysql.sql), replayed
// through the schema model so MODIFY and CHANGE restate the columns as 001 created them. Two
// differences are deliberate: 029 carries literal values where Alembic prints placeholders,
// and 034 adds its NOT NULL columns with a temporary default.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "mysql/mysql_dialect.hpp"
#include "support/alembic_ddl.hpp"

namespace {

using namespace sdm;
using Statements = std::vector<std::string>;

test::RevisionStatements render_history_on_mysql() {
  return test::render_sahara_upgrades(mysql::MysqlDialect());
}

}  // namespace

TEST_CASE("every Sahara revision renders on MySQL as Alembic writes it, but 029 and 034") {
  test::RevisionStatements expected = test::read_alembic_ddl("mysql");

  // Alembic prints %s placeholders (the values are bound); the revision carries the literal.
  test::differs_from_alembic(
      expected, "029",
      {"UPDATE node_group_templates SET is_protected=%s WHERE node_group_templates.is_default = 1",
       "UPDATE cluster_templates SET is_protected=%s WHERE cluster_templates.is_default = 1"},
      {"UPDATE node_group_templates SET is_protected=true WHERE node_group_templates.is_default = "
       "1",
       "UPDATE cluster_templates SET is_protected=true WHERE cluster_templates.is_default = 1"});

  // Alembic: ADD COLUMN boot_from_volume BOOL NOT NULL, which fails on PostgreSQL and SQLite
  // once the table has rows. The revision adds it with a temporary default instead.
  test::differs_from_alembic(
      expected, "034",
      {"ALTER TABLE node_group_templates ADD COLUMN boot_from_volume BOOL NOT NULL",
       "ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOL NOT NULL",
       "ALTER TABLE templates_relations ADD COLUMN boot_from_volume BOOL NOT NULL"},
      {"ALTER TABLE node_group_templates ADD COLUMN boot_from_volume BOOL NOT NULL DEFAULT false",
       "ALTER TABLE node_group_templates ALTER COLUMN boot_from_volume DROP DEFAULT",
       "ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOL NOT NULL DEFAULT false",
       "ALTER TABLE node_groups ALTER COLUMN boot_from_volume DROP DEFAULT",
       "ALTER TABLE templates_relations ADD COLUMN boot_from_volume BOOL NOT NULL DEFAULT false",
       "ALTER TABLE templates_relations ALTER COLUMN boot_from_volume DROP DEFAULT"});

  CHECK(test::check_revisions(render_history_on_mysql(), expected) == 35);
}

TEST_CASE("Sahara's column changes on MySQL restate the definitions 001 created") {
  const test::RevisionStatements rendered = render_history_on_mysql();
  // 007 keeps status_description nullable; 027 keeps the type and nullability of oozie_job_id.
  CHECK(rendered.at("007") ==
        Statements{"ALTER TABLE clusters MODIFY status_description LONGTEXT NULL"});
  CHECK(rendered.at("027") == Statements{"ALTER TABLE job_executions CHANGE oozie_job_id "
                                         "engine_job_id VARCHAR(100) NULL"});
  // The reserved words of 022 and the mixed-case names of 001 are quoted with backticks.
  CHECK(rendered.at("022").front().find(
            "    `order` SMALLINT NOT NULL, \n    `default` TEXT, \n") != std::string::npos);
  CHECK(rendered.at("001")[6].find("FOREIGN KEY(`JobBinary_id`) REFERENCES job_binaries (id)") !=
        std::string::npos);
}
