// What a vendor's dialect gets from the SDK: renders_like for revisions' per-dialect SQL and type
// variants, the standard IDENTITY key, and SQLite's whole table rebuild under its own name.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "schema/schema_model.hpp"
#include "sdm/error.hpp"
#include "sdm/operations.hpp"
#include "sdm/sqlite_spec.hpp"
#include "sdm/table_rebuild.hpp"

namespace {

using namespace sdm;

/// An engine that speaks SQLite's SQL under a name of its own.
SqlDialectSpec mylite_spec() {
  SqlDialectSpec spec = sqlite_spec();
  spec.name = "mylite";
  spec.traits.renders_like = "sqlite";
  return spec;
}

std::vector<std::string> render(const Dialect& dialect, const Op& op,
                                const SchemaLookup& schema = schema::SchemaModel()) {
  return dialect.render(op, schema);
}

// Sahara's 029 gives SQL for the three built-in dialects only.
const Execute kSahara029{{{"postgresql", "UPDATE t SET is_protected=true WHERE t.is_default"},
                          {"mysql", "UPDATE t SET is_protected=true WHERE t.is_default = 1"},
                          {"sqlite", "UPDATE t SET is_protected=1 WHERE t.is_default = 1"}}};

}  // namespace

TEST_CASE("a dialect that renders like sqlite runs a revision's SQL for sqlite") {
  const TableRebuildDialect mylite(mylite_spec());
  CHECK(mylite.name() == "mylite");
  CHECK(render(mylite, kSahara029) ==
        std::vector<std::string>{"UPDATE t SET is_protected=1 WHERE t.is_default = 1"});
  // Its own entry wins over the borrowed one, and the borrowed one over the generic one.
  CHECK(render(mylite, Execute{{{"", "generic"}, {"sqlite", "borrowed"}, {"mylite", "own"}}}) ==
        std::vector<std::string>{"own"});
  CHECK(render(mylite, Execute{{{"", "generic"}, {"sqlite", "borrowed"}}}) ==
        std::vector<std::string>{"borrowed"});
  CHECK(render(mylite, Execute{{{"postgresql", "x"}, {"", "generic"}}}) ==
        std::vector<std::string>{"generic"});
}

TEST_CASE("a dialect that renders like sqlite uses sqlite's type variants, its own first") {
  const TableRebuildDialect mylite(mylite_spec());
  CHECK(mylite.render_type(LargeBinary().with_variant("sqlite", "BLOB(16)")) == "BLOB(16)");
  CHECK(mylite.render_type(
            LargeBinary().with_variant("sqlite", "BLOB(16)").with_variant("mylite", "BYTES")) ==
        "BYTES");
  CHECK(mylite.render_type(LargeBinary().with_variant("mysql", "LONGBLOB")) == "BLOB");
}

TEST_CASE("without SQL for its dialect or the one it renders like, execute says which it has") {
  const TableRebuildDialect mylite(mylite_spec());
  CHECK_THROWS_WITH_AS(
      render(mylite, Execute{{{"postgresql", "a"}, {"mysql", "b"}}}),
      "execute: the revision gives no SQL for dialect mylite (which renders like sqlite) and no "
      "SQL for every dialect (it has SQL for: postgresql, mysql)",
      Error);
  SqlDialectSpec plain;
  plain.name = "vendordb";
  CHECK_THROWS_WITH_AS(render(SqlDialect(plain), kSahara029),
                       "execute: the revision gives no SQL for dialect vendordb and no SQL for "
                       "every dialect (it has SQL for: postgresql, mysql, sqlite)",
                       Error);
}

TEST_CASE("sqlite's spec carries what the host handles around a rebuild") {
  const DialectTraits traits = TableRebuildDialect(mylite_spec()).traits();
  CHECK(traits.renders_like == "sqlite");
  CHECK(traits.disable_foreign_keys == "PRAGMA foreign_keys = OFF");
  CHECK(traits.internal_name_prefix == "sqlite_");
  CHECK(traits.transactional_ddl);
}

TEST_CASE("a vendor's SQLite-like dialect rebuilds a table exactly as the built-in one") {
  const TableRebuildDialect mylite(mylite_spec());
  Operations op;
  op.create_table("parents", {Column("id", Integer()).primary_key(), Column("name", String(20))});
  schema::SchemaModel model;
  model.apply(op.ops().front());
  AlterColumn widen;
  widen.table = "parents";
  widen.column = "name";
  widen.type = String(80);
  CHECK(render(mylite, widen, model) ==
        std::vector<std::string>{"CREATE TABLE _sdm_tmp_parents (\n"
                                 "    id INTEGER NOT NULL, \n"
                                 "    name VARCHAR(80), \n"
                                 "    PRIMARY KEY (id)\n"
                                 ")",
                                 "INSERT INTO _sdm_tmp_parents (id, name) SELECT id, name FROM "
                                 "parents",
                                 "DROP TABLE parents",
                                 "ALTER TABLE _sdm_tmp_parents RENAME TO parents"});
}

TEST_CASE("the standard IDENTITY key is the base renderer's default") {
  SqlDialectSpec spec;
  spec.name = "vendordb";
  const SqlDialect vendor(spec);
  Table table;
  table.name = "events";
  table.columns = {Column("id", BigInteger()).not_null(), Column("note", Text())};
  table.constraints = {PrimaryKey({"id"})};
  CHECK(vendor.render_create_table(table) ==
        "CREATE TABLE events (\n"
        "    id BIGINT GENERATED BY DEFAULT AS IDENTITY, \n"
        "    note TEXT, \n"
        "    PRIMARY KEY (id)\n"
        ")");
}

TEST_CASE("which key SQLAlchemy's autoincrement rule picks") {
  Table table;
  table.name = "t";
  table.columns = {Column("id", Integer()).not_null(), Column("code", String(8)).not_null()};
  table.constraints = {PrimaryKey({"id"})};
  REQUIRE(table.autoincrement_column() != nullptr);
  CHECK(table.autoincrement_column()->name == "id");
  SUBCASE("not a string key") {
    table.constraints = {PrimaryKey({"code"})};
    CHECK(table.autoincrement_column() == nullptr);
  }
  SUBCASE("not a key with a server default") {
    table.columns[0].default_sql("0");
    CHECK(table.autoincrement_column() == nullptr);
  }
  SUBCASE("not a key that is also a foreign key") {
    table.constraints.push_back(ForeignKey({"id"}, "other", {"id"}));
    CHECK(table.autoincrement_column() == nullptr);
  }
  SUBCASE("not a key marked autoincrement(false)") {
    table.columns[0].autoincrement(false);
    CHECK(table.autoincrement_column() == nullptr);
  }
  SUBCASE("not a composite key, unless one column is marked") {
    table.constraints = {PrimaryKey({"id", "code"})};
    CHECK(table.autoincrement_column() == nullptr);
    table.columns[0].autoincrement();
    CHECK(table.autoincrement_column() == &table.columns[0]);
  }
  SUBCASE("not without a primary key") {
    table.constraints.clear();
    CHECK(table.autoincrement_column() == nullptr);
  }
}
