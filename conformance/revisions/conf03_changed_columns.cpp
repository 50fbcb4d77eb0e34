// conf03: a column's type, default, nullability and name change; the numbered key of counters
// is widened and must stay numbered.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  using sdm::AlterColumnOptions;
  op.alter_column("parents", "name", AlterColumnOptions().set_type(sdm::String(80)));
  op.alter_column("parents", "score", AlterColumnOptions().set_default("1"));
  op.alter_column("children", "label", AlterColumnOptions().set_nullable(false));
  op.alter_column("parents", "note", AlterColumnOptions().rename_to("remark"));
  op.alter_column("counters", "id", AlterColumnOptions().set_type(sdm::BigInteger()));
}

SDM_REVISION(conf03, "conf03", "conf02", "changed columns", upgrade, sdm::derived_downgrade)
SDM_REVISION_PLUGIN(conf03)
