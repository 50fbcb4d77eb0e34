// Sahara's whole history through the PostgreSQL dialect: what the real revision plugins record,
// rendered, is the SQL Alembic writes for PostgreSQL (revisions.yaml, offline_sql.postgresql),
// except where a revision deliberately differs (029, 034). No database is needed: the plugins
// only record ops.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "postgresql/postgresql_dialect.hpp"
#include "runtime/revision_catalog.hpp"
#include "schema/schema_model.hpp"

namespace {

using namespace sdm;

// Alembic's PostgreSQL script per revision. SQLAlchemy ends each line of a CREATE TABLE with
// ", " before the newline; revisions.yaml drops that trailing blank, this copy keeps it.
const std::map<std::string, std::vector<std::string>>& alembic_postgresql_sql() {
  static const std::map<std::string, std::vector<std::string>> sql = {
      {"001",
       {"CREATE TABLE jobs (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    description TEXT, \n"
        "    type VARCHAR(80) NOT NULL, \n"
        "    PRIMARY KEY (id), \n"
        "    UNIQUE (name, tenant_id)\n"
        ")",
        "CREATE TABLE node_group_templates (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    description TEXT, \n"
        "    tenant_id VARCHAR(36), \n"
        "    flavor_id VARCHAR(36) NOT NULL, \n"
        "    image_id VARCHAR(36), \n"
        "    plugin_name VARCHAR(80) NOT NULL, \n"
        "    hadoop_version VARCHAR(80) NOT NULL, \n"
        "    node_processes TEXT, \n"
        "    node_configs TEXT, \n"
        "    volumes_per_node INTEGER NOT NULL, \n"
        "    volumes_size INTEGER, \n"
        "    volume_mount_prefix VARCHAR(80), \n"
        "    floating_ip_pool VARCHAR(36), \n"
        "    PRIMARY KEY (id), \n"
        "    UNIQUE (name, tenant_id)\n"
        ")",
        "CREATE TABLE cluster_templates (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    description TEXT, \n"
        "    cluster_configs TEXT, \n"
        "    default_image_id VARCHAR(36), \n"
        "    anti_affinity TEXT, \n"
        "    tenant_id VARCHAR(36), \n"
        "    neutron_management_network VARCHAR(36), \n"
        "    plugin_name VARCHAR(80) NOT NULL, \n"
        "    hadoop_version VARCHAR(80) NOT NULL, \n"
        "    PRIMARY KEY (id), \n"
        "    UNIQUE (name, tenant_id)\n"
        ")",
        "CREATE TABLE job_binary_internal (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    data BYTEA, \n"
        "    datasize BIGINT, \n"
        "    PRIMARY KEY (id), \n"
        "    UNIQUE (name, tenant_id)\n"
        ")",
        "CREATE TABLE job_binaries (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    description TEXT, \n"
        "    url VARCHAR(256) NOT NULL, \n"
        "    extra TEXT, \n"
        "    PRIMARY KEY (id), \n"
        "    UNIQUE (name, tenant_id)\n"
        ")",
        "CREATE TABLE data_sources (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    description TEXT, \n"
        "    type VARCHAR(80) NOT NULL, \n"
        "    url VARCHAR(256) NOT NULL, \n"
        "    credentials TEXT, \n"
        "    PRIMARY KEY (id), \n"
        "    UNIQUE (name, tenant_id)\n"
        ")",
        "CREATE TABLE libs_association (\n"
        "    \"Job_id\" VARCHAR(36), \n"
        "    \"JobBinary_id\" VARCHAR(36), \n"
        "    FOREIGN KEY(\"JobBinary_id\") REFERENCES job_binaries (id), \n"
        "    FOREIGN KEY(\"Job_id\") REFERENCES jobs (id)\n"
        ")",
        "CREATE TABLE clusters (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    description TEXT, \n"
        "    tenant_id VARCHAR(36), \n"
        "    trust_id VARCHAR(36), \n"
        "    is_transient BOOLEAN, \n"
        "    plugin_name VARCHAR(80) NOT NULL, \n"
        "    hadoop_version VARCHAR(80) NOT NULL, \n"
        "    cluster_configs TEXT, \n"
        "    default_image_id VARCHAR(36), \n"
        "    neutron_management_network VARCHAR(36), \n"
        "    anti_affinity TEXT, \n"
        "    management_private_key TEXT NOT NULL, \n"
        "    management_public_key TEXT NOT NULL, \n"
        "    user_keypair_id VARCHAR(80), \n"
        "    status VARCHAR(80), \n"
        "    status_description VARCHAR(200), \n"
        "    info TEXT, \n"
        "    extra TEXT, \n"
        "    cluster_template_id VARCHAR(36), \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_template_id) REFERENCES cluster_templates (id), \n"
        "    UNIQUE (name, tenant_id)\n"
        ")",
        "CREATE TABLE templates_relations (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    flavor_id VARCHAR(36) NOT NULL, \n"
        "    image_id VARCHAR(36), \n"
        "    node_processes TEXT, \n"
        "    node_configs TEXT, \n"
        "    volumes_per_node INTEGER, \n"
        "    volumes_size INTEGER, \n"
        "    volume_mount_prefix VARCHAR(80), \n"
        "    count INTEGER NOT NULL, \n"
        "    cluster_template_id VARCHAR(36), \n"
        "    node_group_template_id VARCHAR(36), \n"
        "    floating_ip_pool VARCHAR(36), \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_template_id) REFERENCES cluster_templates (id), \n"
        "    FOREIGN KEY(node_group_template_id) REFERENCES node_group_templates (id)\n"
        ")",
        "CREATE TABLE mains_association (\n"
        "    \"Job_id\" VARCHAR(36), \n"
        "    \"JobBinary_id\" VARCHAR(36), \n"
        "    FOREIGN KEY(\"JobBinary_id\") REFERENCES job_binaries (id), \n"
        "    FOREIGN KEY(\"Job_id\") REFERENCES jobs (id)\n"
        ")",
        "CREATE TABLE job_executions (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    job_id VARCHAR(36), \n"
        "    input_id VARCHAR(36), \n"
        "    output_id VARCHAR(36), \n"
        "    start_time TIMESTAMP WITHOUT TIME ZONE, \n"
        "    end_time TIMESTAMP WITHOUT TIME ZONE, \n"
        "    cluster_id VARCHAR(36), \n"
        "    info TEXT, \n"
        "    progress FLOAT, \n"
        "    oozie_job_id VARCHAR(100), \n"
        "    return_code VARCHAR(80), \n"
        "    job_configs TEXT, \n"
        "    extra TEXT, \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_id) REFERENCES clusters (id), \n"
        "    FOREIGN KEY(input_id) REFERENCES data_sources (id), \n"
        "    FOREIGN KEY(job_id) REFERENCES jobs (id), \n"
        "    FOREIGN KEY(output_id) REFERENCES data_sources (id)\n"
        ")",
        "CREATE TABLE node_groups (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    flavor_id VARCHAR(36) NOT NULL, \n"
        "    image_id VARCHAR(36), \n"
        "    image_username VARCHAR(36), \n"
        "    node_processes TEXT, \n"
        "    node_configs TEXT, \n"
        "    volumes_per_node INTEGER, \n"
        "    volumes_size INTEGER, \n"
        "    volume_mount_prefix VARCHAR(80), \n"
        "    count INTEGER NOT NULL, \n"
        "    cluster_id VARCHAR(36), \n"
        "    node_group_template_id VARCHAR(36), \n"
        "    floating_ip_pool VARCHAR(36), \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_id) REFERENCES clusters (id), \n"
        "    FOREIGN KEY(node_group_template_id) REFERENCES node_group_templates (id), \n"
        "    UNIQUE (name, cluster_id)\n"
        ")",
        "CREATE TABLE instances (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    node_group_id VARCHAR(36), \n"
        "    instance_id VARCHAR(36), \n"
        "    instance_name VARCHAR(80) NOT NULL, \n"
        "    internal_ip VARCHAR(15), \n"
        "    management_ip VARCHAR(15), \n"
        "    volumes TEXT, \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(node_group_id) REFERENCES node_groups (id), \n"
        "    UNIQUE (instance_id, node_group_id)\n"
        ")"}},
      {"002", {}},
      {"003", {}},
      {"004", {}},
      {"005", {}},
      {"006", {}},
      {"007", {"ALTER TABLE clusters ALTER COLUMN status_description TYPE TEXT"}},
      {"008",
       {"ALTER TABLE node_group_templates ADD COLUMN security_groups TEXT",
        "ALTER TABLE node_groups ADD COLUMN security_groups TEXT",
        "ALTER TABLE templates_relations ADD COLUMN security_groups TEXT"}},
      {"009", {"ALTER TABLE clusters ADD COLUMN rollback_info TEXT"}},
      {"010",
       {"ALTER TABLE node_group_templates ADD COLUMN auto_security_group BOOLEAN",
        "ALTER TABLE node_groups ADD COLUMN auto_security_group BOOLEAN",
        "ALTER TABLE templates_relations ADD COLUMN auto_security_group BOOLEAN",
        "ALTER TABLE node_groups ADD COLUMN open_ports TEXT"}},
      {"011", {"ALTER TABLE clusters ADD COLUMN sahara_info TEXT"}},
      {"012",
       {"ALTER TABLE node_group_templates ADD COLUMN availability_zone VARCHAR(255)",
        "ALTER TABLE node_groups ADD COLUMN availability_zone VARCHAR(255)",
        "ALTER TABLE templates_relations ADD COLUMN availability_zone VARCHAR(255)"}},
      {"013",
       {"ALTER TABLE node_group_templates ADD COLUMN volumes_availability_zone VARCHAR(255)",
        "ALTER TABLE node_groups ADD COLUMN volumes_availability_zone VARCHAR(255)",
        "ALTER TABLE templates_relations ADD COLUMN volumes_availability_zone VARCHAR(255)"}},
      {"014",
       {"ALTER TABLE node_group_templates ADD COLUMN volume_type VARCHAR(255)",
        "ALTER TABLE node_groups ADD COLUMN volume_type VARCHAR(255)",
        "ALTER TABLE templates_relations ADD COLUMN volume_type VARCHAR(255)"}},
      {"015",
       {"CREATE TABLE cluster_provision_steps (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    cluster_id VARCHAR(36), \n"
        "    tenant_id VARCHAR(36), \n"
        "    step_name VARCHAR(80), \n"
        "    step_type VARCHAR(36), \n"
        "    completed INTEGER, \n"
        "    total INTEGER, \n"
        "    successful BOOLEAN, \n"
        "    started_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    completed_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_id) REFERENCES clusters (id), \n"
        "    UNIQUE (id, cluster_id)\n"
        ")",
        "CREATE TABLE cluster_events (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    node_group_id VARCHAR(36), \n"
        "    instance_id VARCHAR(36), \n"
        "    instance_name VARCHAR(80), \n"
        "    event_info TEXT, \n"
        "    successful BOOLEAN NOT NULL, \n"
        "    step_id VARCHAR(36), \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(step_id) REFERENCES cluster_provision_steps (id), \n"
        "    UNIQUE (id, step_id)\n"
        ")"}},
      {"016",
       {"ALTER TABLE node_group_templates ADD COLUMN is_proxy_gateway BOOLEAN",
        "ALTER TABLE node_groups ADD COLUMN is_proxy_gateway BOOLEAN",
        "ALTER TABLE templates_relations ADD COLUMN is_proxy_gateway BOOLEAN"}},
      {"017", {"ALTER TABLE job_executions DROP COLUMN progress"}},
      {"018",
       {"ALTER TABLE node_group_templates ADD COLUMN volume_local_to_instance BOOLEAN",
        "ALTER TABLE node_groups ADD COLUMN volume_local_to_instance BOOLEAN",
        "ALTER TABLE templates_relations ADD COLUMN volume_local_to_instance BOOLEAN"}},
      {"019",
       {"ALTER TABLE cluster_templates ADD COLUMN is_default BOOLEAN",
        "ALTER TABLE node_group_templates ADD COLUMN is_default BOOLEAN"}},
      {"020",
       {"ALTER TABLE cluster_provision_steps DROP COLUMN completed_at",
        "ALTER TABLE cluster_provision_steps DROP COLUMN completed",
        "ALTER TABLE cluster_provision_steps DROP COLUMN started_at"}},
      {"021", {"ALTER TABLE job_executions ADD COLUMN data_source_urls TEXT"}},
      {"022",
       {"CREATE TABLE job_interface_arguments (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    job_id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    description TEXT, \n"
        "    mapping_type VARCHAR(80) NOT NULL, \n"
        "    location TEXT NOT NULL, \n"
        "    value_type VARCHAR(80) NOT NULL, \n"
        "    required BOOLEAN NOT NULL, \n"
        "    \"order\" SMALLINT NOT NULL, \n"
        "    \"default\" TEXT, \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(job_id) REFERENCES jobs (id), \n"
        "    UNIQUE (job_id, \"order\"), \n"
        "    UNIQUE (job_id, name)\n"
        ")"}},
      {"023",
       {"ALTER TABLE clusters ADD COLUMN use_autoconfig BOOLEAN",
        "ALTER TABLE cluster_templates ADD COLUMN use_autoconfig BOOLEAN",
        "ALTER TABLE node_group_templates ADD COLUMN use_autoconfig BOOLEAN",
        "ALTER TABLE node_groups ADD COLUMN use_autoconfig BOOLEAN",
        "ALTER TABLE templates_relations ADD COLUMN use_autoconfig BOOLEAN"}},
      {"024",
       {"ALTER TABLE node_group_templates ADD COLUMN shares TEXT",
        "ALTER TABLE node_groups ADD COLUMN shares TEXT",
        "ALTER TABLE templates_relations ADD COLUMN shares TEXT",
        "ALTER TABLE clusters ADD COLUMN shares TEXT",
        "ALTER TABLE cluster_templates ADD COLUMN shares TEXT"}},
      {"025",
       {"ALTER TABLE instances ALTER COLUMN internal_ip TYPE VARCHAR(45)",
        "ALTER TABLE instances ALTER COLUMN internal_ip DROP NOT NULL",
        "ALTER TABLE instances ALTER COLUMN management_ip TYPE VARCHAR(45)",
        "ALTER TABLE instances ALTER COLUMN management_ip DROP NOT NULL"}},
      {"026",
       {"ALTER TABLE clusters ADD COLUMN is_public BOOLEAN",
        "ALTER TABLE cluster_templates ADD COLUMN is_public BOOLEAN",
        "ALTER TABLE node_group_templates ADD COLUMN is_public BOOLEAN",
        "ALTER TABLE data_sources ADD COLUMN is_public BOOLEAN",
        "ALTER TABLE job_executions ADD COLUMN is_public BOOLEAN",
        "ALTER TABLE jobs ADD COLUMN is_public BOOLEAN",
        "ALTER TABLE job_binary_internal ADD COLUMN is_public BOOLEAN",
        "ALTER TABLE job_binaries ADD COLUMN is_public BOOLEAN",
        "ALTER TABLE clusters ADD COLUMN is_protected BOOLEAN",
        "ALTER TABLE cluster_templates ADD COLUMN is_protected BOOLEAN",
        "ALTER TABLE node_group_templates ADD COLUMN is_protected BOOLEAN",
        "ALTER TABLE data_sources ADD COLUMN is_protected BOOLEAN",
        "ALTER TABLE job_executions ADD COLUMN is_protected BOOLEAN",
        "ALTER TABLE jobs ADD COLUMN is_protected BOOLEAN",
        "ALTER TABLE job_binary_internal ADD COLUMN is_protected BOOLEAN",
        "ALTER TABLE job_binaries ADD COLUMN is_protected BOOLEAN"}},
      {"027",
       {"ALTER TABLE job_executions ALTER COLUMN oozie_job_id TYPE VARCHAR(100)",
        "ALTER TABLE job_executions RENAME oozie_job_id TO engine_job_id"}},
      {"028", {"ALTER TABLE instances ADD COLUMN storage_devices_number INTEGER"}},
      // 029: Alembic's offline script shows the bind placeholder %(is_protected)s; the revision
      // writes the literal, so the script runs as it is.
      {"029",
       {"UPDATE node_group_templates SET is_protected=true WHERE node_group_templates.is_default",
        "UPDATE cluster_templates SET is_protected=true WHERE cluster_templates.is_default"}},
      {"030",
       {"CREATE TABLE cluster_verifications (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    cluster_id VARCHAR(36), \n"
        "    status VARCHAR(15), \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_id) REFERENCES clusters (id), \n"
        "    UNIQUE (id, cluster_id)\n"
        ")",
        "CREATE TABLE cluster_health_checks (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    verification_id VARCHAR(36), \n"
        "    status VARCHAR(15), \n"
        "    description TEXT, \n"
        "    name VARCHAR(80), \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(verification_id) REFERENCES cluster_verifications (id), \n"
        "    UNIQUE (id, verification_id)\n"
        ")"}},
      {"031",
       {"CREATE TABLE plugin_data (\n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    updated_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36) NOT NULL, \n"
        "    name VARCHAR(15) NOT NULL, \n"
        "    plugin_labels TEXT, \n"
        "    version_labels TEXT, \n"
        "    PRIMARY KEY (id), \n"
        "    UNIQUE (name, tenant_id)\n"
        ")"}},
      {"032",
       {"ALTER TABLE cluster_templates ADD COLUMN domain_name VARCHAR(255)",
        "ALTER TABLE clusters ADD COLUMN domain_name VARCHAR(255)",
        "ALTER TABLE instances ADD COLUMN dns_hostname VARCHAR(255)"}},
      {"033", {"ALTER TABLE clusters ADD COLUMN anti_affinity_ratio INTEGER"}},
      // 034: upstream adds each column NOT NULL without a default, which fails on a table with
      // rows; the revision adds it with a temporary default and drops the default at once.
      {"034",
       {"ALTER TABLE node_group_templates ADD COLUMN boot_from_volume BOOLEAN DEFAULT false NOT "
        "NULL",
        "ALTER TABLE node_group_templates ALTER COLUMN boot_from_volume DROP DEFAULT",
        "ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOLEAN DEFAULT false NOT NULL",
        "ALTER TABLE node_groups ALTER COLUMN boot_from_volume DROP DEFAULT",
        "ALTER TABLE templates_relations ADD COLUMN boot_from_volume BOOLEAN DEFAULT false NOT "
        "NULL",
        "ALTER TABLE templates_relations ALTER COLUMN boot_from_volume DROP DEFAULT"}},
      {"035",
       {"ALTER TABLE node_group_templates ADD COLUMN boot_volume_availability_zone VARCHAR(255)",
        "ALTER TABLE node_group_templates ADD COLUMN boot_volume_local_to_instance BOOLEAN",
        "ALTER TABLE node_group_templates ADD COLUMN boot_volume_type VARCHAR(255)",
        "ALTER TABLE node_groups ADD COLUMN boot_volume_availability_zone VARCHAR(255)",
        "ALTER TABLE node_groups ADD COLUMN boot_volume_local_to_instance BOOLEAN",
        "ALTER TABLE node_groups ADD COLUMN boot_volume_type VARCHAR(255)",
        "ALTER TABLE templates_relations ADD COLUMN boot_volume_availability_zone VARCHAR(255)",
        "ALTER TABLE templates_relations ADD COLUMN boot_volume_local_to_instance BOOLEAN",
        "ALTER TABLE templates_relations ADD COLUMN boot_volume_type VARCHAR(255)"}},
  };
  return sql;
}

const runtime::RevisionCatalog& sahara_revisions() {
  static const runtime::RevisionCatalog catalog(SDM_SAHARA_REVISIONS_DIR);
  return catalog;
}

// What each revision's upgrade (or downgrade) renders to, replaying the upgrades through the
// schema model as the host does.
std::vector<std::string> render_revision(const std::string& id, bool upgrade,
                                         schema::SchemaModel& model) {
  const postgresql::PostgresqlDialect dialect;
  std::vector<std::string> statements;
  const Operations recorded = sahara_revisions().record(id, upgrade);
  for (const auto& op : recorded.ops()) {
    for (auto& statement : dialect.render(op, model))
      statements.push_back(std::move(statement));
    model.apply(op);
  }
  return statements;
}

}  // namespace

TEST_CASE("Sahara revisions render on PostgreSQL exactly as Alembic writes them") {
  REQUIRE(sahara_revisions().files().size() == 35);
  schema::SchemaModel model;
  int compared = 0;
  for (const auto& [id, expected] : alembic_postgresql_sql()) {
    CAPTURE(id);
    const auto rendered = render_revision(id, true, model);
    REQUIRE(rendered.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CAPTURE(i);
      CHECK(rendered[i] == expected[i]);
    }
    ++compared;
  }
  CHECK(compared == 35);
}

TEST_CASE("every Sahara downgrade renders on PostgreSQL, newest first") {
  schema::SchemaModel model;
  for (const auto& [id, expected] : alembic_postgresql_sql())
    render_revision(id, true, model);
  std::map<std::string, std::vector<std::string>> downgrades;
  for (auto it = alembic_postgresql_sql().rbegin(); it != alembic_postgresql_sql().rend(); ++it)
    downgrades[it->first] = render_revision(it->first, false, model);
  CHECK(downgrades.at("035").size() == 9);
  CHECK(downgrades.at("027") ==
        std::vector<std::string>{
            "ALTER TABLE job_executions ALTER COLUMN engine_job_id TYPE VARCHAR(100)",
            "ALTER TABLE job_executions RENAME engine_job_id TO oozie_job_id"});
  CHECK(downgrades.at("007") ==
        std::vector<std::string>{
            "ALTER TABLE clusters ALTER COLUMN status_description TYPE VARCHAR(200)"});
  CHECK(downgrades.at("001").size() == 13);
  CHECK(downgrades.at("001").back() == "DROP TABLE jobs");
  CHECK(model.tables().empty());
}
