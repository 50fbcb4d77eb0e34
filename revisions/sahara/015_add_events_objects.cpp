// Revision 015: provisioning steps of a cluster and the events each step records.
#include <sdm/revision.hpp>

// created_at, updated_at and id open every table of Sahara's models; `rest` follows them.
static std::vector<sdm::Column> model_columns(std::initializer_list<sdm::Column> rest) {
  std::vector<sdm::Column> columns = {sdm::Column("created_at", sdm::DateTime()),
                                      sdm::Column("updated_at", sdm::DateTime()),
                                      sdm::Column("id", sdm::String(36)).not_null()};
  columns.insert(columns.end(), rest);
  return columns;
}

static sdm::TableOptions innodb_utf8() {
  return {{"mysql_engine", "InnoDB"}, {"mysql_charset", "utf8"}};
}

static void upgrade(sdm::Operations& op) {
  op.create_table("cluster_provision_steps",
                  model_columns({
                      sdm::Column("cluster_id", sdm::String(36)),
                      sdm::Column("tenant_id", sdm::String(36)),
                      sdm::Column("step_name", sdm::String(80)),
                      sdm::Column("step_type", sdm::String(36)),
                      sdm::Column("completed", sdm::Integer()),
                      sdm::Column("total", sdm::Integer()),
                      sdm::Column("successful", sdm::Boolean()),
                      sdm::Column("started_at", sdm::DateTime()),
                      sdm::Column("completed_at", sdm::DateTime()),
                  }),
                  {sdm::ForeignKey({"cluster_id"}, "clusters", {"id"}), sdm::PrimaryKey({"id"}),
                   sdm::Unique({"id", "cluster_id"})},
                  innodb_utf8());

  op.create_table("cluster_events",
                  model_columns({
                      sdm::Column("node_group_id", sdm::String(36)),
                      sdm::Column("instance_id", sdm::String(36)),
                      sdm::Column("instance_name", sdm::String(80)),
                      sdm::Column("event_info", sdm::Text()),
                      sdm::Column("successful", sdm::Boolean()).not_null(),
                      sdm::Column("step_id", sdm::String(36)),
                  }),
                  {sdm::ForeignKey({"step_id"}, "cluster_provision_steps", {"id"}),
                   sdm::PrimaryKey({"id"}), sdm::Unique({"id", "step_id"})},
                  innodb_utf8());
}

// cluster_events refers to cluster_provision_steps, so it goes first.
static void downgrade(sdm::Operations& op) {
  op.drop_table("cluster_events");
  op.drop_table("cluster_provision_steps");
}

SDM_REVISION(add_events_objects, "015", "014",
             "add_events_objects\n"
             "\n"
             "Revision ID: 015\n"
             "Revises: 014\n"
             "Create Date: 2014-11-07 15:20:21.806128",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(add_events_objects)
