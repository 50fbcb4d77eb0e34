// Revision 014: volume_type on node_group_templates, node_groups and templates_relations.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("node_group_templates", sdm::Column("volume_type", sdm::String(255)));
  op.add_column("node_groups", sdm::Column("volume_type", sdm::String(255)));
  op.add_column("templates_relations", sdm::Column("volume_type", sdm::String(255)));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("templates_relations", "volume_type");
  op.drop_column("node_groups", "volume_type");
  op.drop_column("node_group_templates", "volume_type");
}

SDM_REVISION(add_volume_type, "014", "013",
             "add_volume_type\n"
             "\n"
             "Revision ID: 014\n"
             "Revises: 013\n"
             "Create Date: 2014-10-09 12:47:17.871520",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(add_volume_type)
