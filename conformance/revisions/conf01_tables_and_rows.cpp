// conf01: tables with keys declared every way (numbered integer keys, a unique column, a
// cascading foreign key with an index) and rows that the later revisions must keep.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  using sdm::Column;
  op.create_table("parents", {Column("id", sdm::Integer()).primary_key(),
                              Column("name", sdm::String(40)).not_null().unique(),
                              Column("score", sdm::Integer()).not_null().default_sql("0")});
  op.create_table(
      "children",
      {Column("id", sdm::Integer()).primary_key(),
       Column("parent_id", sdm::Integer()).not_null().references("parents.id", "CASCADE").index(),
       Column("label", sdm::String(20))});
  op.create_table("counters",
                  {Column("id", sdm::Integer()).primary_key(), Column("note", sdm::String(20))});
  // No ids given: the database numbers the rows.
  op.execute("INSERT INTO parents (name, score) VALUES ('p1', 1)");
  op.execute("INSERT INTO parents (name, score) VALUES ('p2', 2)");
  for (const char* child :
       {"'a' FROM parents WHERE name = 'p1'", "'b' FROM parents WHERE name = 'p1'",
        "'c' FROM parents WHERE name = 'p2'"})
    op.execute(std::string("INSERT INTO children (parent_id, label) SELECT id, ") + child);
  op.bulk_insert("counters", {"note"}, {{std::string("first")}});
}

static void downgrade(sdm::Operations& op) {
  op.drop_table("counters");
  op.drop_table("children");
  op.drop_table("parents");
}

SDM_REVISION(conf01, "conf01", "", "tables with keys, and rows", upgrade, downgrade)
SDM_REVISION_PLUGIN(conf01)
