// Revision 018: volume_local_to_instance on node_group_templates, node_groups and
// templates_relations.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("node_group_templates", sdm::Column("volume_local_to_instance", sdm::Boolean()));
  op.add_column("node_groups", sdm::Column("volume_local_to_instance", sdm::Boolean()));
  op.add_column("templates_relations", sdm::Column("volume_local_to_instance", sdm::Boolean()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("templates_relations", "volume_local_to_instance");
  op.drop_column("node_groups", "volume_local_to_instance");
  op.drop_column("node_group_templates", "volume_local_to_instance");
}

SDM_REVISION(volume_local_to_instance, "018", "017",
             "add volume_local_to_instance flag\n"
             "\n"
             "Revision ID: 018\n"
             "Revises: 017\n"
             "Create Date: 2015-03-03 14:35:43.625429",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(volume_local_to_instance)
