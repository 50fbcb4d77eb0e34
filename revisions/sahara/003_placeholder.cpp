// Revision 003: a placeholder kept so that databases stamped by the Icehouse-era migrations keep
// valid ids. Only the version row changes.
#include <sdm/revision.hpp>

static void no_schema_change(sdm::Operations&) {}

SDM_REVISION(placeholder_003, "003", "002",
             "placeholder\n"
             "\n"
             "Revision ID: 003\n"
             "Revises: 002\n"
             "Create Date: 2014-04-01 21:05:00.270366",
             no_schema_change, no_schema_change)
SDM_REVISION_PLUGIN(placeholder_003)
