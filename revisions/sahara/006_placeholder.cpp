// Revision 006: a placeholder kept so that databases stamped by the Icehouse-era migrations keep
// valid ids. Only the version row changes.
#include <sdm/revision.hpp>

static void no_schema_change(sdm::Operations&) {}

SDM_REVISION(placeholder_006, "006", "005",
             "placeholder\n"
             "\n"
             "Revision ID: 006\n"
             "Revises: 005\n"
             "Create Date: 2014-04-01 21:04:52.194332",
             no_schema_change, no_schema_change)
SDM_REVISION_PLUGIN(placeholder_006)
