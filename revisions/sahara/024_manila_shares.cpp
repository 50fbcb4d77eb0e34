// Revision 024: Manila shares (JSON text) on node_group_templates, node_groups,
// templates_relations, clusters and cluster_templates.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("node_group_templates", sdm::Column("shares", sdm::Text()));
  op.add_column("node_groups", sdm::Column("shares", sdm::Text()));
  op.add_column("templates_relations", sdm::Column("shares", sdm::Text()));
  op.add_column("clusters", sdm::Column("shares", sdm::Text()));
  op.add_column("cluster_templates", sdm::Column("shares", sdm::Text()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("cluster_templates", "shares");
  op.drop_column("clusters", "shares");
  op.drop_column("templates_relations", "shares");
  op.drop_column("node_groups", "shares");
  op.drop_column("node_group_templates", "shares");
}

SDM_REVISION(manila_shares, "024", "023",
             "manila_shares\n"
             "\n"
             "Revision ID: 024\n"
             "Revises: 023\n"
             "Create Date: 2015-07-20 14:51:20.275823",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(manila_shares)
