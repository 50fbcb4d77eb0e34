// conf05: a table renamed, a foreign key, an index and a column dropped, and SQL per dialect:
// a dialect that renders like a built-in one runs that one's statement.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.rename_table("tags", "labels");
  op.drop_constraint("fk_tags_parent", "labels", sdm::ConstraintKind::ForeignKey);
  op.drop_index("ix_parents_score", "parents");
  op.drop_column("parents", "rank");
  op.execute({{"sqlite", "UPDATE counters SET note = 'sqlite' WHERE note = 'first'"},
              {"postgresql", "UPDATE counters SET note = 'postgresql' WHERE note = 'first'"},
              {"mysql", "UPDATE counters SET note = 'mysql' WHERE note = 'first'"},
              {"", "UPDATE counters SET note = 'generic' WHERE note = 'first'"}});
}

static void downgrade(sdm::Operations& op) {
  op.execute(
      "UPDATE counters SET note = 'first' WHERE note IN ('sqlite', 'postgresql', 'mysql', "
      "'generic')");
  op.add_column("parents", sdm::Column("rank", sdm::Integer()).not_null().default_sql("7"));
  op.create_index("ix_parents_score", "parents", {"score"});
  op.create_foreign_key("fk_tags_parent", "labels", "parents", {"parent_id"}, {"id"});
  op.rename_table("labels", "tags");
}

SDM_REVISION(conf05, "conf05", "conf04", "renames, drops and SQL per dialect", upgrade, downgrade)
SDM_REVISION_PLUGIN(conf05)
