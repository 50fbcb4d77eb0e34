// Revision 004: a placeholder kept so that databases stamped by the Icehouse-era migrations keep
// valid ids. Only the version row changes.
#include <sdm/revision.hpp>

static void no_schema_change(sdm::Operations&) {}

SDM_REVISION(placeholder_004, "004", "003",
             "placeholder\n"
             "\n"
             "Revision ID: 004\n"
             "Revises: 003\n"
             "Create Date: 2014-04-01 21:04:57.627883",
             no_schema_change, no_schema_change)
SDM_REVISION_PLUGIN(placeholder_004)
