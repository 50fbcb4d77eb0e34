// Revision 011: clusters.sahara_info (JSON text).
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("clusters", sdm::Column("sahara_info", sdm::Text()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("clusters", "sahara_info");
}

SDM_REVISION(sahara_info, "011", "010",
             "add Sahara settings info to cluster\n"
             "\n"
             "Revision ID: 011\n"
             "Revises: 010\n"
             "Create Date: 2014-08-26 22:36:00.783444",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(sahara_info)
