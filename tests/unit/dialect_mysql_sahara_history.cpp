// Sahara's history through the MySQL dialect: the real revision plugins (001-035) render to
// the statements Alembic writes for MySQL (revisions.yaml, offline_sql.mysql), replayed through
// the schema model so MODIFY and CHANGE restate the columns as 001 created them. Two
// differences are deliberate: 029 carries literal values where Alembic prints placeholders,
// and 034 adds its NOT NULL columns with a temporary default.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "mysql/mysql_dialect.hpp"
#include "runtime/revision_catalog.hpp"
#include "schema/schema_model.hpp"

namespace {

using namespace sdm;

using RevisionSql = std::map<std::string, std::vector<std::string>>;

// Alembic's statements for MySQL, revision by revision.
const RevisionSql& alembic_mysql_sql() {
  static const RevisionSql sql = {
      {"001",
       {R"sql(CREATE TABLE jobs (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    description TEXT,
    type VARCHAR(80) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE node_group_templates (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    name VARCHAR(80) NOT NULL,
    description TEXT,
    tenant_id VARCHAR(36),
    flavor_id VARCHAR(36) NOT NULL,
    image_id VARCHAR(36),
    plugin_name VARCHAR(80) NOT NULL,
    hadoop_version VARCHAR(80) NOT NULL,
    node_processes TEXT,
    node_configs TEXT,
    volumes_per_node INTEGER NOT NULL,
    volumes_size INTEGER,
    volume_mount_prefix VARCHAR(80),
    floating_ip_pool VARCHAR(36),
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE cluster_templates (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    name VARCHAR(80) NOT NULL,
    description TEXT,
    cluster_configs TEXT,
    default_image_id VARCHAR(36),
    anti_affinity TEXT,
    tenant_id VARCHAR(36),
    neutron_management_network VARCHAR(36),
    plugin_name VARCHAR(80) NOT NULL,
    hadoop_version VARCHAR(80) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE job_binary_internal (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    data LONGBLOB,
    datasize BIGINT,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE job_binaries (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    description TEXT,
    url VARCHAR(256) NOT NULL,
    extra TEXT,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE data_sources (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    description TEXT,
    type VARCHAR(80) NOT NULL,
    url VARCHAR(256) NOT NULL,
    credentials TEXT,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE libs_association (
    `Job_id` VARCHAR(36),
    `JobBinary_id` VARCHAR(36),
    FOREIGN KEY(`JobBinary_id`) REFERENCES job_binaries (id),
    FOREIGN KEY(`Job_id`) REFERENCES jobs (id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE clusters (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    name VARCHAR(80) NOT NULL,
    description TEXT,
    tenant_id VARCHAR(36),
    trust_id VARCHAR(36),
    is_transient BOOL,
    plugin_name VARCHAR(80) NOT NULL,
    hadoop_version VARCHAR(80) NOT NULL,
    cluster_configs TEXT,
    default_image_id VARCHAR(36),
    neutron_management_network VARCHAR(36),
    anti_affinity TEXT,
    management_private_key TEXT NOT NULL,
    management_public_key TEXT NOT NULL,
    user_keypair_id VARCHAR(80),
    status VARCHAR(80),
    status_description VARCHAR(200),
    info TEXT,
    extra TEXT,
    cluster_template_id VARCHAR(36),
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_template_id) REFERENCES cluster_templates (id),
    UNIQUE (name, tenant_id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE templates_relations (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    flavor_id VARCHAR(36) NOT NULL,
    image_id VARCHAR(36),
    node_processes TEXT,
    node_configs TEXT,
    volumes_per_node INTEGER,
    volumes_size INTEGER,
    volume_mount_prefix VARCHAR(80),
    count INTEGER NOT NULL,
    cluster_template_id VARCHAR(36),
    node_group_template_id VARCHAR(36),
    floating_ip_pool VARCHAR(36),
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_template_id) REFERENCES cluster_templates (id),
    FOREIGN KEY(node_group_template_id) REFERENCES node_group_templates (id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE mains_association (
    `Job_id` VARCHAR(36),
    `JobBinary_id` VARCHAR(36),
    FOREIGN KEY(`JobBinary_id`) REFERENCES job_binaries (id),
    FOREIGN KEY(`Job_id`) REFERENCES jobs (id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE job_executions (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    job_id VARCHAR(36),
    input_id VARCHAR(36),
    output_id VARCHAR(36),
    start_time DATETIME,
    end_time DATETIME,
    cluster_id VARCHAR(36),
    info TEXT,
    progress FLOAT,
    oozie_job_id VARCHAR(100),
    return_code VARCHAR(80),
    job_configs TEXT,
    extra TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_id) REFERENCES clusters (id),
    FOREIGN KEY(input_id) REFERENCES data_sources (id),
    FOREIGN KEY(job_id) REFERENCES jobs (id),
    FOREIGN KEY(output_id) REFERENCES data_sources (id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE node_groups (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    name VARCHAR(80) NOT NULL,
    tenant_id VARCHAR(36),
    flavor_id VARCHAR(36) NOT NULL,
    image_id VARCHAR(36),
    image_username VARCHAR(36),
    node_processes TEXT,
    node_configs TEXT,
    volumes_per_node INTEGER,
    volumes_size INTEGER,
    volume_mount_prefix VARCHAR(80),
    count INTEGER NOT NULL,
    cluster_id VARCHAR(36),
    node_group_template_id VARCHAR(36),
    floating_ip_pool VARCHAR(36),
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_id) REFERENCES clusters (id),
    FOREIGN KEY(node_group_template_id) REFERENCES node_group_templates (id),
    UNIQUE (name, cluster_id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE instances (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    node_group_id VARCHAR(36),
    instance_id VARCHAR(36),
    instance_name VARCHAR(80) NOT NULL,
    internal_ip VARCHAR(15),
    management_ip VARCHAR(15),
    volumes TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY(node_group_id) REFERENCES node_groups (id),
    UNIQUE (instance_id, node_group_id)
)ENGINE=InnoDB CHARSET=utf8)sql"}},
      {"002", {}},
      {"003", {}},
      {"004", {}},
      {"005", {}},
      {"006", {}},
      {"007", {"ALTER TABLE clusters MODIFY status_description LONGTEXT NULL"}},
      {"008",
       {"ALTER TABLE node_group_templates ADD COLUMN security_groups TEXT",
        "ALTER TABLE node_groups ADD COLUMN security_groups TEXT",
        "ALTER TABLE templates_relations ADD COLUMN security_groups TEXT"}},
      {"009", {"ALTER TABLE clusters ADD COLUMN rollback_info TEXT"}},
      {"010",
       {"ALTER TABLE node_group_templates ADD COLUMN auto_security_group BOOL",
        "ALTER TABLE node_groups ADD COLUMN auto_security_group BOOL",
        "ALTER TABLE templates_relations ADD COLUMN auto_security_group BOOL",
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
       {R"sql(CREATE TABLE cluster_provision_steps (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    cluster_id VARCHAR(36),
    tenant_id VARCHAR(36),
    step_name VARCHAR(80),
    step_type VARCHAR(36),
    completed INTEGER,
    total INTEGER,
    successful BOOL,
    started_at DATETIME,
    completed_at DATETIME,
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_id) REFERENCES clusters (id),
    UNIQUE (id, cluster_id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE cluster_events (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    node_group_id VARCHAR(36),
    instance_id VARCHAR(36),
    instance_name VARCHAR(80),
    event_info TEXT,
    successful BOOL NOT NULL,
    step_id VARCHAR(36),
    PRIMARY KEY (id),
    FOREIGN KEY(step_id) REFERENCES cluster_provision_steps (id),
    UNIQUE (id, step_id)
)ENGINE=InnoDB CHARSET=utf8)sql"}},
      {"016",
       {"ALTER TABLE node_group_templates ADD COLUMN is_proxy_gateway BOOL",
        "ALTER TABLE node_groups ADD COLUMN is_proxy_gateway BOOL",
        "ALTER TABLE templates_relations ADD COLUMN is_proxy_gateway BOOL"}},
      {"017", {"ALTER TABLE job_executions DROP COLUMN progress"}},
      {"018",
       {"ALTER TABLE node_group_templates ADD COLUMN volume_local_to_instance BOOL",
        "ALTER TABLE node_groups ADD COLUMN volume_local_to_instance BOOL",
        "ALTER TABLE templates_relations ADD COLUMN volume_local_to_instance BOOL"}},
      {"019",
       {"ALTER TABLE cluster_templates ADD COLUMN is_default BOOL",
        "ALTER TABLE node_group_templates ADD COLUMN is_default BOOL"}},
      {"020",
       {"ALTER TABLE cluster_provision_steps DROP COLUMN completed_at",
        "ALTER TABLE cluster_provision_steps DROP COLUMN completed",
        "ALTER TABLE cluster_provision_steps DROP COLUMN started_at"}},
      {"021", {"ALTER TABLE job_executions ADD COLUMN data_source_urls TEXT"}},
      {"022", {R"sql(CREATE TABLE job_interface_arguments (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    job_id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    description TEXT,
    mapping_type VARCHAR(80) NOT NULL,
    location TEXT NOT NULL,
    value_type VARCHAR(80) NOT NULL,
    required BOOL NOT NULL,
    `order` SMALLINT NOT NULL,
    `default` TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY(job_id) REFERENCES jobs (id),
    UNIQUE (job_id, `order`),
    UNIQUE (job_id, name)
)ENGINE=InnoDB CHARSET=utf8)sql"}},
      {"023",
       {"ALTER TABLE clusters ADD COLUMN use_autoconfig BOOL",
        "ALTER TABLE cluster_templates ADD COLUMN use_autoconfig BOOL",
        "ALTER TABLE node_group_templates ADD COLUMN use_autoconfig BOOL",
        "ALTER TABLE node_groups ADD COLUMN use_autoconfig BOOL",
        "ALTER TABLE templates_relations ADD COLUMN use_autoconfig BOOL"}},
      {"024",
       {"ALTER TABLE node_group_templates ADD COLUMN shares TEXT",
        "ALTER TABLE node_groups ADD COLUMN shares TEXT",
        "ALTER TABLE templates_relations ADD COLUMN shares TEXT",
        "ALTER TABLE clusters ADD COLUMN shares TEXT",
        "ALTER TABLE cluster_templates ADD COLUMN shares TEXT"}},
      {"025",
       {"ALTER TABLE instances MODIFY internal_ip VARCHAR(45) NULL",
        "ALTER TABLE instances MODIFY management_ip VARCHAR(45) NULL"}},
      {"026",
       {"ALTER TABLE clusters ADD COLUMN is_public BOOL",
        "ALTER TABLE cluster_templates ADD COLUMN is_public BOOL",
        "ALTER TABLE node_group_templates ADD COLUMN is_public BOOL",
        "ALTER TABLE data_sources ADD COLUMN is_public BOOL",
        "ALTER TABLE job_executions ADD COLUMN is_public BOOL",
        "ALTER TABLE jobs ADD COLUMN is_public BOOL",
        "ALTER TABLE job_binary_internal ADD COLUMN is_public BOOL",
        "ALTER TABLE job_binaries ADD COLUMN is_public BOOL",
        "ALTER TABLE clusters ADD COLUMN is_protected BOOL",
        "ALTER TABLE cluster_templates ADD COLUMN is_protected BOOL",
        "ALTER TABLE node_group_templates ADD COLUMN is_protected BOOL",
        "ALTER TABLE data_sources ADD COLUMN is_protected BOOL",
        "ALTER TABLE job_executions ADD COLUMN is_protected BOOL",
        "ALTER TABLE jobs ADD COLUMN is_protected BOOL",
        "ALTER TABLE job_binary_internal ADD COLUMN is_protected BOOL",
        "ALTER TABLE job_binaries ADD COLUMN is_protected BOOL"}},
      {"027", {"ALTER TABLE job_executions CHANGE oozie_job_id engine_job_id VARCHAR(100) NULL"}},
      {"028", {"ALTER TABLE instances ADD COLUMN storage_devices_number INTEGER"}},
      // Alembic prints %s placeholders (the values are bound); the revision carries the literal.
      {"029",
       {"UPDATE node_group_templates SET is_protected=true WHERE node_group_templates.is_default = "
        "1",
        "UPDATE cluster_templates SET is_protected=true WHERE cluster_templates.is_default = 1"}},
      {"030",
       {R"sql(CREATE TABLE cluster_verifications (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    cluster_id VARCHAR(36),
    status VARCHAR(15),
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_id) REFERENCES clusters (id),
    UNIQUE (id, cluster_id)
)ENGINE=InnoDB CHARSET=utf8)sql",
        R"sql(CREATE TABLE cluster_health_checks (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    verification_id VARCHAR(36),
    status VARCHAR(15),
    description TEXT,
    name VARCHAR(80),
    PRIMARY KEY (id),
    FOREIGN KEY(verification_id) REFERENCES cluster_verifications (id),
    UNIQUE (id, verification_id)
)ENGINE=InnoDB CHARSET=utf8)sql"}},
      {"031", {R"sql(CREATE TABLE plugin_data (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36) NOT NULL,
    name VARCHAR(15) NOT NULL,
    plugin_labels TEXT,
    version_labels TEXT,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
))sql"}},
      {"032",
       {"ALTER TABLE cluster_templates ADD COLUMN domain_name VARCHAR(255)",
        "ALTER TABLE clusters ADD COLUMN domain_name VARCHAR(255)",
        "ALTER TABLE instances ADD COLUMN dns_hostname VARCHAR(255)"}},
      {"033", {"ALTER TABLE clusters ADD COLUMN anti_affinity_ratio INTEGER"}},
      // Alembic: ADD COLUMN boot_from_volume BOOL NOT NULL, which fails on PostgreSQL and
      // SQLite once the table has rows. The revision adds it with a temporary default instead.
      {"034",
       {"ALTER TABLE node_group_templates ADD COLUMN boot_from_volume BOOL NOT NULL DEFAULT false",
        "ALTER TABLE node_group_templates ALTER COLUMN boot_from_volume DROP DEFAULT",
        "ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOL NOT NULL DEFAULT false",
        "ALTER TABLE node_groups ALTER COLUMN boot_from_volume DROP DEFAULT",
        "ALTER TABLE templates_relations ADD COLUMN boot_from_volume BOOL NOT NULL DEFAULT false",
        "ALTER TABLE templates_relations ALTER COLUMN boot_from_volume DROP DEFAULT"}},
      {"035",
       {"ALTER TABLE node_group_templates ADD COLUMN boot_volume_availability_zone VARCHAR(255)",
        "ALTER TABLE node_group_templates ADD COLUMN boot_volume_local_to_instance BOOL",
        "ALTER TABLE node_group_templates ADD COLUMN boot_volume_type VARCHAR(255)",
        "ALTER TABLE node_groups ADD COLUMN boot_volume_availability_zone VARCHAR(255)",
        "ALTER TABLE node_groups ADD COLUMN boot_volume_local_to_instance BOOL",
        "ALTER TABLE node_groups ADD COLUMN boot_volume_type VARCHAR(255)",
        "ALTER TABLE templates_relations ADD COLUMN boot_volume_availability_zone VARCHAR(255)",
        "ALTER TABLE templates_relations ADD COLUMN boot_volume_local_to_instance BOOL",
        "ALTER TABLE templates_relations ADD COLUMN boot_volume_type VARCHAR(255)"}},
  };
  return sql;
}

// revisions.yaml drops the blank Alembic writes after a ", " that ends a line; nothing else
// differs.
std::string as_in_yaml(std::string statement) {
  for (auto at = statement.find(", \n"); at != std::string::npos; at = statement.find(", \n", at))
    statement.erase(at + 1, 1);
  return statement;
}

RevisionSql render_history_on_mysql() {
  const runtime::RevisionCatalog catalog(SDM_SAHARA_REVISIONS_DIR);
  const mysql::MysqlDialect dialect;
  schema::SchemaModel model;
  RevisionSql rendered;
  for (const auto& [id, expected] : alembic_mysql_sql()) {
    auto& statements = rendered[id];
    const Operations recorded = catalog.record(id, true);
    for (const Op& op : recorded.ops()) {
      for (auto& statement : dialect.render(op, model))
        statements.push_back(as_in_yaml(std::move(statement)));
      model.apply(op);
    }
  }
  return rendered;
}

}  // namespace

TEST_CASE("every Sahara revision renders on MySQL as Alembic writes it") {
  const RevisionSql rendered = render_history_on_mysql();
  REQUIRE(alembic_mysql_sql().size() == 35);
  for (const auto& [id, expected] : alembic_mysql_sql()) {
    CAPTURE(id);
    const auto& statements = rendered.at(id);
    REQUIRE(statements.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CAPTURE(i);
      CHECK(statements[i] == expected[i]);
    }
  }
}

TEST_CASE("Sahara's column changes on MySQL restate the definitions 001 created") {
  const RevisionSql rendered = render_history_on_mysql();
  // 007 keeps status_description nullable; 027 keeps the type and nullability of oozie_job_id.
  CHECK(rendered.at("007") ==
        std::vector<std::string>{"ALTER TABLE clusters MODIFY status_description LONGTEXT NULL"});
  CHECK(rendered.at("027") == std::vector<std::string>{"ALTER TABLE job_executions CHANGE "
                                                       "oozie_job_id engine_job_id VARCHAR(100) "
                                                       "NULL"});
  // The reserved words of 022 and the mixed-case names of 001 are quoted with backticks.
  CHECK(rendered.at("022").front().find("    `order` SMALLINT NOT NULL,\n    `default` TEXT,\n") !=
        std::string::npos);
  CHECK(rendered.at("001")[6].find("FOREIGN KEY(`JobBinary_id`) REFERENCES job_binaries (id)") !=
        std::string::npos);
}
