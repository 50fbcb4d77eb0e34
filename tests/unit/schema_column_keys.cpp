// Keys declared on columns become the table's constraints and indexes when a revision records
// create_table or add_column, named as SQLAlchemy names them.
#include <doctest/doctest.h>

#include <variant>

#include "sdm/error.hpp"
#include "sdm/operations.hpp"

using namespace sdm;

namespace {

const Table& created(const Operations& op, std::size_t at = 0) {
  REQUIRE(op.ops().size() > at);
  const auto* create = std::get_if<CreateTable>(&op.ops()[at]);
  REQUIRE(create != nullptr);
  return create->table;
}

}  // namespace

TEST_CASE("create_table folds column keys into constraints and indexes") {
  Operations op;
  op.create_table("children",
                  {Column("id", Integer()).primary_key(),
                   Column("parent_id", Integer()).not_null().references("parents.id", "CASCADE"),
                   Column("code", String(8)).unique(), Column("label", String(20)).index(),
                   Column("slug", String(20)).unique().index()},
                  {Check("id > 0", "ck_id")});
  const Table& table = created(op);
  REQUIRE(table.constraints.size() == 4);
  CHECK(table.constraints[0] == PrimaryKey({"id"}));
  CHECK(table.constraints[1] == Check("id > 0", "ck_id"));
  CHECK(table.constraints[2] == ForeignKey({"parent_id"}, "parents", {"id"}).on_delete("CASCADE"));
  CHECK(table.constraints[3] == Unique({"code"}));
  REQUIRE(table.indexes.size() == 2);
  CHECK(table.indexes[0] == Index{"ix_children_label", "children", {"label"}, false});
  CHECK(table.indexes[1] == Index{"ix_children_slug", "children", {"slug"}, true});
  // The key is NOT NULL and numbered by the database; the columns keep no other keys.
  CHECK_FALSE(table.columns[0].nullable);
  CHECK(table.autoincrement_column() == &table.columns[0]);
  for (const auto& column : table.columns) {
    CHECK_FALSE(column.keys.primary_key);
    CHECK_FALSE(column.keys.unique);
    CHECK_FALSE(column.keys.index);
    CHECK(column.keys.references.empty());
  }
}

TEST_CASE("a key over several columns follows column order") {
  Operations op;
  op.create_table("pairs", {Column("b", String(4)).primary_key(), Column("a", String(4)),
                            Column("c", Integer()).primary_key()});
  CHECK(created(op).constraints == std::vector<Constraint>{PrimaryKey({"b", "c"})});
  CHECK(created(op).autoincrement_column() == nullptr);
}

TEST_CASE("a foreign key names a schema-qualified table up to its last dot") {
  Operations op;
  op.create_table("t", {Column("x", Integer()).references("other.things.id")});
  CHECK(created(op).constraints.back() == ForeignKey({"x"}, "other.things", {"id"}));
}

TEST_CASE("add_column records the constraints and index of its keys after the column") {
  Operations op;
  op.add_column("children", Column("owner_id", Integer()).references("owners.id").index());
  op.add_column("children", Column("code", String(8)).unique());
  REQUIRE(op.ops().size() == 5);
  const auto& added = std::get<AddColumn>(op.ops()[0]);
  CHECK(added.column.name == "owner_id");
  CHECK(added.column.keys == ColumnKeys());
  CHECK(std::get<AddConstraint>(op.ops()[1]).constraint ==
        ForeignKey({"owner_id"}, "owners", {"id"}));
  CHECK(std::get<CreateIndex>(op.ops()[2]).index ==
        Index{"ix_children_owner_id", "children", {"owner_id"}, false});
  CHECK(std::get<AddColumn>(op.ops()[3]).column.name == "code");
  CHECK(std::get<AddConstraint>(op.ops()[4]).constraint == Unique({"code"}));
}

TEST_CASE("keys that cannot be folded are refused when the revision records them") {
  Operations op;
  CHECK_THROWS_WITH_AS(op.create_table("t", {Column("x", Integer()).references("parents")}),
                       "create_table t: table t: column x references 'parents'; name the "
                       "referred column as \"table.column\"",
                       Error);
  CHECK_THROWS_WITH_AS(
      op.create_table("t", {Column("id", Integer()).primary_key()}, {PrimaryKey({"id"})}),
      "create_table t: table t declares its primary key twice: on column id and as "
      "PrimaryKey(id); keep one",
      Error);
  CHECK_THROWS_WITH_AS(
      op.create_table("t", {Column("id", String(36)).primary_key().autoincrement()}),
      "create_table t: column id of table t is marked autoincrement but is not "
      "Integer, BigInteger or SmallInteger",
      Error);
  CHECK_THROWS_WITH_AS(op.create_table("t", {Column("id", String(36)).primary_key(),
                                             Column("n", Integer()).autoincrement()}),
                       "create_table t: column n of table t is marked autoincrement but is not "
                       "part of the primary key",
                       Error);
  CHECK_THROWS_AS(op.add_column("t", Column("id", Integer()).primary_key()), Error);
  CHECK_THROWS_AS(op.add_column("t", Column("n", Integer()).autoincrement()), Error);
  CHECK(op.ops().empty());
}
