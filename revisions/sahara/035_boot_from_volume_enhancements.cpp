// Revision 035: boot volume availability zone, locality and type on node_group_templates,
// node_groups and templates_relations.
#include <sdm/revision.hpp>

static void add_boot_volume_options(sdm::Operations& op, const char* table) {
  op.add_column(table, sdm::Column("boot_volume_availability_zone", sdm::String(255)));
  op.add_column(table, sdm::Column("boot_volume_local_to_instance", sdm::Boolean()));
  op.add_column(table, sdm::Column("boot_volume_type", sdm::String(255)));
}

static void drop_boot_volume_options(sdm::Operations& op, const char* table) {
  op.drop_column(table, "boot_volume_type");
  op.drop_column(table, "boot_volume_local_to_instance");
  op.drop_column(table, "boot_volume_availability_zone");
}

static void upgrade(sdm::Operations& op) {
  add_boot_volume_options(op, "node_group_templates");
  add_boot_volume_options(op, "node_groups");
  add_boot_volume_options(op, "templates_relations");
}

static void downgrade(sdm::Operations& op) {
  drop_boot_volume_options(op, "templates_relations");
  drop_boot_volume_options(op, "node_groups");
  drop_boot_volume_options(op, "node_group_templates");
}

SDM_REVISION(boot_from_volume_enhancements, "035", "034",
             "boot from volume enhancements\n"
             "\n"
             "Revision ID: 035\n"
             "Revises: 034\n"
             "Create Date: 2019-01-07 19:55:54.025736",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(boot_from_volume_enhancements)
