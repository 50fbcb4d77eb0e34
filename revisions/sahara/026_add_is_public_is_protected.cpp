// Revision 026: is_public and is_protected flags on the objects a tenant can share or lock.
#include <sdm/revision.hpp>

// The tables in the order both flags are added to them.
static const char* const kTables[] = {
    "clusters", "cluster_templates",   "node_group_templates", "data_sources", "job_executions",
    "jobs",     "job_binary_internal", "job_binaries",
};

static void upgrade(sdm::Operations& op) {
  for (const char* table : kTables)
    op.add_column(table, sdm::Column("is_public", sdm::Boolean()));
  for (const char* table : kTables)
    op.add_column(table, sdm::Column("is_protected", sdm::Boolean()));
}

static void downgrade(sdm::Operations& op) {
  for (auto it = std::rbegin(kTables); it != std::rend(kTables); ++it)
    op.drop_column(*it, "is_protected");
  for (auto it = std::rbegin(kTables); it != std::rend(kTables); ++it)
    op.drop_column(*it, "is_public");
}

SDM_REVISION(add_is_public_is_protected, "026", "025",
             "add is_public and is_protected flags\n"
             "\n"
             "Revision ID: 026\n"
             "Revises: 025\n"
             "Create Date: 2015-06-24 12:41:52.571258",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(add_is_public_is_protected)
