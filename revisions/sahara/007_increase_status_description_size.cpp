// Revision 007: clusters.status_description grows from VARCHAR(200) to LongText.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.alter_column("clusters", "status_description",
                  sdm::AlterColumnOptions().set_type(sdm::LongText()));
}

// Back to 001's VARCHAR(200); a longer description no longer fits.
static void downgrade(sdm::Operations& op) {
  op.alter_column("clusters", "status_description",
                  sdm::AlterColumnOptions().set_type(sdm::String(200)));
}

SDM_REVISION(increase_status_description_size, "007", "006",
             "convert clusters.status_description to LongText\n"
             "\n"
             "Revision ID: 007\n"
             "Revises: 006\n"
             "Create Date: 2014-06-20 22:36:00.783444",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(increase_status_description_size)
