// Revision 033: clusters.anti_affinity_ratio.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("clusters", sdm::Column("anti_affinity_ratio", sdm::Integer()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("clusters", "anti_affinity_ratio");
}

SDM_REVISION(add_anti_affinity_ratio, "033", "032",
             "033_add anti_affinity_ratio field to cluster\n"
             "\n"
             "Revision ID: 033\n"
             "Revises: 032\n"
             "Create Date: 2016-01-05 09:40:25.941365",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(add_anti_affinity_ratio)
