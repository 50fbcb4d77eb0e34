// Revision 020: cluster_provision_steps keeps only total and successful of its progress columns.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.drop_column("cluster_provision_steps", "completed_at");
  op.drop_column("cluster_provision_steps", "completed");
  op.drop_column("cluster_provision_steps", "started_at");
}

// As 015 created them. The values they held are gone.
static void downgrade(sdm::Operations& op) {
  op.add_column("cluster_provision_steps", sdm::Column("started_at", sdm::DateTime()));
  op.add_column("cluster_provision_steps", sdm::Column("completed", sdm::Integer()));
  op.add_column("cluster_provision_steps", sdm::Column("completed_at", sdm::DateTime()));
}

SDM_REVISION(remove_redandunt_progress_ops, "020", "019",
             "remove redandunt progress ops\n"
             "\n"
             "Revision ID: 020\n"
             "Revises: 019\n"
             "Create Date: 2015-02-26 15:01:41.015076",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(remove_redandunt_progress_ops)
