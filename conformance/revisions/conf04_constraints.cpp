// conf04: constraints added to tables with rows (a check on the parent table, which rebuilds it
// on SQLite-like engines), a new table and a named foreign key to it.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  using sdm::Column;
  op.create_check_constraint("ck_parents_score", "parents", "score >= 0");
  op.create_unique_constraint("uq_children_label", "children", {"parent_id", "label"});
  op.create_table(
      "tags", {Column("id", sdm::String(36)).primary_key(), Column("parent_id", sdm::Integer())});
  op.create_foreign_key("fk_tags_parent", "tags", "parents", {"parent_id"}, {"id"});
}

SDM_REVISION(conf04, "conf04", "conf03", "constraints", upgrade, sdm::derived_downgrade)
SDM_REVISION_PLUGIN(conf04)
