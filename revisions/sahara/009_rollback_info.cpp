// Revision 009: clusters.rollback_info (JSON text).
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("clusters", sdm::Column("rollback_info", sdm::Text()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("clusters", "rollback_info");
}

SDM_REVISION(rollback_info, "009", "008",
             "add rollback info to cluster\n"
             "\n"
             "Revision ID: 009\n"
             "Revises: 008\n"
             "Create Date: 2014-06-25 22:36:00.783444",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(rollback_info)
