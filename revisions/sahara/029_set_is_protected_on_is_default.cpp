// Revision 029: default templates become protected. Data only; the schema does not change.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.execute({
      {"postgresql",
       "UPDATE node_group_templates SET is_protected=true WHERE node_group_templates.is_default"},
      {"mysql",
       "UPDATE node_group_templates SET is_protected=true "
       "WHERE node_group_templates.is_default = 1"},
      {"sqlite",
       "UPDATE node_group_templates SET is_protected=1 WHERE node_group_templates.is_default = 1"},
  });
  op.execute({
      {"postgresql",
       "UPDATE cluster_templates SET is_protected=true WHERE cluster_templates.is_default"},
      {"mysql",
       "UPDATE cluster_templates SET is_protected=true WHERE cluster_templates.is_default = 1"},
      {"sqlite",
       "UPDATE cluster_templates SET is_protected=1 WHERE cluster_templates.is_default = 1"},
  });
}

// Nothing to undo: 029 changes no schema, so 028's schema is already in place, and protected
// default templates are a valid state at 028 (is_protected exists since 026).
static void downgrade(sdm::Operations&) {}

SDM_REVISION(set_is_protected_on_is_default, "029", "028",
             "set is_protected on is_default\n"
             "\n"
             "Revision ID: 029\n"
             "Revises: 028\n"
             "Create Date: 2015-11-4 12:41:52.571258",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(set_is_protected_on_is_default)
