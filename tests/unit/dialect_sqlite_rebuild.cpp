// Golden SQL of SQLite's table rebuild: what SQLite cannot ALTER (a column's type, nullability
// or default, adding or dropping a constraint, dropping a column a constraint or index uses)
// is done by copying the table, from its definition in the schema model.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "schema/schema_model.hpp"
#include "sdm/error.hpp"
#include "sdm/table_rebuild.hpp"
#include "sqlite/sqlite_dialect.hpp"
#include "unit/dialect_checks.hpp"

namespace {

using namespace sdm;
using sdm::test::check_statements;

const sqlite::SqliteDialect sqlite_dialect;

// parents(id, name) and children(id, parent_id, label, score, note) with a foreign key, a
// check constraint and an index: every kind of thing a rebuild must keep.
schema::SchemaModel family() {
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
  schema::SchemaModel model;
  model.apply(CreateTable{parents});
  model.apply(CreateTable{children});
  return model;
}

std::vector<std::string> render_on_family(const Op& op) {
  return sqlite_dialect.render(op, family());
}

AlterColumn alter(const std::string& column) {
  AlterColumn op;
  op.table = "children";
  op.column = column;
  return op;
}

// The statements after CREATE TABLE: copy, drop, rename, indexes.
std::vector<std::string> swap_statements(const std::string& copied_columns,
                                         const std::vector<std::string>& indexes) {
  std::vector<std::string> statements = {"INSERT INTO _sdm_tmp_children (" + copied_columns +
                                             ") SELECT " + copied_columns + " FROM children",
                                         "DROP TABLE children",
                                         "ALTER TABLE _sdm_tmp_children RENAME TO children"};
  statements.insert(statements.end(), indexes.begin(), indexes.end());
  return statements;
}

const std::string kAllColumns = "id, parent_id, label, score, note";
const std::string kLabelIndex = "CREATE INDEX ix_children_label ON children (label)";

std::string error_of(const Op& op, const SchemaLookup& schema) {
  try {
    sqlite_dialect.render(op, schema);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a column type change rebuilds the table and keeps constraints, keys and indexes") {
  AlterColumn op = alter("label");
  op.type = String(40);
  check_statements(render_on_family(op),
                   {"CREATE TABLE _sdm_tmp_children (\n"
                    "    id INTEGER NOT NULL, \n"
                    "    parent_id INTEGER, \n"
                    "    label VARCHAR(40) DEFAULT 'x', \n"
                    "    score INTEGER, \n"
                    "    note TEXT, \n"
                    "    PRIMARY KEY (id), \n"
                    "    FOREIGN KEY(parent_id) REFERENCES parents (id) ON DELETE CASCADE, \n"
                    "    CONSTRAINT ck_children_score CHECK (score >= 0)\n"
                    ")",
                    "INSERT INTO _sdm_tmp_children (id, parent_id, label, score, note) "
                    "SELECT id, parent_id, label, score, note FROM children",
                    "DROP TABLE children", "ALTER TABLE _sdm_tmp_children RENAME TO children",
                    "CREATE INDEX ix_children_label ON children (label)"});
}

TEST_CASE("a nullability change rebuilds the table") {
  AlterColumn op = alter("score");
  op.nullable = false;
  const auto statements = render_on_family(op);
  REQUIRE(statements.size() == 5);
  CHECK(statements[0].find("    score INTEGER NOT NULL, \n") != std::string::npos);
  check_statements({statements.begin() + 1, statements.end()},
                   swap_statements(kAllColumns, {kLabelIndex}));
}

TEST_CASE("a server default change rebuilds the table, setting or dropping the default") {
  AlterColumn set_default = alter("label");
  set_default.server_default = DefaultChange("'y'");
  const auto set = render_on_family(set_default);
  REQUIRE(set.size() == 5);
  CHECK(set[0].find("    label VARCHAR(10) DEFAULT 'y', \n") != std::string::npos);

  AlterColumn drop_default = alter("label");
  drop_default.server_default = DefaultChange(std::nullopt);
  const auto dropped = render_on_family(drop_default);
  REQUIRE(dropped.size() == 5);
  CHECK(dropped[0].find("    label VARCHAR(10), \n") != std::string::npos);
  check_statements({dropped.begin() + 1, dropped.end()},
                   swap_statements(kAllColumns, {kLabelIndex}));
}

TEST_CASE("adding a constraint rebuilds the table with the constraint last") {
  const auto statements = render_on_family(
      AddConstraint{"children", Unique({"parent_id", "label"}, "uq_children_parent_label")});
  REQUIRE(statements.size() == 5);
  CHECK(statements[0] ==
        "CREATE TABLE _sdm_tmp_children (\n"
        "    id INTEGER NOT NULL, \n"
        "    parent_id INTEGER, \n"
        "    label VARCHAR(10) DEFAULT 'x', \n"
        "    score INTEGER, \n"
        "    note TEXT, \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(parent_id) REFERENCES parents (id) ON DELETE CASCADE, \n"
        "    CONSTRAINT ck_children_score CHECK (score >= 0), \n"
        "    CONSTRAINT uq_children_parent_label UNIQUE (parent_id, label)\n"
        ")");
  check_statements({statements.begin() + 1, statements.end()},
                   swap_statements(kAllColumns, {kLabelIndex}));
}

TEST_CASE("adding a foreign key or a check constraint rebuilds the table too") {
  const auto fk =
      render_on_family(AddConstraint{"parents", ForeignKey({"id"}, "children", {"id"}, "fk_x")});
  REQUIRE(fk.size() == 4);
  CHECK(fk[0].find("    CONSTRAINT fk_x FOREIGN KEY(id) REFERENCES children (id)\n)") !=
        std::string::npos);
  const auto check =
      render_on_family(AddConstraint{"parents", Check("length(name) > 0", "ck_name")});
  REQUIRE(check.size() == 4);
  CHECK(check[0].find("    CONSTRAINT ck_name CHECK (length(name) > 0)\n)") != std::string::npos);
}

TEST_CASE("dropping a constraint rebuilds the table without it") {
  const auto statements =
      render_on_family(DropConstraint{"children", "ck_children_score", ConstraintKind::Check});
  REQUIRE(statements.size() == 5);
  CHECK(statements[0].find("CHECK") == std::string::npos);
  CHECK(statements[0].find(
            "    FOREIGN KEY(parent_id) REFERENCES parents (id) ON DELETE CASCADE\n)") !=
        std::string::npos);
  check_statements({statements.begin() + 1, statements.end()},
                   swap_statements(kAllColumns, {kLabelIndex}));
}

TEST_CASE("dropping a column a check constraint mentions rebuilds without column and check") {
  const auto statements = render_on_family(DropColumn{"children", "score"});
  REQUIRE(statements.size() == 5);
  CHECK(statements[0] ==
        "CREATE TABLE _sdm_tmp_children (\n"
        "    id INTEGER NOT NULL, \n"
        "    parent_id INTEGER, \n"
        "    label VARCHAR(10) DEFAULT 'x', \n"
        "    note TEXT, \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(parent_id) REFERENCES parents (id) ON DELETE CASCADE\n"
        ")");
  check_statements({statements.begin() + 1, statements.end()},
                   swap_statements("id, parent_id, label, note", {kLabelIndex}));
}

TEST_CASE("dropping an indexed column or a foreign key column rebuilds without index or key") {
  const auto indexed = render_on_family(DropColumn{"children", "label"});
  REQUIRE(indexed.size() == 4);
  check_statements({indexed.begin() + 1, indexed.end()},
                   swap_statements("id, parent_id, score, note", {}));

  const auto keyed = render_on_family(DropColumn{"children", "parent_id"});
  REQUIRE(keyed.size() == 5);
  CHECK(keyed[0].find("FOREIGN KEY") == std::string::npos);

  const auto primary = render_on_family(DropColumn{"parents", "id"});
  REQUIRE(primary.size() == 4);
  CHECK(primary[0] ==
        "CREATE TABLE _sdm_tmp_parents (\n"
        "    name VARCHAR(20) NOT NULL, \n"
        "    CONSTRAINT uq_parents_name UNIQUE (name)\n"
        ")");
}

TEST_CASE("rename and retype together: RENAME COLUMN first, then the rebuild under the new name") {
  AlterColumn op = alter("label");
  op.type = String(40);
  op.new_name = "tag";
  const auto statements = render_on_family(op);
  REQUIRE(statements.size() == 6);
  CHECK(statements[0] == "ALTER TABLE children RENAME COLUMN label TO tag");
  CHECK(statements[1].find("    tag VARCHAR(40) DEFAULT 'x', \n") != std::string::npos);
  check_statements({statements.begin() + 2, statements.end()},
                   swap_statements("id, parent_id, tag, score, note",
                                   {"CREATE INDEX ix_children_label ON children (tag)"}));
}

TEST_CASE("what SQLite can ALTER needs no rebuild") {
  check_statements(render_on_family(DropColumn{"children", "note"}),
                   {"ALTER TABLE children DROP COLUMN note"});
  AlterColumn rename = alter("note");
  rename.new_name = "remark";
  check_statements(render_on_family(rename), {"ALTER TABLE children RENAME COLUMN note TO remark"});
}

TEST_CASE("an alter_column that changes nothing renders nothing, or only its rename") {
  AlterColumn same = alter("label");
  same.type = String(10);
  same.nullable = true;
  same.server_default = DefaultChange("'x'");
  CHECK(render_on_family(same).empty());
  same.new_name = "tag";
  check_statements(render_on_family(same), {"ALTER TABLE children RENAME COLUMN label TO tag"});
}

TEST_CASE("a reflected type equal to the revision's type is no change") {
  Table reflected;
  reflected.name = "job_executions";
  reflected.columns = {Column("id", Raw("VARCHAR(36)")).not_null(),
                       Column("oozie_job_id", Raw("varchar(100)"))};
  const schema::SchemaModel live(Schema{{"job_executions", reflected}});
  AlterColumn op;
  op.table = "job_executions";
  op.column = "oozie_job_id";
  op.type = String(100);
  op.new_name = "engine_job_id";
  check_statements(sqlite_dialect.render(op, live),
                   {"ALTER TABLE job_executions RENAME COLUMN oozie_job_id TO engine_job_id"});
}

TEST_CASE("a rebuild of a table whose name needs quotes quotes the temporary name too") {
  Table events;
  events.name = "Events";
  events.columns = {Column("id", Integer()).not_null(), Column("kind", String(5))};
  const schema::SchemaModel model(Schema{{"Events", events}});
  AlterColumn op;
  op.table = "Events";
  op.column = "kind";
  op.type = String(50);
  const auto statements = sqlite_dialect.render(op, model);
  REQUIRE(statements.size() == 4);
  CHECK(statements[0].rfind("CREATE TABLE \"_sdm_tmp_Events\" (\n", 0) == 0);
  CHECK(statements[1] ==
        "INSERT INTO \"_sdm_tmp_Events\" (id, kind) SELECT id, kind FROM \"Events\"");
  CHECK(statements[2] == "DROP TABLE \"Events\"");
  CHECK(statements[3] == "ALTER TABLE \"_sdm_tmp_Events\" RENAME TO \"Events\"");
}

TEST_CASE("a rebuild of an unknown table fails and says how to proceed") {
  const schema::SchemaModel nothing;
  AlterColumn op;
  op.table = "ghosts";
  op.column = "status";
  op.type = Text();
  const std::string message = error_of(op, nothing);
  CHECK(message.find("alter_column ghosts.status") != std::string::npos);
  CHECK(message.find("definition of table ghosts is unknown") != std::string::npos);
  CHECK(message.find("online") != std::string::npos);
  CHECK(message.find("at base") != std::string::npos);

  CHECK(error_of(AddConstraint{"ghosts", Unique({"a"}, "uq_a")}, nothing).find("ghosts") !=
        std::string::npos);
  CHECK(error_of(DropConstraint{"ghosts", "uq_a", ConstraintKind::Unique}, nothing)
            .find("cannot drop a constraint") != std::string::npos);
}

TEST_CASE("on an unknown table, a rename or a column drop is still plain ALTER TABLE") {
  const schema::SchemaModel nothing;
  AlterColumn rename;
  rename.table = "ghosts";
  rename.column = "a";
  rename.new_name = "b";
  check_statements(sqlite_dialect.render(rename, nothing),
                   {"ALTER TABLE ghosts RENAME COLUMN a TO b"});
  check_statements(sqlite_dialect.render(DropColumn{"ghosts", "a"}, nothing),
                   {"ALTER TABLE ghosts DROP COLUMN a"});
}

TEST_CASE("a rebuild that contradicts the table definition is an error naming the op") {
  CHECK(error_of(DropConstraint{"children", "no_such_constraint", ConstraintKind::Unique}, family())
            .find("children has no constraint named no_such_constraint") != std::string::npos);
  CHECK(error_of(DropColumn{"children", "missing"}, family())
            .find("children has no column missing") != std::string::npos);
  AlterColumn missing = alter("missing");
  missing.type = Text();
  CHECK(error_of(missing, family()).find("children has no column missing") != std::string::npos);
  CHECK(error_of(AddConstraint{"children", PrimaryKey({"note"})}, family())
            .find("already has a primary key") != std::string::npos);
}

TEST_CASE("the rebuild helper maps a renamed column for dialects that cannot rename in place") {
  Table old;
  old.name = "t";
  old.columns = {Column("id", Integer()), Column("label", String(10))};
  Table rebuilt = old;
  rebuilt.columns[1] = Column("tag", Text());
  const auto copied = copied_columns(old, rebuilt, "label", "tag");
  REQUIRE(copied.size() == 2);
  CHECK(copied[1].target == "tag");
  CHECK(copied[1].source == "label");
  const auto statements = render_table_rebuild(dialect, rebuilt, copied);
  REQUIRE(statements.size() == 4);
  CHECK(statements[1] == "INSERT INTO _sdm_tmp_t (id, tag) SELECT id, label FROM t");
  CHECK_THROWS_AS(render_table_rebuild(dialect, rebuilt, {}), Error);
}
