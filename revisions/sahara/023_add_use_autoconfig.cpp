// Revision 023: use_autoconfig on clusters, cluster_templates, node_group_templates, node_groups
// and templates_relations.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("clusters", sdm::Column("use_autoconfig", sdm::Boolean()));
  op.add_column("cluster_templates", sdm::Column("use_autoconfig", sdm::Boolean()));
  op.add_column("node_group_templates", sdm::Column("use_autoconfig", sdm::Boolean()));
  op.add_column("node_groups", sdm::Column("use_autoconfig", sdm::Boolean()));
  op.add_column("templates_relations", sdm::Column("use_autoconfig", sdm::Boolean()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("templates_relations", "use_autoconfig");
  op.drop_column("node_groups", "use_autoconfig");
  op.drop_column("node_group_templates", "use_autoconfig");
  op.drop_column("cluster_templates", "use_autoconfig");
  op.drop_column("clusters", "use_autoconfig");
}

SDM_REVISION(add_use_autoconfig, "023", "022",
             "add_use_autoconfig\n"
             "\n"
             "Revision ID: 023\n"
             "Revises: 022\n"
             "Create Date: 2015-04-24 14:51:39.582085",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(add_use_autoconfig)
