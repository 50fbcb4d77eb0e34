// Sahara's whole history (revisions 001-035 as revisions.yaml records them) through the SQLite
// dialect: the SQL Alembic writes for SQLite, and the three changes the real tool cannot make on
// SQLite (007, 025, 027), which rebuild or rename here, run on a real database.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "schema/schema_model.hpp"
#include "sdm/operations.hpp"
#include "sqlite/sqlite_dialect.hpp"

namespace {

using namespace sdm;

const TableOptions kInnoDbUtf8 = {{"mysql_engine", "InnoDB"}, {"mysql_charset", "utf8"}};

struct SaharaRevision {
  const char* id;
  void (*upgrade)(Operations& op);
};

// Each revision's upgrade() as a revision plugin records it.
const std::vector<SaharaRevision>& sahara_history() {
  static const std::vector<SaharaRevision> history = {
      {"001",
       [](Operations& op) {
         op.create_table("jobs",
                         {Column("created_at", DateTime()), Column("updated_at", DateTime()),
                          Column("id", String(36)).not_null(), Column("tenant_id", String(36)),
                          Column("name", String(80)).not_null(), Column("description", Text()),
                          Column("type", String(80)).not_null()},
                         {PrimaryKey({"id"}), Unique({"name", "tenant_id"})}, kInnoDbUtf8);
         op.create_table(
             "node_group_templates",
             {Column("created_at", DateTime()), Column("updated_at", DateTime()),
              Column("id", String(36)).not_null(), Column("name", String(80)).not_null(),
              Column("description", Text()), Column("tenant_id", String(36)),
              Column("flavor_id", String(36)).not_null(), Column("image_id", String(36)),
              Column("plugin_name", String(80)).not_null(),
              Column("hadoop_version", String(80)).not_null(), Column("node_processes", Text()),
              Column("node_configs", Text()), Column("volumes_per_node", Integer()).not_null(),
              Column("volumes_size", Integer()), Column("volume_mount_prefix", String(80)),
              Column("floating_ip_pool", String(36))},
             {PrimaryKey({"id"}), Unique({"name", "tenant_id"})}, kInnoDbUtf8);
         op.create_table(
             "cluster_templates",
             {Column("created_at", DateTime()), Column("updated_at", DateTime()),
              Column("id", String(36)).not_null(), Column("name", String(80)).not_null(),
              Column("description", Text()), Column("cluster_configs", Text()),
              Column("default_image_id", String(36)), Column("anti_affinity", Text()),
              Column("tenant_id", String(36)), Column("neutron_management_network", String(36)),
              Column("plugin_name", String(80)).not_null(),
              Column("hadoop_version", String(80)).not_null()},
             {PrimaryKey({"id"}), Unique({"name", "tenant_id"})}, kInnoDbUtf8);
         op.create_table("job_binary_internal",
                         {Column("created_at", DateTime()), Column("updated_at", DateTime()),
                          Column("id", String(36)).not_null(), Column("tenant_id", String(36)),
                          Column("name", String(80)).not_null(),
                          Column("data", LargeBinary().with_variant("mysql", "LONGBLOB")),
                          Column("datasize", BigInteger())},
                         {PrimaryKey({"id"}), Unique({"name", "tenant_id"})}, kInnoDbUtf8);
         op.create_table("job_binaries",
                         {Column("created_at", DateTime()), Column("updated_at", DateTime()),
                          Column("id", String(36)).not_null(), Column("tenant_id", String(36)),
                          Column("name", String(80)).not_null(), Column("description", Text()),
                          Column("url", String(256)).not_null(), Column("extra", Text())},
                         {PrimaryKey({"id"}), Unique({"name", "tenant_id"})}, kInnoDbUtf8);
         op.create_table("data_sources",
                         {Column("created_at", DateTime()), Column("updated_at", DateTime()),
                          Column("id", String(36)).not_null(), Column("tenant_id", String(36)),
                          Column("name", String(80)).not_null(), Column("description", Text()),
                          Column("type", String(80)).not_null(),
                          Column("url", String(256)).not_null(), Column("credentials", Text())},
                         {PrimaryKey({"id"}), Unique({"name", "tenant_id"})}, kInnoDbUtf8);
         op.create_table("libs_association",
                         {Column("Job_id", String(36)), Column("JobBinary_id", String(36))},
                         {ForeignKey({"JobBinary_id"}, "job_binaries", {"id"}),
                          ForeignKey({"Job_id"}, "jobs", {"id"})},
                         kInnoDbUtf8);
         op.create_table("clusters",
                         {Column("created_at", DateTime()),
                          Column("updated_at", DateTime()),
                          Column("id", String(36)).not_null(),
                          Column("name", String(80)).not_null(),
                          Column("description", Text()),
                          Column("tenant_id", String(36)),
                          Column("trust_id", String(36)),
                          Column("is_transient", Boolean()),
                          Column("plugin_name", String(80)).not_null(),
                          Column("hadoop_version", String(80)).not_null(),
                          Column("cluster_configs", Text()),
                          Column("default_image_id", String(36)),
                          Column("neutron_management_network", String(36)),
                          Column("anti_affinity", Text()),
                          Column("management_private_key", Text()).not_null(),
                          Column("management_public_key", Text()).not_null(),
                          Column("user_keypair_id", String(80)),
                          Column("status", String(80)),
                          Column("status_description", String(200)),
                          Column("info", Text()),
                          Column("extra", Text()),
                          Column("cluster_template_id", String(36))},
                         {ForeignKey({"cluster_template_id"}, "cluster_templates", {"id"}),
                          PrimaryKey({"id"}), Unique({"name", "tenant_id"})},
                         kInnoDbUtf8);
         op.create_table(
             "templates_relations",
             {Column("created_at", DateTime()), Column("updated_at", DateTime()),
              Column("id", String(36)).not_null(), Column("tenant_id", String(36)),
              Column("name", String(80)).not_null(), Column("flavor_id", String(36)).not_null(),
              Column("image_id", String(36)), Column("node_processes", Text()),
              Column("node_configs", Text()), Column("volumes_per_node", Integer()),
              Column("volumes_size", Integer()), Column("volume_mount_prefix", String(80)),
              Column("count", Integer()).not_null(), Column("cluster_template_id", String(36)),
              Column("node_group_template_id", String(36)), Column("floating_ip_pool", String(36))},
             {ForeignKey({"cluster_template_id"}, "cluster_templates", {"id"}),
              ForeignKey({"node_group_template_id"}, "node_group_templates", {"id"}),
              PrimaryKey({"id"})},
             kInnoDbUtf8);
         op.create_table("mains_association",
                         {Column("Job_id", String(36)), Column("JobBinary_id", String(36))},
                         {ForeignKey({"JobBinary_id"}, "job_binaries", {"id"}),
                          ForeignKey({"Job_id"}, "jobs", {"id"})},
                         kInnoDbUtf8);
         op.create_table("job_executions",
                         {Column("created_at", DateTime()), Column("updated_at", DateTime()),
                          Column("id", String(36)).not_null(), Column("tenant_id", String(36)),
                          Column("job_id", String(36)), Column("input_id", String(36)),
                          Column("output_id", String(36)), Column("start_time", DateTime()),
                          Column("end_time", DateTime()), Column("cluster_id", String(36)),
                          Column("info", Text()), Column("progress", Float()),
                          Column("oozie_job_id", String(100)), Column("return_code", String(80)),
                          Column("job_configs", Text()), Column("extra", Text())},
                         {ForeignKey({"cluster_id"}, "clusters", {"id"}),
                          ForeignKey({"input_id"}, "data_sources", {"id"}),
                          ForeignKey({"job_id"}, "jobs", {"id"}),
                          ForeignKey({"output_id"}, "data_sources", {"id"}), PrimaryKey({"id"})},
                         kInnoDbUtf8);
         op.create_table(
             "node_groups",
             {Column("created_at", DateTime()), Column("updated_at", DateTime()),
              Column("id", String(36)).not_null(), Column("name", String(80)).not_null(),
              Column("tenant_id", String(36)), Column("flavor_id", String(36)).not_null(),
              Column("image_id", String(36)), Column("image_username", String(36)),
              Column("node_processes", Text()), Column("node_configs", Text()),
              Column("volumes_per_node", Integer()), Column("volumes_size", Integer()),
              Column("volume_mount_prefix", String(80)), Column("count", Integer()).not_null(),
              Column("cluster_id", String(36)), Column("node_group_template_id", String(36)),
              Column("floating_ip_pool", String(36))},
             {ForeignKey({"cluster_id"}, "clusters", {"id"}),
              ForeignKey({"node_group_template_id"}, "node_group_templates", {"id"}),
              PrimaryKey({"id"}), Unique({"name", "cluster_id"})},
             kInnoDbUtf8);
         op.create_table(
             "instances",
             {Column("created_at", DateTime()), Column("updated_at", DateTime()),
              Column("id", String(36)).not_null(), Column("tenant_id", String(36)),
              Column("node_group_id", String(36)), Column("instance_id", String(36)),
              Column("instance_name", String(80)).not_null(), Column("internal_ip", String(15)),
              Column("management_ip", String(15)), Column("volumes", Text())},
             {ForeignKey({"node_group_id"}, "node_groups", {"id"}), PrimaryKey({"id"}),
              Unique({"instance_id", "node_group_id"})},
             kInnoDbUtf8);
       }},
      {"002",
       [](Operations&) {
         // placeholder: only the version row changes
       }},
      {"003",
       [](Operations&) {
         // placeholder: only the version row changes
       }},
      {"004",
       [](Operations&) {
         // placeholder: only the version row changes
       }},
      {"005",
       [](Operations&) {
         // placeholder: only the version row changes
       }},
      {"006",
       [](Operations&) {
         // placeholder: only the version row changes
       }},
      {"007",
       [](Operations& op) {
         op.alter_column("clusters", "status_description",
                         AlterColumnOptions().set_type(LongText()));
       }},
      {"008",
       [](Operations& op) {
         op.add_column("node_group_templates", Column("security_groups", Text()));
         op.add_column("node_groups", Column("security_groups", Text()));
         op.add_column("templates_relations", Column("security_groups", Text()));
       }},
      {"009", [](Operations& op) { op.add_column("clusters", Column("rollback_info", Text())); }},
      {"010",
       [](Operations& op) {
         op.add_column("node_group_templates", Column("auto_security_group", Boolean()));
         op.add_column("node_groups", Column("auto_security_group", Boolean()));
         op.add_column("templates_relations", Column("auto_security_group", Boolean()));
         op.add_column("node_groups", Column("open_ports", Text()));
       }},
      {"011", [](Operations& op) { op.add_column("clusters", Column("sahara_info", Text())); }},
      {"012",
       [](Operations& op) {
         op.add_column("node_group_templates", Column("availability_zone", String(255)));
         op.add_column("node_groups", Column("availability_zone", String(255)));
         op.add_column("templates_relations", Column("availability_zone", String(255)));
       }},
      {"013",
       [](Operations& op) {
         op.add_column("node_group_templates", Column("volumes_availability_zone", String(255)));
         op.add_column("node_groups", Column("volumes_availability_zone", String(255)));
         op.add_column("templates_relations", Column("volumes_availability_zone", String(255)));
       }},
      {"014",
       [](Operations& op) {
         op.add_column("node_group_templates", Column("volume_type", String(255)));
         op.add_column("node_groups", Column("volume_type", String(255)));
         op.add_column("templates_relations", Column("volume_type", String(255)));
       }},
      {"015",
       [](Operations& op) {
         op.create_table("cluster_provision_steps",
                         {Column("created_at", DateTime()), Column("updated_at", DateTime()),
                          Column("id", String(36)).not_null(), Column("cluster_id", String(36)),
                          Column("tenant_id", String(36)), Column("step_name", String(80)),
                          Column("step_type", String(36)), Column("completed", Integer()),
                          Column("total", Integer()), Column("successful", Boolean()),
                          Column("started_at", DateTime()), Column("completed_at", DateTime())},
                         {ForeignKey({"cluster_id"}, "clusters", {"id"}), PrimaryKey({"id"}),
                          Unique({"id", "cluster_id"})},
                         kInnoDbUtf8);
         op.create_table("cluster_events",
                         {Column("created_at", DateTime()), Column("updated_at", DateTime()),
                          Column("id", String(36)).not_null(), Column("node_group_id", String(36)),
                          Column("instance_id", String(36)), Column("instance_name", String(80)),
                          Column("event_info", Text()), Column("successful", Boolean()).not_null(),
                          Column("step_id", String(36))},
                         {ForeignKey({"step_id"}, "cluster_provision_steps", {"id"}),
                          PrimaryKey({"id"}), Unique({"id", "step_id"})},
                         kInnoDbUtf8);
       }},
      {"016",
       [](Operations& op) {
         op.add_column("node_group_templates", Column("is_proxy_gateway", Boolean()));
         op.add_column("node_groups", Column("is_proxy_gateway", Boolean()));
         op.add_column("templates_relations", Column("is_proxy_gateway", Boolean()));
       }},
      {"017", [](Operations& op) { op.drop_column("job_executions", "progress"); }},
      {"018",
       [](Operations& op) {
         op.add_column("node_group_templates", Column("volume_local_to_instance", Boolean()));
         op.add_column("node_groups", Column("volume_local_to_instance", Boolean()));
         op.add_column("templates_relations", Column("volume_local_to_instance", Boolean()));
       }},
      {"019",
       [](Operations& op) {
         op.add_column("cluster_templates", Column("is_default", Boolean()));
         op.add_column("node_group_templates", Column("is_default", Boolean()));
       }},
      {"020",
       [](Operations& op) {
         op.drop_column("cluster_provision_steps", "completed_at");
         op.drop_column("cluster_provision_steps", "completed");
         op.drop_column("cluster_provision_steps", "started_at");
       }},
      {"021",
       [](Operations& op) { op.add_column("job_executions", Column("data_source_urls", Text())); }},
      {"022",
       [](Operations& op) {
         op.create_table(
             "job_interface_arguments",
             {Column("created_at", DateTime()), Column("updated_at", DateTime()),
              Column("id", String(36)).not_null(), Column("job_id", String(36)).not_null(),
              Column("tenant_id", String(36)), Column("name", String(80)).not_null(),
              Column("description", Text()), Column("mapping_type", String(80)).not_null(),
              Column("location", Text()).not_null(), Column("value_type", String(80)).not_null(),
              Column("required", Boolean()).not_null(), Column("order", SmallInteger()).not_null(),
              Column("default", Text())},
             {ForeignKey({"job_id"}, "jobs", {"id"}), PrimaryKey({"id"}),
              Unique({"job_id", "order"}), Unique({"job_id", "name"})},
             kInnoDbUtf8);
       }},
      {"023",
       [](Operations& op) {
         op.add_column("clusters", Column("use_autoconfig", Boolean()));
         op.add_column("cluster_templates", Column("use_autoconfig", Boolean()));
         op.add_column("node_group_templates", Column("use_autoconfig", Boolean()));
         op.add_column("node_groups", Column("use_autoconfig", Boolean()));
         op.add_column("templates_relations", Column("use_autoconfig", Boolean()));
       }},
      {"024",
       [](Operations& op) {
         op.add_column("node_group_templates", Column("shares", Text()));
         op.add_column("node_groups", Column("shares", Text()));
         op.add_column("templates_relations", Column("shares", Text()));
         op.add_column("clusters", Column("shares", Text()));
         op.add_column("cluster_templates", Column("shares", Text()));
       }},
      {"025",
       [](Operations& op) {
         op.alter_column("instances", "internal_ip",
                         AlterColumnOptions().set_type(String(45)).set_nullable(true));
         op.alter_column("instances", "management_ip",
                         AlterColumnOptions().set_type(String(45)).set_nullable(true));
       }},
      {"026",
       [](Operations& op) {
         op.add_column("clusters", Column("is_public", Boolean()));
         op.add_column("cluster_templates", Column("is_public", Boolean()));
         op.add_column("node_group_templates", Column("is_public", Boolean()));
         op.add_column("data_sources", Column("is_public", Boolean()));
         op.add_column("job_executions", Column("is_public", Boolean()));
         op.add_column("jobs", Column("is_public", Boolean()));
         op.add_column("job_binary_internal", Column("is_public", Boolean()));
         op.add_column("job_binaries", Column("is_public", Boolean()));
         op.add_column("clusters", Column("is_protected", Boolean()));
         op.add_column("cluster_templates", Column("is_protected", Boolean()));
         op.add_column("node_group_templates", Column("is_protected", Boolean()));
         op.add_column("data_sources", Column("is_protected", Boolean()));
         op.add_column("job_executions", Column("is_protected", Boolean()));
         op.add_column("jobs", Column("is_protected", Boolean()));
         op.add_column("job_binary_internal", Column("is_protected", Boolean()));
         op.add_column("job_binaries", Column("is_protected", Boolean()));
       }},
      {"027",
       [](Operations& op) {
         op.alter_column("job_executions", "oozie_job_id",
                         AlterColumnOptions().set_type(String(100)).rename_to("engine_job_id"));
       }},
      {"028",
       [](Operations& op) {
         op.add_column("instances", Column("storage_devices_number", Integer()));
       }},
      {"029",
       [](Operations& op) {
         op.execute({{"sqlite",
                      "UPDATE node_group_templates SET is_protected=1 WHERE "
                      "node_group_templates.is_default = 1"},
                     {"postgresql",
                      "UPDATE node_group_templates SET is_protected=true WHERE "
                      "node_group_templates.is_default"},
                     {"mysql",
                      "UPDATE node_group_templates SET is_protected=true WHERE "
                      "node_group_templates.is_default = 1"}});
         op.execute(
             {{"sqlite",
               "UPDATE cluster_templates SET is_protected=1 WHERE cluster_templates.is_default = "
               "1"},
              {"postgresql",
               "UPDATE cluster_templates SET is_protected=true WHERE cluster_templates.is_default"},
              {"mysql",
               "UPDATE cluster_templates SET is_protected=true WHERE cluster_templates.is_default "
               "= 1"}});
       }},
      {"030",
       [](Operations& op) {
         op.create_table("cluster_verifications",
                         {Column("created_at", DateTime()), Column("updated_at", DateTime()),
                          Column("id", String(36)).not_null(), Column("cluster_id", String(36)),
                          Column("status", String(15))},
                         {ForeignKey({"cluster_id"}, "clusters", {"id"}), PrimaryKey({"id"}),
                          Unique({"id", "cluster_id"})},
                         kInnoDbUtf8);
         op.create_table("cluster_health_checks",
                         {Column("created_at", DateTime()), Column("updated_at", DateTime()),
                          Column("id", String(36)).not_null(),
                          Column("verification_id", String(36)), Column("status", String(15)),
                          Column("description", Text()), Column("name", String(80))},
                         {ForeignKey({"verification_id"}, "cluster_verifications", {"id"}),
                          PrimaryKey({"id"}), Unique({"id", "verification_id"})},
                         kInnoDbUtf8);
       }},
      {"031",
       [](Operations& op) {
         op.create_table(
             "plugin_data",
             {Column("created_at", DateTime()), Column("updated_at", DateTime()),
              Column("id", String(36)).not_null(), Column("tenant_id", String(36)).not_null(),
              Column("name", String(15)).not_null(), Column("plugin_labels", Text()),
              Column("version_labels", Text())},
             {PrimaryKey({"id"}), Unique({"name", "tenant_id"})}, {});
       }},
      {"032",
       [](Operations& op) {
         op.add_column("cluster_templates", Column("domain_name", String(255)));
         op.add_column("clusters", Column("domain_name", String(255)));
         op.add_column("instances", Column("dns_hostname", String(255)));
       }},
      {"033",
       [](Operations& op) { op.add_column("clusters", Column("anti_affinity_ratio", Integer())); }},
      {"034",
       [](Operations& op) {
         op.add_column("node_group_templates", Column("boot_from_volume", Boolean()).not_null());
         op.add_column("node_groups", Column("boot_from_volume", Boolean()).not_null());
         op.add_column("templates_relations", Column("boot_from_volume", Boolean()).not_null());
       }},
      {"035",
       [](Operations& op) {
         op.add_column("node_group_templates",
                       Column("boot_volume_availability_zone", String(255)));
         op.add_column("node_group_templates", Column("boot_volume_local_to_instance", Boolean()));
         op.add_column("node_group_templates", Column("boot_volume_type", String(255)));
         op.add_column("node_groups", Column("boot_volume_availability_zone", String(255)));
         op.add_column("node_groups", Column("boot_volume_local_to_instance", Boolean()));
         op.add_column("node_groups", Column("boot_volume_type", String(255)));
         op.add_column("templates_relations", Column("boot_volume_availability_zone", String(255)));
         op.add_column("templates_relations", Column("boot_volume_local_to_instance", Boolean()));
         op.add_column("templates_relations", Column("boot_volume_type", String(255)));
       }},
  };
  return history;
}

std::vector<Op> upgrade_ops(const SaharaRevision& revision) {
  Operations ops;
  revision.upgrade(ops);
  return ops.ops();
}

// Alembic's SQLite script for every revision made of create_table, add_column and drop_column
// (revisions.yaml, offline_sql.sqlite; each line of a CREATE TABLE ends ", " before the newline).
const std::map<std::string, std::vector<std::string>>& alembic_sqlite_sql() {
  static const std::map<std::string, std::vector<std::string>> sql = {
      {"001",
       {"CREATE TABLE jobs (\n"
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    description TEXT, \n"
        "    type VARCHAR(80) NOT NULL, \n"
        "    PRIMARY KEY (id), \n"
        "    UNIQUE (name, tenant_id)\n"
        ")",
        "CREATE TABLE node_group_templates (\n"
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    name VARCHAR(80) NOT NULL, \n"
        "    data BLOB, \n"
        "    datasize BIGINT, \n"
        "    PRIMARY KEY (id), \n"
        "    UNIQUE (name, tenant_id)\n"
        ")",
        "CREATE TABLE job_binaries (\n"
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    tenant_id VARCHAR(36), \n"
        "    job_id VARCHAR(36), \n"
        "    input_id VARCHAR(36), \n"
        "    output_id VARCHAR(36), \n"
        "    start_time DATETIME, \n"
        "    end_time DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    cluster_id VARCHAR(36), \n"
        "    tenant_id VARCHAR(36), \n"
        "    step_name VARCHAR(80), \n"
        "    step_type VARCHAR(36), \n"
        "    completed INTEGER, \n"
        "    total INTEGER, \n"
        "    successful BOOLEAN, \n"
        "    started_at DATETIME, \n"
        "    completed_at DATETIME, \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_id) REFERENCES clusters (id), \n"
        "    UNIQUE (id, cluster_id)\n"
        ")",
        "CREATE TABLE cluster_events (\n"
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
      {"028", {"ALTER TABLE instances ADD COLUMN storage_devices_number INTEGER"}},
      {"030",
       {"CREATE TABLE cluster_verifications (\n"
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    cluster_id VARCHAR(36), \n"
        "    status VARCHAR(15), \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_id) REFERENCES clusters (id), \n"
        "    UNIQUE (id, cluster_id)\n"
        ")",
        "CREATE TABLE cluster_health_checks (\n"
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
        "    created_at DATETIME, \n"
        "    updated_at DATETIME, \n"
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
      {"034",
       {"ALTER TABLE node_group_templates ADD COLUMN boot_from_volume BOOLEAN NOT NULL",
        "ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOLEAN NOT NULL",
        "ALTER TABLE templates_relations ADD COLUMN boot_from_volume BOOLEAN NOT NULL"}},
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

// An in-memory SQLite database; a failing statement fails the test with SQLite's message.
class Database {
 public:
  Database() { REQUIRE(sqlite3_open(":memory:", &db_) == SQLITE_OK); }
  ~Database() { sqlite3_close(db_); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// Runs a statement; returns SQLite's error message, or "" on success.
  std::string try_exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    std::string error = rc == SQLITE_OK ? "" : (message ? message : "error " + std::to_string(rc));
    sqlite3_free(message);
    return error;
  }

  void exec(const std::string& sql) {
    const std::string error = try_exec(sql);
    INFO("statement: " << sql);
    REQUIRE(error == "");
  }

  /// Every row of a query, each value as text ("NULL" for SQL NULL).
  std::vector<std::vector<std::string>> rows(const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    INFO("query: " << sql);
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &raw, nullptr) == SQLITE_OK);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
    std::vector<std::vector<std::string>> result;
    while (sqlite3_step(raw) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(raw); ++i) {
        const unsigned char* text = sqlite3_column_text(raw, i);
        row.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
      result.push_back(std::move(row));
    }
    return result;
  }

  std::string value(const std::string& sql) {
    const auto result = rows(sql);
    REQUIRE(result.size() == 1);
    return result.front().front();
  }

 private:
  sqlite3* db_ = nullptr;
};

void check_statements(const std::vector<std::string>& rendered,
                      const std::vector<std::string>& expected) {
  REQUIRE(rendered.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(rendered[i] == expected[i]);
  }
}

// What each revision renders to on SQLite, replaying the history through the schema model.
std::map<std::string, std::vector<std::string>> render_history_on_sqlite() {
  sqlite::SqliteDialect dialect;
  schema::SchemaModel model;
  std::map<std::string, std::vector<std::string>> rendered;
  for (const auto& revision : sahara_history()) {
    auto& statements = rendered[revision.id];
    for (const auto& op : upgrade_ops(revision)) {
      for (auto& statement : dialect.render(op, model))
        statements.push_back(std::move(statement));
      model.apply(op);
    }
  }
  return rendered;
}

std::string column_list(const Table& table) {
  std::string list;
  for (const auto& column : table.columns)
    list += (list.empty() ? "" : ", ") + column.name;
  return list;
}

}  // namespace

TEST_CASE("Sahara revisions render on SQLite exactly as Alembic writes them") {
  const auto rendered = render_history_on_sqlite();
  int compared = 0;
  for (const auto& [id, expected] : alembic_sqlite_sql()) {
    CAPTURE(id);
    check_statements(rendered.at(id), expected);
    ++compared;
  }
  // Every revision of create_table, add_column and drop_column ops; 001 alone has 13 tables.
  CHECK(compared == 26);
  CHECK(rendered.at("001").size() == 13);
}

TEST_CASE("Sahara 007, 025 and 027 rebuild or rename on SQLite where Alembic's ALTER fails") {
  const auto rendered = render_history_on_sqlite();

  // 007: clusters.status_description VARCHAR(200) -> TEXT.
  const auto& convert = rendered.at("007");
  REQUIRE(convert.size() == 4);
  CHECK(convert[0].rfind("CREATE TABLE _sdm_tmp_clusters (\n    created_at DATETIME, \n", 0) == 0);
  CHECK(convert[0].find("    status_description TEXT, \n") != std::string::npos);
  CHECK(convert[0].find("    PRIMARY KEY (id), \n"
                        "    FOREIGN KEY(cluster_template_id) REFERENCES cluster_templates (id), \n"
                        "    UNIQUE (name, tenant_id)\n)") != std::string::npos);
  schema::SchemaModel at_006;
  for (const auto& revision : sahara_history()) {
    if (std::string(revision.id) == "007") break;
    at_006.apply(upgrade_ops(revision));
  }
  const std::string columns = column_list(*at_006.table("clusters"));
  CHECK(convert[1] ==
        "INSERT INTO _sdm_tmp_clusters (" + columns + ") SELECT " + columns + " FROM clusters");
  CHECK(convert[2] == "DROP TABLE clusters");
  CHECK(convert[3] == "ALTER TABLE _sdm_tmp_clusters RENAME TO clusters");

  // 025: instances.internal_ip and management_ip VARCHAR(15) -> VARCHAR(45), one rebuild each.
  const auto& widen = rendered.at("025");
  REQUIRE(widen.size() == 8);
  CHECK(widen[0].find("    internal_ip VARCHAR(45), \n    management_ip VARCHAR(15), \n") !=
        std::string::npos);
  CHECK(widen[4].find("    internal_ip VARCHAR(45), \n    management_ip VARCHAR(45), \n") !=
        std::string::npos);
  CHECK(widen[7] == "ALTER TABLE _sdm_tmp_instances RENAME TO instances");

  // 027: the type is unchanged (VARCHAR(100)), so only the rename remains.
  check_statements(rendered.at("027"),
                   {"ALTER TABLE job_executions RENAME COLUMN oozie_job_id TO engine_job_id"});
}

TEST_CASE("the whole Sahara history runs on a real SQLite database and keeps its rows") {
  Database db;
  // The runner's contract for SQLite: foreign keys are not enforced while tables are rebuilt.
  db.exec("PRAGMA foreign_keys = OFF");
  sqlite::SqliteDialect dialect;
  schema::SchemaModel model;
  db.exec(dialect.create_version_table("alembic_version"));
  std::string previous;
  for (const auto& revision : sahara_history()) {
    db.exec(dialect.begin_statement());
    for (const auto& op : upgrade_ops(revision)) {
      for (const auto& statement : dialect.render(op, model))
        db.exec(statement);
      model.apply(op);
    }
    db.exec(previous.empty() ? dialect.insert_version("alembic_version", revision.id, false)
                             : dialect.update_version("alembic_version", previous, revision.id));
    db.exec(dialect.commit_statement());
    previous = revision.id;
    if (previous == "006") {
      // Rows in the tables 007, 025 and 027 change; none in the tables 034 adds NOT NULL to.
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
    }
  }

  CHECK(db.value("SELECT version_num FROM alembic_version") == "035");
  CHECK(db.value("SELECT status_description FROM clusters WHERE id = 'c1'") == "Active since 2014");
  CHECK(db.value("SELECT cluster_template_id FROM clusters WHERE id = 'c1'") == "ct1");
  CHECK(db.value("SELECT internal_ip || ' ' || management_ip FROM instances") ==
        "10.0.0.15 192.168.0.15");
  CHECK(db.value("SELECT engine_job_id FROM job_executions WHERE id = 'je1'") == "oozie-0001");

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
    CAPTURE(name);
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
