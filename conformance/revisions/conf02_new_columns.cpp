// conf02: columns added to a table with rows, one with a default ALTER TABLE cannot always add
// (SQLite-like engines rebuild the parent table here, with its children's rows in place).
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  using sdm::Column;
  op.add_column("parents", Column("note", sdm::Text()));
  op.add_column("parents", Column("rank", sdm::Integer()).not_null().default_sql("7"));
  op.add_column("parents", Column("seen_at", sdm::DateTime()).default_sql("CURRENT_TIMESTAMP"));
  op.create_index("ix_parents_score", "parents", {"score"});
}

SDM_REVISION(conf02, "conf02", "conf01", "new columns", upgrade, sdm::derived_downgrade)
SDM_REVISION_PLUGIN(conf02)
