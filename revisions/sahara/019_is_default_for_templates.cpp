// Revision 019: the is_default flag on cluster and node group templates.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("cluster_templates", sdm::Column("is_default", sdm::Boolean()));
  op.add_column("node_group_templates", sdm::Column("is_default", sdm::Boolean()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("node_group_templates", "is_default");
  op.drop_column("cluster_templates", "is_default");
}

SDM_REVISION(is_default_for_templates, "019", "018",
             "Add is_default field for cluster and node_group templates\n"
             "\n"
             "Revision ID: 019\n"
             "Revises: 018\n"
             "Create Date: 2015-03-02 14:32:04.415021",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(is_default_for_templates)
