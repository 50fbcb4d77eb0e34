// Revision 013: volumes_availability_zone on node_group_templates, node_groups and
// templates_relations.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("node_group_templates", sdm::Column("volumes_availability_zone", sdm::String(255)));
  op.add_column("node_groups", sdm::Column("volumes_availability_zone", sdm::String(255)));
  op.add_column("templates_relations", sdm::Column("volumes_availability_zone", sdm::String(255)));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("templates_relations", "volumes_availability_zone");
  op.drop_column("node_groups", "volumes_availability_zone");
  op.drop_column("node_group_templates", "volumes_availability_zone");
}

SDM_REVISION(volumes_availability_zone, "013", "012",
             "add volumes_availability_zone field to node groups\n"
             "\n"
             "Revision ID: 013\n"
             "Revises: 012\n"
             "Create Date: 2014-09-08 15:37:00.000000",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(volumes_availability_zone)
