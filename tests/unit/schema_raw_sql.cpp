// What raw SQL does to the schema model: declared changes are applied as ops, DDL that
// declares nothing makes the tables it names unknown (read live online, refused offline), and
// the names are found in the statements' text.
#include <doctest/doctest.h>

#include <set>

#include "schema/schema_errors.hpp"
#include "schema/schema_model.hpp"
#include "schema/sql_effects.hpp"
#include "sdm/operations.hpp"

using namespace sdm;
using namespace sdm::schema;

namespace {

std::vector<std::string> tables_in(const std::string& sql) {
  return ddl_tables(sql, [](const std::string& index) {
    return index == "ix_known" ? std::string("owner") : std::string();
  });
}

Schema one_table() {
  Table tags;
  tags.name = "tags";
  tags.columns = {Column("id", Integer()).not_null(), Column("label", String(120))};
  tags.constraints = {PrimaryKey({"id"})};
  return {{"tags", tags}};
}

}  // namespace

TEST_CASE("raw SQL: the tables DDL statements change are read from their text") {
  using Names = std::vector<std::string>;
  CHECK(tables_in("ALTER TABLE tags ADD COLUMN note VARCHAR(40)") == Names{"tags"});
  CHECK(tables_in("alter table if exists only public.\"Mixed\" drop column x") == Names{"Mixed"});
  CHECK(tables_in("ALTER TABLE a RENAME TO b") == Names{"a", "b"});
  CHECK(tables_in("CREATE TABLE IF NOT EXISTS `made` (id INT)") == Names{"made"});
  CHECK(tables_in("CREATE TEMPORARY TABLE scratch (id INT)") == Names{"scratch"});
  CHECK(tables_in("CREATE UNIQUE INDEX ix ON tags (label)") == Names{"tags"});
  CHECK(tables_in("DROP TABLE IF EXISTS a, b") == Names{"a", "b"});
  CHECK(tables_in("DROP INDEX ix_known") == Names{"owner"});
  CHECK(tables_in("DROP INDEX ix ON tags") == Names{"tags"});
  CHECK(tables_in("RENAME TABLE a TO b, c TO d") == Names{"a", "b", "c", "d"});
  CHECK(tables_in("UPDATE tags SET label = 'ALTER TABLE x'; -- DROP TABLE y\n"
                  "/* CREATE TABLE z */ ALTER TABLE w ADD c INT") == Names{"w"});
  CHECK(tables_in("CREATE VIEW v AS SELECT 1; INSERT INTO tags VALUES (1)").empty());
}

TEST_CASE("raw SQL: declared changes are applied, undeclared DDL makes its tables unknown") {
  SchemaModel model(one_table());
  Operations op;
  op.execute("ALTER TABLE tags ADD COLUMN note VARCHAR(40)")
      .changes(ops().add_column("tags", Column("note", String(40))));
  op.execute("UPDATE tags SET label = 'x'");
  model.apply(op.ops());
  REQUIRE(model.table("tags") != nullptr);
  CHECK(model.table("tags")->column("note") != nullptr);
  CHECK_FALSE(model.unknown("tags"));

  Operations raw;
  raw.execute("ALTER TABLE tags ADD COLUMN extra INT");
  model.apply(raw.ops());
  CHECK(model.unknown("tags"));
  CHECK(model.table("tags") == nullptr);
  // Offline nothing can read the table: an op on it is refused with the fix, dropping it is not.
  const Op rename = AlterColumn{"tags", "label", {}, {}, {}, std::string("tag")};
  CHECK_THROWS_WITH_AS(model.prepare(rename),
                       "alter_column tags.label: table tags was changed by SQL an earlier execute "
                       "ran without declaring the change, so its definition is unknown here; "
                       "declare it with op.execute(sql).changes(sdm::ops()...), or run online, "
                       "where the live table is read",
                       SchemaConflictError);
  CHECK_NOTHROW(model.prepare(Op(DropTable{"tags"})));

  // Online the live table is read when an op next needs it.
  SchemaModel online(one_table());
  int reads = 0;
  online.set_live_loader([&reads](const std::string& name) {
    ++reads;
    Table live = one_table().at(name);
    live.columns.push_back(Column("extra", Integer()));
    return std::optional<Table>(live);
  });
  online.apply(raw.ops());
  online.prepare(rename);
  REQUIRE(online.table("tags") != nullptr);
  CHECK(online.table("tags")->column("extra") != nullptr);
  CHECK_FALSE(online.unknown("tags"));
  online.prepare(rename);
  CHECK(reads == 1);
}

TEST_CASE("raw SQL: a replay's unknown tables stay unknown in the model that loads from it") {
  SchemaModel model([](const std::string&) { return std::optional<Table>(); });
  model.set_unknown_probe([](const std::string& name) { return name == "tags"; });
  CHECK(model.table("tags") == nullptr);
  CHECK(model.unknown("tags"));
  CHECK_FALSE(model.unknown("other"));
}

TEST_CASE("raw SQL: changes() takes schema ops only") {
  Operations op;
  CHECK_THROWS_WITH(
      op.execute("INSERT INTO t VALUES (1)").changes(ops().bulk_insert("t", {"a"}, {{1.0}})),
      "execute(...).changes(...): bulk_insert t (1 rows) is not a schema change; declare only "
      "schema ops");
}

TEST_CASE("raw SQL: what data statements do to rows is read from their text") {
  using Names = std::set<std::string>;
  RowEffects all = row_effects("DELETE FROM notes; TRUNCATE TABLE logs");
  CHECK(all.emptied == Names{"notes", "logs"});
  CHECK(all.changed.empty());
  CHECK_FALSE(all.unknown);
  RowEffects some = row_effects(
      "DELETE FROM notes WHERE id > 3; UPDATE ONLY jobs SET a = 1; INSERT INTO `Logs` VALUES (1); "
      "REPLACE INTO x VALUES (2)");
  CHECK(some.emptied.empty());
  CHECK(some.changed == Names{"notes", "jobs", "Logs", "x"});
  CHECK_FALSE(some.unknown);
  CHECK(row_effects("ALTER TABLE t ADD c INT; SELECT 1; SET NAMES utf8; -- DELETE FROM t")
            .changed.empty());
  CHECK(row_effects("CALL cleanup()").unknown);
  CHECK(row_effects("WITH x AS (SELECT 1) DELETE FROM t").unknown);
}
