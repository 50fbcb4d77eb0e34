// Revision 031: plugin_data, per-tenant labels of plugins and their versions.
#include <sdm/revision.hpp>

// No MySQL engine or charset: unlike the other tables, plugin_data takes the database's
// defaults.
static void upgrade(sdm::Operations& op) {
  op.create_table("plugin_data",
                  {
                      sdm::Column("created_at", sdm::DateTime()),
                      sdm::Column("updated_at", sdm::DateTime()),
                      sdm::Column("id", sdm::String(36)).not_null(),
                      sdm::Column("tenant_id", sdm::String(36)).not_null(),
                      sdm::Column("name", sdm::String(15)).not_null(),
                      sdm::Column("plugin_labels", sdm::Text()),
                      sdm::Column("version_labels", sdm::Text()),
                  },
                  {sdm::PrimaryKey({"id"}), sdm::Unique({"name", "tenant_id"})});
}

static void downgrade(sdm::Operations& op) {
  op.drop_table("plugin_data");
}

SDM_REVISION(added_plugins_table, "031", "030",
             "added_plugins_table\n"
             "\n"
             "Revision ID: 031\n"
             "Revises: 030\n"
             "Create Date: 2016-06-21 13:32:40.151321",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(added_plugins_table)
