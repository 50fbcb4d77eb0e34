// Revision 016: is_proxy_gateway on node_group_templates, node_groups and templates_relations.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("node_group_templates", sdm::Column("is_proxy_gateway", sdm::Boolean()));
  op.add_column("node_groups", sdm::Column("is_proxy_gateway", sdm::Boolean()));
  op.add_column("templates_relations", sdm::Column("is_proxy_gateway", sdm::Boolean()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("templates_relations", "is_proxy_gateway");
  op.drop_column("node_groups", "is_proxy_gateway");
  op.drop_column("node_group_templates", "is_proxy_gateway");
}

SDM_REVISION(is_proxy_gateway, "016", "015",
             "Add is_proxy_gateway\n"
             "\n"
             "Revision ID: 016\n"
             "Revises: 015\n"
             "Create Date: 2014-11-10 12:47:17.871520",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(is_proxy_gateway)
