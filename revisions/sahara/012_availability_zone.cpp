// Revision 012: availability_zone on node_group_templates, node_groups and templates_relations.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("node_group_templates", sdm::Column("availability_zone", sdm::String(255)));
  op.add_column("node_groups", sdm::Column("availability_zone", sdm::String(255)));
  op.add_column("templates_relations", sdm::Column("availability_zone", sdm::String(255)));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("templates_relations", "availability_zone");
  op.drop_column("node_groups", "availability_zone");
  op.drop_column("node_group_templates", "availability_zone");
}

SDM_REVISION(availability_zone, "012", "011",
             "add availability_zone field to node groups\n"
             "\n"
             "Revision ID: 012\n"
             "Revises: 011\n"
             "Create Date: 2014-09-08 15:37:00.000000",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(availability_zone)
