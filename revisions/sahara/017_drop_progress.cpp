// Revision 017: job_executions.progress is no longer used.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.drop_column("job_executions", "progress");
}

// As 001 created it. The values it held are gone.
static void downgrade(sdm::Operations& op) {
  op.add_column("job_executions", sdm::Column("progress", sdm::Float()));
}

SDM_REVISION(drop_progress, "017", "016",
             "drop progress in JobExecution\n"
             "\n"
             "Revision ID: 017\n"
             "Revises: 016\n"
             "Create Date: 2015-02-25 09:23:04.390388",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(drop_progress)
