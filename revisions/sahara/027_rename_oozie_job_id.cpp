// Revision 027: job_executions.oozie_job_id is renamed engine_job_id.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.alter_column("job_executions", "oozie_job_id",
                  sdm::AlterColumnOptions().rename_to("engine_job_id").set_type(sdm::String(100)));
}

// The type was VARCHAR(100) before 027 as well.
static void downgrade(sdm::Operations& op) {
  op.alter_column("job_executions", "engine_job_id",
                  sdm::AlterColumnOptions().rename_to("oozie_job_id").set_type(sdm::String(100)));
}

SDM_REVISION(rename_oozie_job_id, "027", "026",
             "Rename oozie_job_id\n"
             "\n"
             "Revision ID: 027\n"
             "Revises: 026\n"
             "Create Date: 2015-07-27 14:31:02.413053",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(rename_oozie_job_id)
