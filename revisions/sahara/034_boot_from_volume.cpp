// Revision 034: boot_from_volume (NOT NULL) on node_group_templates, node_groups and
// templates_relations.
#include <sdm/revision.hpp>

// Upstream adds the column NOT NULL without a default, which PostgreSQL and SQLite refuse once
// the table has rows. A temporary default of false fills existing rows; dropping it afterwards
// leaves exactly upstream's column.
static void add_boot_from_volume(sdm::Operations& op, const char* table) {
  op.add_column(table,
                sdm::Column("boot_from_volume", sdm::Boolean()).not_null().default_sql("false"));
  op.alter_column(table, "boot_from_volume", sdm::AlterColumnOptions().drop_default());
}

static void upgrade(sdm::Operations& op) {
  add_boot_from_volume(op, "node_group_templates");
  add_boot_from_volume(op, "node_groups");
  add_boot_from_volume(op, "templates_relations");
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("templates_relations", "boot_from_volume");
  op.drop_column("node_groups", "boot_from_volume");
  op.drop_column("node_group_templates", "boot_from_volume");
}

SDM_REVISION(boot_from_volume, "034", "033",
             "Add boot_from_volumes field for node_groups and related classes\n"
             "\n"
             "Revision ID: 034\n"
             "Revises: 033\n"
             "Create Date: 2018-06-06 17:36:04.749264",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(boot_from_volume)
