// Sahara's whole history (the real revision plugins) runs on MariaDB through the driver, one
// transaction per revision as Alembic's MySQLImpl does, and keeps the rows the altered columns
// hold; the live tables end up as the revisions describe them.
#ifdef SDM_TEST_MYSQL

#include <doctest/doctest.h>

#include <cstdio>
#include <map>
#include <string>

#include "drivers/driver_test_support.hpp"
#include "runtime/revision_catalog.hpp"
#include "schema/schema_model.hpp"

using sdm::test::single_value;

namespace {

std::string revision_id(int number) {
  char id[4];
  std::snprintf(id, sizeof id, "%03d", number);
  return id;
}

/// The type as MariaDB reports it for what the dialect wrote.
std::string reported(std::string rendered) {
  for (char& ch : rendered)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  static const std::map<std::string, std::string> widened = {{"integer", "int(11)"},
                                                             {"bigint", "bigint(20)"},
                                                             {"smallint", "smallint(6)"},
                                                             {"bool", "tinyint(1)"}};
  auto it = widened.find(rendered);
  return it == widened.end() ? rendered : it->second;
}

}  // namespace

TEST_CASE("mysql: Sahara 001-035 run on MariaDB and keep their rows") {
  sdm::test::DriverUnderTest db("mysql");
  auto c = db.connect();
  const auto& dialect = db.driver().dialect();
  const sdm::runtime::RevisionCatalog catalog(SDM_SAHARA_REVISIONS_DIR);
  sdm::schema::SchemaModel model;
  using sdm::VersionStatement;
  c->execute(dialect.version_sql(VersionStatement::CreateTable, "alembic_version"));

  std::string previous;
  for (int number = 1; number <= 35; ++number) {
    const std::string id = revision_id(number);
    CAPTURE(id);
    c->begin();
    const sdm::Operations recorded = catalog.record(id, true);
    for (const sdm::Op& op : recorded.ops()) {
      for (const auto& statement : dialect.render(op, model))
        c->execute(statement);
      model.apply(op);
    }
    c->execute(
        previous.empty()
            ? dialect.version_sql(VersionStatement::Insert, "alembic_version", id)
            : dialect.version_sql(VersionStatement::Update, "alembic_version", previous, id));
    c->commit();
    previous = id;
    if (id == "006") {
      // Rows in the columns 007, 025 and 027 change.
      c->execute(
          "INSERT INTO cluster_templates (id, name, plugin_name, hadoop_version) "
          "VALUES ('ct1', 'template', 'vanilla', '2.7.1')");
      c->execute(
          "INSERT INTO clusters (id, name, tenant_id, plugin_name, hadoop_version, "
          "management_private_key, management_public_key, status_description, "
          "cluster_template_id) VALUES ('c1', 'cluster', 't1', 'vanilla', '2.7.1', 'private', "
          "'public', 'Active since 2014', 'ct1')");
      c->execute(
          "INSERT INTO job_executions (id, cluster_id, oozie_job_id) "
          "VALUES ('je1', 'c1', 'oozie-0001')");
      c->execute(
          "INSERT INTO instances (id, instance_name, internal_ip, management_ip) "
          "VALUES ('i1', 'node-1', '10.0.0.15', '192.168.0.15')");
    }
    if (id == "033") {
      // A row in a table 034 adds a NOT NULL column to.
      c->execute(
          "INSERT INTO node_group_templates (id, name, flavor_id, plugin_name, hadoop_version, "
          "volumes_per_node) VALUES ('ngt1', 'workers', 'm1.small', 'vanilla', '2.7.1', 0)");
    }
  }

  CHECK(single_value(*c, "SELECT version_num FROM alembic_version") == "035");
  CHECK(single_value(*c, "SELECT status_description FROM clusters WHERE id = 'c1'") ==
        "Active since 2014");
  CHECK(single_value(*c, "SELECT CONCAT(internal_ip, ' ', management_ip) FROM instances") ==
        "10.0.0.15 192.168.0.15");
  CHECK(single_value(*c, "SELECT engine_job_id FROM job_executions WHERE id = 'je1'") ==
        "oozie-0001");
  CHECK(single_value(*c, "SELECT boot_from_volume FROM node_group_templates WHERE id = 'ngt1'") ==
        "0");
  CHECK(single_value(*c, "SELECT is_protected FROM cluster_templates WHERE id = 'ct1'") == "NULL");

  // The live tables are what the model says, column by column.
  const auto names = c->table_names();
  for (const auto& [name, table] : model.tables()) {
    const std::string& table_name = name;
    CAPTURE(table_name);
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
    const auto live = c->reflect_table(name);
    REQUIRE(live.has_value());
    REQUIRE(live->columns.size() == table.columns.size());
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const sdm::Column& expected = table.columns[i];
      CAPTURE(expected.name);
      CHECK(live->columns[i].name == expected.name);
      CHECK(live->columns[i].type.raw == reported(dialect.render_type(expected.type)));
      CHECK(live->columns[i].nullable == expected.nullable);
    }
    CHECK(*live->option("mysql_engine") == "InnoDB");
  }
  // 034's temporary default is gone: the columns are NOT NULL without a default, as upstream.
  const auto templates = c->reflect_table("node_group_templates");
  const sdm::Column* boot = templates->column("boot_from_volume");
  REQUIRE(boot);
  CHECK_FALSE(boot->nullable);
  CHECK_FALSE(boot->server_default.has_value());
}

#endif  // SDM_TEST_MYSQL
