// Revision 008: security_groups (JSON text) on node_group_templates, node_groups and
// templates_relations.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("node_group_templates", sdm::Column("security_groups", sdm::Text()));
  op.add_column("node_groups", sdm::Column("security_groups", sdm::Text()));
  op.add_column("templates_relations", sdm::Column("security_groups", sdm::Text()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("templates_relations", "security_groups");
  op.drop_column("node_groups", "security_groups");
  op.drop_column("node_group_templates", "security_groups");
}

SDM_REVISION(security_groups, "008", "007",
             "add security_groups field to node groups\n"
             "\n"
             "Revision ID: 008\n"
             "Revises: 007\n"
             "Create Date: 2014-07-15 14:31:49.685689",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(security_groups)
