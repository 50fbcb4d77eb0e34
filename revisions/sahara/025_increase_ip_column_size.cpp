// Revision 025: instance IP columns grow from VARCHAR(15) to VARCHAR(45) to hold IPv6 addresses.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.alter_column("instances", "internal_ip",
                  sdm::AlterColumnOptions().set_type(sdm::String(45)).set_nullable(true));
  op.alter_column("instances", "management_ip",
                  sdm::AlterColumnOptions().set_type(sdm::String(45)).set_nullable(true));
}

// Back to 001's VARCHAR(15), nullable as before 025; an address longer than 15 characters
// no longer fits.
static void downgrade(sdm::Operations& op) {
  op.alter_column("instances", "management_ip",
                  sdm::AlterColumnOptions().set_type(sdm::String(15)).set_nullable(true));
  op.alter_column("instances", "internal_ip",
                  sdm::AlterColumnOptions().set_type(sdm::String(15)).set_nullable(true));
}

SDM_REVISION(increase_ip_column_size, "025", "024",
             "Increase internal_ip and management_ip column size to work with IPv6\n"
             "\n"
             "Revision ID: 025\n"
             "Revises: 024\n"
             "Create Date: 2015-07-17 09:58:22.128263",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(increase_ip_column_size)
