// SQLite's table rebuild run on a real in-memory database: the rows, the indexes, the foreign
// keys (both ways) and the constraints survive, and the live table is what the model says.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "schema/schema_model.hpp"
#include "sqlite/sqlite_dialect.hpp"
#include "support/memory_sqlite.hpp"
#include "unit/dialect_checks.hpp"

namespace {

using namespace sdm;
using sdm::test::alter;
using TextRows = std::vector<std::vector<std::string>>;

using Database = test::MemorySqlite;

// parents and children, created through the dialect, with rows; the runner's setting for
// SQLite (foreign keys not enforced during the run) as the starting point.
class Family {
 public:
  Family() {
    db.exec("PRAGMA foreign_keys = OFF");
    Table parents;
    parents.name = "parents";
    parents.columns = {Column("id", Integer()).not_null(), Column("name", String(20)).not_null()};
    parents.constraints = {PrimaryKey({"id"}), Unique({"name"}, "uq_parents_name")};
    Table children;
    children.name = "children";
    children.columns = {Column("id", Integer()).not_null(), Column("parent_id", Integer()),
                        Column("label", String(10)).default_sql("'x'"), Column("score", Integer()),
                        Column("note", Text())};
    children.constraints = {PrimaryKey({"id"}),
                            ForeignKey({"parent_id"}, "parents", {"id"}).on_delete("CASCADE"),
                            Check("score >= 0", "ck_children_score")};
    children.indexes = {Index{"ix_children_label", "children", {"label"}, false}};
    run(CreateTable{parents});
    run(CreateTable{children});
    db.exec("INSERT INTO parents (id, name) VALUES (1, 'ann'), (2, 'bob')");
    db.exec(
        "INSERT INTO children (id, parent_id, label, score, note) VALUES "
        "(10, 1, 'first', 5, 'a note'), (11, 2, 'second', NULL, NULL)");
    db.exec("INSERT INTO children (id, parent_id) VALUES (12, 1)");
  }

  /// Renders the op against the model, runs it in one transaction, records it in the model.
  void run(const Op& op) {
    db.exec("BEGIN");
    for (const auto& statement : dialect.render(op, model))
      db.exec(statement);
    db.exec("COMMIT");
    model.apply(op);
  }

  TextRows children_rows(const std::string& columns = "id, parent_id, label, score, note") {
    return db.rows("SELECT " + columns + " FROM children ORDER BY id");
  }

  TextRows index_columns(const std::string& index) {
    return db.rows("SELECT name FROM pragma_index_info('" + index + "') ORDER BY seqno");
  }

  TextRows foreign_keys(const std::string& table) {
    return db.rows("SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('" +
                   table + "')");
  }

  /// The live table has the model's columns, types and nullability, and nothing is left over.
  void check_matches_model(const std::string& table) {
    const Table* expected = model.table(table);
    REQUIRE(expected != nullptr);
    const TextRows live = db.rows(
        "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('" + table + "')");
    REQUIRE(live.size() == expected->columns.size());
    for (std::size_t i = 0; i < live.size(); ++i) {
      const Column& column = expected->columns[i];
      CHECK(live[i][0] == column.name);
      // The key SQLite numbers stays INTEGER, the one type that makes it the rowid.
      const bool rowid = expected->autoincrement_column() == &column;
      CHECK(live[i][1] == (rowid ? "INTEGER" : dialect.render_type(column.type)));
      CHECK(live[i][2] == (column.nullable ? "0" : "1"));
      CHECK(live[i][3] == column.server_default.value_or("NULL"));
    }
    CHECK(db.rows("SELECT name FROM sqlite_master WHERE name LIKE '\\_sdm\\_tmp\\_%' ESCAPE '\\'")
              .empty());
    CHECK(db.rows("PRAGMA foreign_key_check").empty());
    CHECK(db.rows("PRAGMA integrity_check") == TextRows{{"ok"}});
  }

  Database db;
  sqlite::SqliteDialect dialect;
  schema::SchemaModel model;
};

const TextRows kChildren = {{"10", "1", "first", "5", "a note"},
                            {"11", "2", "second", "NULL", "NULL"},
                            {"12", "1", "x", "NULL", "NULL"}};

}  // namespace

TEST_CASE("on a real database a type change keeps rows, index, foreign key and check") {
  Family f;
  AlterColumn op = alter("children", "label");
  op.type = String(40);
  f.run(op);
  CHECK(f.children_rows() == kChildren);
  CHECK(f.index_columns("ix_children_label") == TextRows{{"label"}});
  CHECK(f.foreign_keys("children") == TextRows{{"parents", "parent_id", "id", "CASCADE"}});
  CHECK(f.db.try_exec("INSERT INTO children (id, score) VALUES (20, -1)")
            .find("CHECK constraint failed") != std::string::npos);
  f.check_matches_model("children");
}

TEST_CASE("on a real database NOT NULL is enforced after the rebuild and refused over NULLs") {
  Family f;
  AlterColumn op = alter("children", "label");
  op.nullable = false;
  f.run(op);
  CHECK(f.children_rows() == kChildren);
  CHECK(f.db.try_exec("INSERT INTO children (id, label) VALUES (20, NULL)")
            .find("NOT NULL constraint failed") != std::string::npos);
  f.check_matches_model("children");

  // score holds NULLs: the copy fails inside the transaction and nothing changes.
  Family g;
  AlterColumn strict = alter("children", "score");
  strict.nullable = false;
  std::string failure;
  g.db.exec("BEGIN");
  for (const auto& statement : g.dialect.render(strict, g.model))
    if (failure.empty()) failure = g.db.try_exec(statement);
  g.db.exec("ROLLBACK");
  CHECK(failure.find("NOT NULL constraint failed") != std::string::npos);
  CHECK(g.children_rows() == kChildren);
}

TEST_CASE("on a real database a new server default applies to new rows only") {
  Family f;
  AlterColumn op = alter("children", "label");
  op.server_default = DefaultChange("'fresh'");
  f.run(op);
  CHECK(f.children_rows() == kChildren);
  f.db.exec("INSERT INTO children (id) VALUES (20)");
  CHECK(f.db.rows("SELECT label FROM children WHERE id = 20") == TextRows{{"fresh"}});
  f.check_matches_model("children");
}

TEST_CASE("on a real database an added unique constraint is enforced and a dropped check is not") {
  Family f;
  f.run(AddConstraint{"children", Unique({"parent_id", "label"}, "uq_children_parent_label")});
  CHECK(f.children_rows() == kChildren);
  CHECK(f.db.try_exec("INSERT INTO children (id, parent_id, label) VALUES (20, 1, 'first')")
            .find("UNIQUE constraint failed") != std::string::npos);
  f.run(DropConstraint{"children", "ck_children_score", ConstraintKind::Check});
  f.db.exec("INSERT INTO children (id, score) VALUES (21, -1)");
  CHECK(f.index_columns("ix_children_label") == TextRows{{"label"}});
  CHECK(f.foreign_keys("children") == TextRows{{"parents", "parent_id", "id", "CASCADE"}});
  f.check_matches_model("children");
}

TEST_CASE("on a real database dropping an indexed column keeps the other columns' rows") {
  Family f;
  f.run(DropColumn{"children", "label"});
  CHECK(f.children_rows("id, parent_id, score, note") == TextRows{{"10", "1", "5", "a note"},
                                                                  {"11", "2", "NULL", "NULL"},
                                                                  {"12", "1", "NULL", "NULL"}});
  CHECK(f.index_columns("ix_children_label").empty());
  f.run(DropColumn{"children", "score"});
  CHECK(f.children_rows("id, parent_id, note") ==
        TextRows{{"10", "1", "a note"}, {"11", "2", "NULL"}, {"12", "1", "NULL"}});
  f.check_matches_model("children");
}

TEST_CASE("on a real database rename and retype keep the values under the new name") {
  Family f;
  AlterColumn op = alter("children", "label");
  op.new_name = "tag";
  op.type = Text();
  f.run(op);
  CHECK(f.children_rows("id, parent_id, tag, score, note") == kChildren);
  CHECK(f.index_columns("ix_children_label") == TextRows{{"tag"}});
  f.check_matches_model("children");
}

TEST_CASE("on a real database rebuilding a parent keeps the children and their foreign key") {
  Family f;
  AlterColumn op = alter("parents", "name");
  op.type = String(100);
  f.run(op);
  // ON DELETE CASCADE did not fire when the old parents table was dropped.
  CHECK(f.children_rows() == kChildren);
  CHECK(f.db.rows("SELECT id, name FROM parents ORDER BY id") ==
        TextRows{{"1", "ann"}, {"2", "bob"}});
  CHECK(f.foreign_keys("children") == TextRows{{"parents", "parent_id", "id", "CASCADE"}});
  CHECK(f.db.try_exec("INSERT INTO parents (id, name) VALUES (3, 'ann')")
            .find("UNIQUE constraint failed") != std::string::npos);
  f.check_matches_model("parents");

  // The children's key points at the new parents table: enforced, it cascades from it.
  f.db.exec("PRAGMA foreign_keys = ON");
  f.db.exec("DELETE FROM parents WHERE id = 1");
  CHECK(f.children_rows("id") == TextRows{{"11"}});
}

TEST_CASE("on a real database a renamed parent column is followed by the children's key") {
  Family f;
  AlterColumn op = alter("parents", "id");
  op.new_name = "parent_key";
  op.type = BigInteger();
  f.run(op);
  CHECK(f.foreign_keys("children") == TextRows{{"parents", "parent_id", "parent_key", "CASCADE"}});
  CHECK(f.model.table("children")->constraints[1].referred_columns ==
        std::vector<std::string>{"parent_key"});
  CHECK(f.db.rows("PRAGMA foreign_key_check").empty());
  f.check_matches_model("parents");
  // Still the rowid: a row inserted without a key gets the next number.
  f.db.exec("INSERT INTO parents (name) VALUES ('new')");
  CHECK(f.db.rows("SELECT parent_key FROM parents WHERE name = 'new'") == TextRows{{"3"}});
}
