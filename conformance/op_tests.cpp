// The dialect's rendering of every op, run on the real database: what each op does to the
// schema (as reflection reads it back) and to the rows already there.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "op_runner.hpp"

using sdm::conformance::column_names;
using sdm::conformance::EmptyDatabase;
using sdm::conformance::find_constraint;
using sdm::conformance::find_index;
using sdm::conformance::OpRunner;
using namespace sdm;

namespace {

using Rows = std::vector<std::vector<std::string>>;

/// parents(id numbered, name unique) with two rows, ann and bob, numbered by the database;
/// children (ON DELETE CASCADE) with three rows: 10 and 11 of ann, 12 of bob.
void create_family(OpRunner& db) {
  db.run([](Operations& op) {
    op.create_table("parents", {Column("id", Integer()).primary_key(),
                                Column("name", String(20)).not_null().unique()});
    op.create_table("children", {Column("id", Integer()).primary_key(),
                                 Column("parent_id", Integer()).references("parents.id", "CASCADE"),
                                 Column("label", String(10))});
  });
  db.sql("INSERT INTO parents (name) VALUES ('ann')");
  db.sql("INSERT INTO parents (name) VALUES ('bob')");
  for (const char* child : {"10, 'a', id FROM parents WHERE name = 'ann'",
                            "11, 'b', id FROM parents WHERE name = 'ann'",
                            "12, 'c', id FROM parents WHERE name = 'bob'"})
    db.sql(std::string("INSERT INTO children (id, label, parent_id) SELECT ") + child + "");
}

/// The children with their parent's name, by id; `parents`, `parent_id` and `label` as named
/// now.
Rows children_of(OpRunner& db, const std::string& parents = "parents",
                 const std::string& parent_id = "parent_id", const std::string& label = "label") {
  return db.rows("SELECT c.id, p.name, c." + label + " FROM children c JOIN " + parents +
                 " p ON p.id = c." + parent_id + " ORDER BY c.id");
}

const Rows kChildren = {{"10", "ann", "a"}, {"11", "ann", "b"}, {"12", "bob", "c"}};

bool is_true(const std::string& text) {
  return text == "1" || text == "t" || text == "true" || text == "TRUE";
}

}  // namespace

TEST_CASE_FIXTURE(EmptyDatabase, "every generic type stores and returns values") {
  OpRunner db;
  db.run([](Operations& op) {
    op.create_table(
        "typed", {Column("i", Integer()), Column("bi", BigInteger()), Column("si", SmallInteger()),
                  Column("b", Boolean()), Column("s", String(40)), Column("t", Text()),
                  Column("lt", LongText()), Column("f", Float()), Column("n", Numeric(10, 2)),
                  Column("d", Date()), Column("dt", DateTime()), Column("tm", Time()),
                  Column("lb", LargeBinary())});
    op.bulk_insert("typed", {"i", "bi", "si", "b", "s", "t", "lt", "f", "n", "d", "dt", "tm"},
                   {{std::int64_t{-7}, std::int64_t{9007199254740993}, std::int64_t{12}, true,
                     std::string("it's a \\ path"), std::string("text"), std::string("long"), 0.5,
                     std::string("12.25"), std::string("2024-01-02"),
                     std::string("2024-01-02 03:04:05"), std::string("03:04:05")},
                    {Value(), Value(), Value(), false, Value(), Value(), Value(), Value(), Value(),
                     Value(), Value(), Value()}});
  });
  const Rows rows = db.rows("SELECT i, bi, si, b, s, t, lt, f, n, d, dt, tm FROM typed ORDER BY i");
  REQUIRE(rows.size() == 2);
  const auto& values = rows[1].front() == "NULL" ? rows[0] : rows[1];
  const auto& nulls = rows[1].front() == "NULL" ? rows[1] : rows[0];
  CHECK(values[0] == "-7");
  CHECK(values[1] == "9007199254740993");
  CHECK(values[2] == "12");
  CHECK(is_true(values[3]));
  CHECK(values[4] == "it's a \\ path");
  CHECK(values[5] == "text");
  CHECK(values[6] == "long");
  CHECK(std::stod(values[7]) == 0.5);
  CHECK(std::stod(values[8]) == 12.25);
  CHECK(values[9] == "2024-01-02");
  CHECK(values[10].rfind("2024-01-02", 0) == 0);
  CHECK(values[10].find("03:04:05") != std::string::npos);
  CHECK(values[11].rfind("03:04:05", 0) == 0);
  CHECK_FALSE(is_true(nulls[3]));
  for (std::size_t i : {0u, 1u, 2u, 4u, 5u, 9u, 10u})
    CHECK(nulls[i] == "NULL");
  CHECK(column_names(db.live("typed")) == std::vector<std::string>{"i", "bi", "si", "b", "s", "t",
                                                                   "lt", "f", "n", "d", "dt", "tm",
                                                                   "lb"});
}

TEST_CASE_FIXTURE(EmptyDatabase, "reflection reads nullability, defaults and keys back") {
  OpRunner db;
  db.run([](Operations& op) {
    op.create_table("things",
                    {Column("id", String(36)).primary_key(),
                     Column("n", Integer()).not_null().default_sql("7"), Column("note", Text())});
  });
  const Table table = db.live("things");
  REQUIRE(table.columns.size() == 3);
  CHECK_FALSE(table.columns[0].nullable);
  CHECK_FALSE(table.columns[1].nullable);
  REQUIRE(table.columns[1].server_default.has_value());
  CHECK(table.columns[1].server_default->find('7') != std::string::npos);
  CHECK(table.columns[2].nullable);
  CHECK_FALSE(table.columns[2].server_default.has_value());
  CHECK(find_constraint(table, ConstraintKind::PrimaryKey, {"id"}) != nullptr);
  db.sql("INSERT INTO things (id) VALUES ('x')");
  CHECK(db.value("SELECT n FROM things") == "7");
}

TEST_CASE_FIXTURE(EmptyDatabase,
                  "an autoincrement key numbers the rows an insert leaves it out of") {
  OpRunner db;
  db.run([](Operations& op) {
    op.create_table("events", {Column("id", Integer()).primary_key(), Column("name", String(20))});
    op.create_table("big_events",
                    {Column("id", BigInteger()).primary_key(), Column("name", String(20))});
    op.create_table("named", {Column("code", String(8)).primary_key(), Column("n", Integer())});
  });
  for (const char* table : {"events", "big_events"}) {
    CAPTURE(table);
    db.sql(std::string("INSERT INTO ") + table + " (name) VALUES ('first')");
    db.sql(std::string("INSERT INTO ") + table + " (name) VALUES ('second')");
    const Rows ids = db.rows(std::string("SELECT id, name FROM ") + table + " ORDER BY id");
    REQUIRE(ids.size() == 2);
    CHECK(ids[0][1] == "first");
    CHECK(std::stoll(ids[0][0]) < std::stoll(ids[1][0]));
    // Each driver says which columns the database numbers, and which it does not.
    const Table live = db.live(table);
    REQUIRE(live.columns.size() == 2);
    CHECK(live.columns[0].keys.autoincrement == std::optional<bool>(true));
    CHECK(live.columns[1].keys.autoincrement == std::optional<bool>(false));
  }
  const Table named = db.live("named");
  for (const auto& column : named.columns)
    CHECK(column.keys.autoincrement == std::optional<bool>(false));
}

TEST_CASE_FIXTURE(EmptyDatabase, "keys declared on columns become constraints and indexes") {
  OpRunner db;
  create_family(db);
  db.run([](Operations& op) {
    op.create_table("toys",
                    {Column("id", Integer()).primary_key(), Column("code", String(8)).unique(),
                     Column("label", String(20)).index(),
                     Column("owner_id", Integer()).references("children.id")});
  });
  const Table toys = db.live("toys");
  CHECK(find_constraint(toys, ConstraintKind::PrimaryKey, {"id"}) != nullptr);
  CHECK(find_constraint(toys, ConstraintKind::Unique, {"code"}) != nullptr);
  const Constraint* owner = find_constraint(toys, ConstraintKind::ForeignKey, {"owner_id"});
  REQUIRE(owner != nullptr);
  CHECK(owner->referred_table == "children");
  CHECK(owner->referred_columns == std::vector<std::string>{"id"});
  const Index* label = find_index(toys, "ix_toys_label");
  REQUIRE(label != nullptr);
  CHECK(label->columns == std::vector<std::string>{"label"});
  db.sql("INSERT INTO toys (code, owner_id) VALUES ('c1', 10)");
  CHECK(db.refused("INSERT INTO toys (code, owner_id) VALUES ('c1', 11)"));
}

TEST_CASE_FIXTURE(EmptyDatabase, "add_column gives the rows already there the column's default") {
  OpRunner db;
  create_family(db);
  db.run([](Operations& op) {
    op.add_column("parents", Column("score", Integer()).not_null().default_sql("3"));
    // Not a constant: SQLite-like engines rebuild the table for it, children and all.
    op.add_column("parents", Column("seen_at", DateTime()).default_sql("CURRENT_TIMESTAMP"));
    op.add_column("parents", Column("note", Text()));
  });
  CHECK(db.rows("SELECT id, score FROM parents ORDER BY id") == Rows{{"1", "3"}, {"2", "3"}});
  CHECK(db.value("SELECT COUNT(*) FROM parents WHERE seen_at IS NOT NULL") == "2");
  CHECK(column_names(db.live("parents")) ==
        std::vector<std::string>{"id", "name", "score", "seen_at", "note"});
  CHECK(children_of(db) == kChildren);
  db.sql("INSERT INTO parents (name) VALUES ('cy')");
  CHECK(db.value("SELECT score FROM parents WHERE name = 'cy'") == "3");
}

TEST_CASE_FIXTURE(EmptyDatabase,
                  "alter_column changes type, nullability, default and name, keeping rows") {
  OpRunner db;
  create_family(db);
  db.run([](Operations& op) {
    op.alter_column("children", "label", AlterColumnOptions().set_type(String(50)));
    op.alter_column("children", "label", AlterColumnOptions().set_nullable(false));
    op.alter_column("children", "label", AlterColumnOptions().set_default("'none'"));
  });
  db.sql("INSERT INTO children (id, parent_id) SELECT 13, id FROM parents WHERE name = 'bob'");
  db.sql("INSERT INTO children (id, parent_id, label) SELECT 14, id, '" + std::string(50, 'x') +
         "' FROM parents WHERE name = 'bob'");
  CHECK(db.value("SELECT label FROM children WHERE id = 13") == "none");
  CHECK(db.refused("INSERT INTO children (id, label) VALUES (15, NULL)"));
  db.run([](Operations& op) {
    op.alter_column("children", "label", AlterColumnOptions().drop_default().rename_to("tag"));
  });
  const Table children = db.live("children");
  CHECK(column_names(children) == std::vector<std::string>{"id", "parent_id", "tag"});
  CHECK_FALSE(children.columns[2].server_default.has_value());
  CHECK_FALSE(children.columns[2].nullable);
  CHECK(children_of(db, "parents", "parent_id", "tag") ==
        Rows{{"10", "ann", "a"},
             {"11", "ann", "b"},
             {"12", "bob", "c"},
             {"13", "bob", "none"},
             {"14", "bob", std::string(50, 'x')}});
}

TEST_CASE_FIXTURE(EmptyDatabase, "a renamed key column keeps the foreign keys that point at it") {
  OpRunner db;
  create_family(db);
  db.run([](Operations& op) {
    op.alter_column("parents", "id", AlterColumnOptions().rename_to("pid"));
    op.alter_column("children", "parent_id", AlterColumnOptions().rename_to("owner_id"));
  });
  const Table children = db.live("children");
  const Constraint* fk = find_constraint(children, ConstraintKind::ForeignKey, {"owner_id"});
  REQUIRE(fk != nullptr);
  CHECK(fk->referred_table == "parents");
  CHECK(fk->referred_columns == std::vector<std::string>{"pid"});
  CHECK(db.rows("SELECT c.id, p.name, c.label FROM children c JOIN parents p ON p.pid = "
                "c.owner_id ORDER BY c.id") == kChildren);
  // Still numbered by the database.
  db.sql("INSERT INTO parents (name) VALUES ('cy')");
  CHECK(db.value("SELECT COUNT(*) FROM parents WHERE pid IS NOT NULL") == "3");
}

TEST_CASE_FIXTURE(EmptyDatabase, "constraints are added, enforced and dropped") {
  OpRunner db;
  create_family(db);
  db.run([](Operations& op) {
    op.create_unique_constraint("uq_children_label", "children", {"label"});
    op.create_check_constraint("ck_children_label", "children", "label <> 'bad'");
  });
  CHECK(db.refused("INSERT INTO children (id, label) VALUES (13, 'a')"));
  CHECK(db.refused("INSERT INTO children (id, label) VALUES (13, 'bad')"));
  CHECK(find_constraint(db.live("children"), ConstraintKind::Unique, {"label"}) != nullptr);
  db.run([](Operations& op) {
    op.drop_constraint("uq_children_label", "children", ConstraintKind::Unique);
    op.drop_constraint("ck_children_label", "children", ConstraintKind::Check);
  });
  db.sql("INSERT INTO children (id, label) VALUES (13, 'a')");
  db.sql("INSERT INTO children (id, label) VALUES (14, 'bad')");
  CHECK(find_constraint(db.live("children"), ConstraintKind::Unique, {"label"}) == nullptr);

  db.run([](Operations& op) {
    op.create_table("notes", {Column("id", Integer()).not_null(), Column("child_id", Integer())});
    op.create_primary_key("pk_notes", "notes", {"id"});
    op.create_foreign_key("fk_notes_child", "notes", "children", {"child_id"}, {"id"}, "SET NULL");
  });
  Table notes = db.live("notes");
  CHECK(find_constraint(notes, ConstraintKind::PrimaryKey, {"id"}) != nullptr);
  const Constraint* fk = find_constraint(notes, ConstraintKind::ForeignKey, {"child_id"});
  REQUIRE(fk != nullptr);
  CHECK(fk->referred_table == "children");
  CHECK(fk->ondelete == "SET NULL");
  db.run([](Operations& op) {
    op.drop_constraint("fk_notes_child", "notes", ConstraintKind::ForeignKey);
  });
  CHECK(find_constraint(db.live("notes"), ConstraintKind::ForeignKey, {"child_id"}) == nullptr);
}

TEST_CASE_FIXTURE(EmptyDatabase, "indexes are created and dropped") {
  OpRunner db;
  create_family(db);
  db.run([](Operations& op) {
    op.create_index("ix_children_label", "children", {"label"});
    op.create_index("uq_children_pair", "children", {"label", "parent_id"}, true);
  });
  Table children = db.live("children");
  REQUIRE(find_index(children, "ix_children_label") != nullptr);
  // MySQL cannot tell a unique index from a unique constraint: either report is right.
  const Index* pair = find_index(children, "uq_children_pair");
  const Constraint* unique =
      find_constraint(children, ConstraintKind::Unique, {"label", "parent_id"});
  CHECK((pair ? pair->unique && pair->columns == std::vector<std::string>{"label", "parent_id"}
              : unique && unique->name == "uq_children_pair"));
  CHECK(
      db.refused("INSERT INTO children (id, parent_id, label) SELECT 13, parent_id, label FROM "
                 "children WHERE id = 10"));
  db.run([](Operations& op) {
    op.drop_index("ix_children_label", "children");
    op.drop_index("uq_children_pair", "children");
  });
  children = db.live("children");
  CHECK(find_index(children, "ix_children_label") == nullptr);
  CHECK(find_index(children, "uq_children_pair") == nullptr);
  CHECK(find_constraint(children, ConstraintKind::Unique, {"label", "parent_id"}) == nullptr);
}

TEST_CASE_FIXTURE(EmptyDatabase,
                  "rename_table keeps the rows and the foreign keys pointing at it") {
  OpRunner db;
  create_family(db);
  db.run([](Operations& op) { op.rename_table("parents", "families"); });
  const Table children = db.live("children");
  const Constraint* fk = find_constraint(children, ConstraintKind::ForeignKey, {"parent_id"});
  REQUIRE(fk != nullptr);
  CHECK(fk->referred_table == "families");
  CHECK(children_of(db, "families") == kChildren);
  auto names = db.session().table_names();
  CHECK(std::find(names.begin(), names.end(), "parents") == names.end());
}

TEST_CASE_FIXTURE(EmptyDatabase, "drop_column drops a column, also one an index uses") {
  OpRunner db;
  create_family(db);
  db.run([](Operations& op) {
    op.add_column("children", Column("rank", Integer()));
    op.create_index("ix_children_rank", "children", {"rank"});
    op.drop_column("children", "rank");
    op.drop_column("children", "label");
  });
  const Table children = db.live("children");
  CHECK(column_names(children) == std::vector<std::string>{"id", "parent_id"});
  CHECK(find_index(children, "ix_children_rank") == nullptr);
  CHECK(db.rows("SELECT id FROM children ORDER BY id") == Rows{{"10"}, {"11"}, {"12"}});
}

TEST_CASE_FIXTURE(EmptyDatabase, "a rebuilt parent table keeps its children's rows") {
  // Where the engine enforces foreign keys, dropping the old parent table during a rebuild
  // would delete the children (ON DELETE CASCADE) unless the host turned enforcement off.
  OpRunner db;
  create_family(db);
  db.run([](Operations& op) {
    op.alter_column("parents", "name", AlterColumnOptions().set_type(String(80)));
    op.create_check_constraint("ck_parents_name", "parents", "name <> ''");
    op.drop_constraint("ck_parents_name", "parents", ConstraintKind::Check);
  });
  CHECK(children_of(db) == kChildren);
  CHECK(db.rows("SELECT name FROM parents ORDER BY id") == Rows{{"ann"}, {"bob"}});
  const Table children = db.live("children");
  const Constraint* fk = find_constraint(children, ConstraintKind::ForeignKey, {"parent_id"});
  REQUIRE(fk != nullptr);
  CHECK(fk->referred_table == "parents");
  // The numbered key survived the rebuild too.
  db.sql("INSERT INTO parents (name) VALUES ('cy')");
  CHECK(db.rows("SELECT name FROM parents ORDER BY id") == Rows{{"ann"}, {"bob"}, {"cy"}});
}

TEST_CASE_FIXTURE(EmptyDatabase,
                  "execute runs the SQL for this dialect or the one it renders like") {
  OpRunner db;
  db.run([](Operations& op) {
    op.create_table("marks", {Column("who", String(20))});
    op.execute({{"sqlite", "INSERT INTO marks (who) VALUES ('sqlite')"},
                {"postgresql", "INSERT INTO marks (who) VALUES ('postgresql')"},
                {"mysql", "INSERT INTO marks (who) VALUES ('mysql')"},
                {"", "INSERT INTO marks (who) VALUES ('generic')"}});
  });
  const std::string expected = db.value("SELECT who FROM marks");
  const std::string like = sdm::conformance::Target::get().built_in_dialect();
  CHECK(expected == (like.empty() ? std::string("generic") : like));
}

TEST_CASE_FIXTURE(EmptyDatabase, "bulk_insert writes every kind of literal") {
  OpRunner db;
  db.run([](Operations& op) {
    op.create_table("literals",
                    {Column("k", Integer()).not_null(), Column("n", BigInteger()),
                     Column("x", Float()), Column("b", Boolean()), Column("s", Text())});
    op.bulk_insert("literals", {"k", "n", "x", "b", "s"},
                   {{std::int64_t{1}, std::int64_t{-9223372036854775807 - 1}, -2.5, true,
                     std::string("quote ' backslash \\ percent % ü")},
                    {std::int64_t{2}, Value(), Value(), Value(), std::string("")}});
  });
  const Rows rows = db.rows("SELECT k, n, x, b, s FROM literals ORDER BY k");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][1] == "-9223372036854775808");
  CHECK(std::stod(rows[0][2]) == -2.5);
  CHECK(is_true(rows[0][3]));
  CHECK(rows[0][4] == "quote ' backslash \\ percent % ü");
  CHECK(rows[1] == std::vector<std::string>{"2", "NULL", "NULL", "NULL", ""});
}

TEST_CASE_FIXTURE(EmptyDatabase, "drop_table drops a table and its rows") {
  OpRunner db;
  create_family(db);
  db.run([](Operations& op) { op.drop_table("children"); });
  CHECK(db.session().table_names() == std::vector<std::string>{"parents"});
}

TEST_CASE_FIXTURE(EmptyDatabase, "the host sees no object the database made for itself") {
  OpRunner db;
  db.run([](Operations& op) {
    op.create_table("jobs",
                    {Column("id", Integer()).primary_key(), Column("name", String(20)).unique()},
                    {}, {{"sqlite_autoincrement", "true"}});
  });
  db.sql("INSERT INTO jobs (name) VALUES ('a')");
  const std::string prefix = sdm::conformance::Target::get().traits().internal_name_prefix;
  CHECK(db.session().table_names() == std::vector<std::string>{"jobs"});
  const Table jobs = db.live("jobs");
  CHECK(jobs.indexes.empty());
  for (const auto& constraint : jobs.constraints)
    CHECK((prefix.empty() || constraint.name.rfind(prefix, 0) != 0));
}
