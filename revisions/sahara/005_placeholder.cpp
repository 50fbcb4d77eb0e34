// Revision 005: a placeholder kept so that databases stamped by the Icehouse-era migrations keep
// valid ids. Only the version row changes.
#include <sdm/revision.hpp>

static void no_schema_change(sdm::Operations&) {}

SDM_REVISION(placeholder_005, "005", "004",
             "placeholder\n"
             "\n"
             "Revision ID: 005\n"
             "Revises: 004\n"
             "Create Date: 2014-04-01 21:04:54.928605",
             no_schema_change, no_schema_change)
SDM_REVISION_PLUGIN(placeholder_005)
