// Revision 030: cluster verifications and the health checks each one runs.
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
  op.create_table("cluster_verifications",
                  model_columns({
                      sdm::Column("cluster_id", sdm::String(36)),
                      sdm::Column("status", sdm::String(15)),
                  }),
                  {sdm::ForeignKey({"cluster_id"}, "clusters", {"id"}), sdm::PrimaryKey({"id"}),
                   sdm::Unique({"id", "cluster_id"})},
                  innodb_utf8());

  op.create_table("cluster_health_checks",
                  model_columns({
                      sdm::Column("verification_id", sdm::String(36)),
                      sdm::Column("status", sdm::String(15)),
                      sdm::Column("description", sdm::Text()),
                      sdm::Column("name", sdm::String(80)),
                  }),
                  {sdm::ForeignKey({"verification_id"}, "cluster_verifications", {"id"}),
                   sdm::PrimaryKey({"id"}), sdm::Unique({"id", "verification_id"})},
                  innodb_utf8());
}

// cluster_health_checks refers to cluster_verifications, so it goes first.
static void downgrade(sdm::Operations& op) {
  op.drop_table("cluster_health_checks");
  op.drop_table("cluster_verifications");
}

// The docstring's header names 029/028 (as upstream's does); the ids below are what count.
SDM_REVISION(health_check, "030", "029",
             "health-check\n"
             "\n"
             "Revision ID: 029\n"
             "Revises: 028\n"
             "Create Date: 2016-01-26 16:11:46.008367",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(health_check)
