// Revision 010: auto_security_group on node_group_templates, node_groups and
// templates_relations; open_ports (JSON text) on node_groups.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("node_group_templates", sdm::Column("auto_security_group", sdm::Boolean()));
  op.add_column("node_groups", sdm::Column("auto_security_group", sdm::Boolean()));
  op.add_column("templates_relations", sdm::Column("auto_security_group", sdm::Boolean()));
  op.add_column("node_groups", sdm::Column("open_ports", sdm::Text()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("node_groups", "open_ports");
  op.drop_column("templates_relations", "auto_security_group");
  op.drop_column("node_groups", "auto_security_group");
  op.drop_column("node_group_templates", "auto_security_group");
}

SDM_REVISION(auto_security_groups, "010", "009",
             "add auto_security_groups flag to node group\n"
             "\n"
             "Revision ID: 010\n"
             "Revises: 009\n"
             "Create Date: 2014-07-21 14:31:49.685689",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(auto_security_groups)
