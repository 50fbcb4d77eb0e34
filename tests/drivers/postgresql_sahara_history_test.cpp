// Sahara's real revision plugins, 001 to 035 and back, on a real PostgreSQL database through the
// driver: the whole run is one transaction, rows survive (034 adds NOT NULL columns to tables
// that have rows), and the live tables are what the revisions describe.
#ifdef SDM_TEST_POSTGRESQL

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "config/database_url.hpp"
#include "drivers/driver_test_support.hpp"
#include "runtime/driver_catalog.hpp"
#include "runtime/exec.hpp"
#include "runtime/revision_catalog.hpp"
#include "runtime/version_table.hpp"
#include "schema/schema_model.hpp"
#include "support/test_databases.hpp"

namespace {

using namespace sdm;
using sdm::test::built_driver;
using sdm::test::ScratchDatabase;
using sdm::test::single_value;

const runtime::RevisionCatalog& sahara_revisions() {
  static const runtime::RevisionCatalog catalog(SDM_SAHARA_REVISIONS_DIR);
  return catalog;
}

std::string revision_id(int number) {
  std::string id = std::to_string(number);
  return std::string(3 - id.size(), '0') + id;
}

/// Runs revisions `from`..`to` (upgrades ascending, downgrades descending) in one transaction,
/// moving the version row along.
void migrate(runtime::Exec& exec, runtime::VersionTable& versions, schema::SchemaModel& model,
             int from, int to) {
  const bool upgrade = from <= to;
  exec.begin();
  for (int n = from;; n += upgrade ? 1 : -1) {
    const std::string id = revision_id(n);
    const Operations recorded = sahara_revisions().record(id, upgrade);
    for (const auto& op : recorded.ops()) {
      for (const auto& statement : exec.dialect().render(op, model))
        exec.run(statement);
      model.apply(op);
    }
    if (upgrade)
      n == 1 ? versions.insert(id) : versions.update(revision_id(n - 1), id);
    else
      n == 1 ? versions.remove(id) : versions.update(id, revision_id(n - 1));
    if (n == to) break;
  }
  exec.commit();
}

/// The type as PostgreSQL reports it back, from the type the dialect writes.
std::string as_reported(std::string written) {
  std::transform(written.begin(), written.end(), written.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (written.rfind("varchar(", 0) == 0) return "character varying" + written.substr(7);
  if (written == "float") return "double precision";
  return written;
}

}  // namespace

TEST_CASE("postgresql: Sahara's history runs up and down on a real database and keeps its rows") {
  ScratchDatabase db("postgresql");
  auto c = built_driver("postgresql").connect(config::parse_database_url(db.url()));
  runtime::Exec exec(*c, built_driver("postgresql").dialect());
  runtime::VersionTable versions(exec);
  schema::SchemaModel model;
  versions.create();

  migrate(exec, versions, model, 1, 28);
  CHECK(versions.read_heads() == std::vector<std::string>{"028"});
  c->execute(
      "INSERT INTO node_group_templates (id, name, flavor_id, plugin_name, hadoop_version, "
      "volumes_per_node, is_default) VALUES ('ngt1', 'workers', 'm1', 'vanilla', '2.7.1', 0, "
      "true)");
  c->execute(
      "INSERT INTO cluster_templates (id, name, plugin_name, hadoop_version, is_default) "
      "VALUES ('ct1', 'template', 'vanilla', '2.7.1', false)");
  c->execute(
      "INSERT INTO clusters (id, name, plugin_name, hadoop_version, management_private_key, "
      "management_public_key, cluster_template_id) VALUES ('c1', 'cluster', 'vanilla', "
      "'2.7.1', 'private', 'public', 'ct1')");
  c->execute(
      "INSERT INTO node_groups (id, name, flavor_id, count, cluster_id) "
      "VALUES ('ng1', 'workers', 'm1', 3, 'c1')");
  c->execute(
      "INSERT INTO job_executions (id, cluster_id, engine_job_id) VALUES ('je1', 'c1', 'oozie-1')");

  migrate(exec, versions, model, 29, 35);
  CHECK(versions.read_heads() == std::vector<std::string>{"035"});
  // 029 protected the default template only.
  CHECK(single_value(*c, "SELECT is_protected FROM node_group_templates WHERE id = 'ngt1'") == "t");
  CHECK(single_value(*c, "SELECT is_protected FROM cluster_templates WHERE id = 'ct1'") == "NULL");
  // 034: existing rows got false; the column ends NOT NULL without a default, as upstream's.
  CHECK(single_value(*c, "SELECT boot_from_volume FROM node_groups WHERE id = 'ng1'") == "f");
  const auto node_groups = c->reflect_table("node_groups");
  REQUIRE(node_groups.has_value());
  const Column* boot = node_groups->column("boot_from_volume");
  REQUIRE(boot != nullptr);
  CHECK_FALSE(boot->nullable);
  CHECK_FALSE(boot->server_default.has_value());

  // The live tables are what the model says, column by column.
  auto names = c->table_names();
  names.erase(std::remove(names.begin(), names.end(), "alembic_version"), names.end());
  CHECK(names.size() == model.tables().size());
  for (const auto& [name, table] : model.tables()) {
    const std::string& table_name = name;
    CAPTURE(table_name);
    const auto live = c->reflect_table(name);
    REQUIRE(live.has_value());
    REQUIRE(live->columns.size() == table.columns.size());
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const std::string& column_name = table.columns[i].name;
      CAPTURE(column_name);
      CHECK(live->columns[i].name == table.columns[i].name);
      CHECK(live->columns[i].type.raw ==
            as_reported(built_driver("postgresql").dialect().render_type(table.columns[i].type)));
      CHECK(live->columns[i].nullable == table.columns[i].nullable);
    }
    CHECK((live->primary_key() != nullptr) == (table.primary_key() != nullptr));
  }

  // A run that fails half-way leaves nothing behind: DDL is transactional.
  exec.begin();
  c->execute("ALTER TABLE node_groups DROP COLUMN boot_volume_type");
  c->execute("DROP TABLE plugin_data");
  CHECK_THROWS_AS(c->execute("ALTER TABLE no_such_table ADD COLUMN x INTEGER"), DatabaseError);
  exec.rollback_quietly();
  CHECK(c->reflect_table("plugin_data").has_value());
  CHECK(c->reflect_table("node_groups")->column("boot_volume_type") != nullptr);

  migrate(exec, versions, model, 35, 1);
  CHECK(versions.read_heads().empty());
  CHECK(c->table_names() == std::vector<std::string>{"alembic_version"});
}

#endif  // SDM_TEST_POSTGRESQL
