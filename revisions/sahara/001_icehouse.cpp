// Revision 001: the Icehouse schema, compacted into one revision (13 tables).
#include <sdm/revision.hpp>

// created_at, updated_at and id open every table of Sahara's models; `rest` follows them.
static std::vector<sdm::Column> model_columns(std::initializer_list<sdm::Column> rest) {
  std::vector<sdm::Column> columns = {sdm::Column("created_at", sdm::DateTime()),
                                      sdm::Column("updated_at", sdm::DateTime()),
                                      sdm::Column("id", sdm::String(36)).not_null()};
  columns.insert(columns.end(), rest);
  return columns;
}

// Sahara's JsonEncoded type stores JSON text in a TEXT column.
static sdm::Column json(const char* name) {
  return sdm::Column(name, sdm::Text());
}

static sdm::Column required(const char* name, sdm::Type type) {
  return sdm::Column(name, std::move(type)).not_null();
}

static sdm::TableOptions innodb_utf8() {
  return {{"mysql_engine", "InnoDB"}, {"mysql_charset", "utf8"}};
}

static void upgrade(sdm::Operations& op) {
  op.create_table("jobs",
                  model_columns({
                      sdm::Column("tenant_id", sdm::String(36)),
                      required("name", sdm::String(80)),
                      sdm::Column("description", sdm::Text()),
                      required("type", sdm::String(80)),
                  }),
                  {sdm::PrimaryKey({"id"}), sdm::Unique({"name", "tenant_id"})}, innodb_utf8());

  op.create_table("node_group_templates",
                  model_columns({
                      required("name", sdm::String(80)),
                      sdm::Column("description", sdm::Text()),
                      sdm::Column("tenant_id", sdm::String(36)),
                      required("flavor_id", sdm::String(36)),
                      sdm::Column("image_id", sdm::String(36)),
                      required("plugin_name", sdm::String(80)),
                      required("hadoop_version", sdm::String(80)),
                      json("node_processes"),
                      json("node_configs"),
                      required("volumes_per_node", sdm::Integer()),
                      sdm::Column("volumes_size", sdm::Integer()),
                      sdm::Column("volume_mount_prefix", sdm::String(80)),
                      sdm::Column("floating_ip_pool", sdm::String(36)),
                  }),
                  {sdm::PrimaryKey({"id"}), sdm::Unique({"name", "tenant_id"})}, innodb_utf8());

  op.create_table("cluster_templates",
                  model_columns({
                      required("name", sdm::String(80)),
                      sdm::Column("description", sdm::Text()),
                      json("cluster_configs"),
                      sdm::Column("default_image_id", sdm::String(36)),
                      json("anti_affinity"),
                      sdm::Column("tenant_id", sdm::String(36)),
                      sdm::Column("neutron_management_network", sdm::String(36)),
                      required("plugin_name", sdm::String(80)),
                      required("hadoop_version", sdm::String(80)),
                  }),
                  {sdm::PrimaryKey({"id"}), sdm::Unique({"name", "tenant_id"})}, innodb_utf8());

  op.create_table("job_binary_internal",
                  model_columns({
                      sdm::Column("tenant_id", sdm::String(36)),
                      required("name", sdm::String(80)),
                      sdm::Column("data", sdm::LargeBinary().with_variant("mysql", "LONGBLOB")),
                      sdm::Column("datasize", sdm::BigInteger()),
                  }),
                  {sdm::PrimaryKey({"id"}), sdm::Unique({"name", "tenant_id"})}, innodb_utf8());

  op.create_table("job_binaries",
                  model_columns({
                      sdm::Column("tenant_id", sdm::String(36)),
                      required("name", sdm::String(80)),
                      sdm::Column("description", sdm::Text()),
                      required("url", sdm::String(256)),
                      json("extra"),
                  }),
                  {sdm::PrimaryKey({"id"}), sdm::Unique({"name", "tenant_id"})}, innodb_utf8());

  op.create_table("data_sources",
                  model_columns({
                      sdm::Column("tenant_id", sdm::String(36)),
                      required("name", sdm::String(80)),
                      sdm::Column("description", sdm::Text()),
                      required("type", sdm::String(80)),
                      required("url", sdm::String(256)),
                      json("credentials"),
                  }),
                  {sdm::PrimaryKey({"id"}), sdm::Unique({"name", "tenant_id"})}, innodb_utf8());

  op.create_table(
      "libs_association",
      {sdm::Column("Job_id", sdm::String(36)), sdm::Column("JobBinary_id", sdm::String(36))},
      {sdm::ForeignKey({"JobBinary_id"}, "job_binaries", {"id"}),
       sdm::ForeignKey({"Job_id"}, "jobs", {"id"})},
      innodb_utf8());

  op.create_table("clusters",
                  model_columns({
                      required("name", sdm::String(80)),
                      sdm::Column("description", sdm::Text()),
                      sdm::Column("tenant_id", sdm::String(36)),
                      sdm::Column("trust_id", sdm::String(36)),
                      sdm::Column("is_transient", sdm::Boolean()),
                      required("plugin_name", sdm::String(80)),
                      required("hadoop_version", sdm::String(80)),
                      json("cluster_configs"),
                      sdm::Column("default_image_id", sdm::String(36)),
                      sdm::Column("neutron_management_network", sdm::String(36)),
                      json("anti_affinity"),
                      required("management_private_key", sdm::Text()),
                      required("management_public_key", sdm::Text()),
                      sdm::Column("user_keypair_id", sdm::String(80)),
                      sdm::Column("status", sdm::String(80)),
                      sdm::Column("status_description", sdm::String(200)),
                      json("info"),
                      json("extra"),
                      sdm::Column("cluster_template_id", sdm::String(36)),
                  }),
                  {sdm::ForeignKey({"cluster_template_id"}, "cluster_templates", {"id"}),
                   sdm::PrimaryKey({"id"}), sdm::Unique({"name", "tenant_id"})},
                  innodb_utf8());

  op.create_table("templates_relations",
                  model_columns({
                      sdm::Column("tenant_id", sdm::String(36)),
                      required("name", sdm::String(80)),
                      required("flavor_id", sdm::String(36)),
                      sdm::Column("image_id", sdm::String(36)),
                      json("node_processes"),
                      json("node_configs"),
                      sdm::Column("volumes_per_node", sdm::Integer()),
                      sdm::Column("volumes_size", sdm::Integer()),
                      sdm::Column("volume_mount_prefix", sdm::String(80)),
                      required("count", sdm::Integer()),
                      sdm::Column("cluster_template_id", sdm::String(36)),
                      sdm::Column("node_group_template_id", sdm::String(36)),
                      sdm::Column("floating_ip_pool", sdm::String(36)),
                  }),
                  {sdm::ForeignKey({"cluster_template_id"}, "cluster_templates", {"id"}),
                   sdm::ForeignKey({"node_group_template_id"}, "node_group_templates", {"id"}),
                   sdm::PrimaryKey({"id"})},
                  innodb_utf8());

  op.create_table(
      "mains_association",
      {sdm::Column("Job_id", sdm::String(36)), sdm::Column("JobBinary_id", sdm::String(36))},
      {sdm::ForeignKey({"JobBinary_id"}, "job_binaries", {"id"}),
       sdm::ForeignKey({"Job_id"}, "jobs", {"id"})},
      innodb_utf8());

  op.create_table("job_executions",
                  model_columns({
                      sdm::Column("tenant_id", sdm::String(36)),
                      sdm::Column("job_id", sdm::String(36)),
                      sdm::Column("input_id", sdm::String(36)),
                      sdm::Column("output_id", sdm::String(36)),
                      sdm::Column("start_time", sdm::DateTime()),
                      sdm::Column("end_time", sdm::DateTime()),
                      sdm::Column("cluster_id", sdm::String(36)),
                      json("info"),
                      sdm::Column("progress", sdm::Float()),
                      sdm::Column("oozie_job_id", sdm::String(100)),
                      sdm::Column("return_code", sdm::String(80)),
                      json("job_configs"),
                      json("extra"),
                  }),
                  {sdm::ForeignKey({"cluster_id"}, "clusters", {"id"}),
                   sdm::ForeignKey({"input_id"}, "data_sources", {"id"}),
                   sdm::ForeignKey({"job_id"}, "jobs", {"id"}),
                   sdm::ForeignKey({"output_id"}, "data_sources", {"id"}), sdm::PrimaryKey({"id"})},
                  innodb_utf8());

  op.create_table("node_groups",
                  model_columns({
                      required("name", sdm::String(80)),
                      sdm::Column("tenant_id", sdm::String(36)),
                      required("flavor_id", sdm::String(36)),
                      sdm::Column("image_id", sdm::String(36)),
                      sdm::Column("image_username", sdm::String(36)),
                      json("node_processes"),
                      json("node_configs"),
                      sdm::Column("volumes_per_node", sdm::Integer()),
                      sdm::Column("volumes_size", sdm::Integer()),
                      sdm::Column("volume_mount_prefix", sdm::String(80)),
                      required("count", sdm::Integer()),
                      sdm::Column("cluster_id", sdm::String(36)),
                      sdm::Column("node_group_template_id", sdm::String(36)),
                      sdm::Column("floating_ip_pool", sdm::String(36)),
                  }),
                  {sdm::ForeignKey({"cluster_id"}, "clusters", {"id"}),
                   sdm::ForeignKey({"node_group_template_id"}, "node_group_templates", {"id"}),
                   sdm::PrimaryKey({"id"}), sdm::Unique({"name", "cluster_id"})},
                  innodb_utf8());

  op.create_table("instances",
                  model_columns({
                      sdm::Column("tenant_id", sdm::String(36)),
                      sdm::Column("node_group_id", sdm::String(36)),
                      sdm::Column("instance_id", sdm::String(36)),
                      required("instance_name", sdm::String(80)),
                      sdm::Column("internal_ip", sdm::String(15)),
                      sdm::Column("management_ip", sdm::String(15)),
                      json("volumes"),
                  }),
                  {sdm::ForeignKey({"node_group_id"}, "node_groups", {"id"}),
                   sdm::PrimaryKey({"id"}), sdm::Unique({"instance_id", "node_group_id"})},
                  innodb_utf8());
}

// Reverse creation order, so no table is dropped while a foreign key still points at it.
static void downgrade(sdm::Operations& op) {
  op.drop_table("instances");
  op.drop_table("node_groups");
  op.drop_table("job_executions");
  op.drop_table("mains_association");
  op.drop_table("templates_relations");
  op.drop_table("clusters");
  op.drop_table("libs_association");
  op.drop_table("data_sources");
  op.drop_table("job_binaries");
  op.drop_table("job_binary_internal");
  op.drop_table("cluster_templates");
  op.drop_table("node_group_templates");
  op.drop_table("jobs");
}

SDM_REVISION(icehouse, "001", "",
             "Icehouse release\n"
             "\n"
             "Revision ID: 001\n"
             "Revises: None\n"
             "Create Date: 2014-04-01 20:46:25.783444",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(icehouse)
