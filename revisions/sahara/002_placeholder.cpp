// Revision 002: a placeholder kept so that databases stamped by the Icehouse-era migrations keep
// valid ids. Only the version row changes.
#include <sdm/revision.hpp>

static void no_schema_change(sdm::Operations&) {}

SDM_REVISION(placeholder_002, "002", "001",
             "placeholder\n"
             "\n"
             "Revision ID: 002\n"
             "Revises: 001\n"
             "Create Date: 2014-04-01 21:04:47.941098",
             no_schema_change, no_schema_change)
SDM_REVISION_PLUGIN(placeholder_002)
