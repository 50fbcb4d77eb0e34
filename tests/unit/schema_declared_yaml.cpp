// The declared schema's YAML form: what a packager writes is read into tables, written back
// unchanged, and every mistake is named with its file and line.
#include <doctest/doctest.h>

#include <string>

#include "schema/declared_schema.hpp"
#include "schema/type_names.hpp"

using namespace sdm;
using namespace sdm::schema;

namespace {

const char* const kModel = R"yaml(tables:
  clusters:
    columns:
      - {name: id, type: String(36), nullable: false}
      - {name: name, type: String(80), nullable: false}
      - {name: is_public, type: Boolean, default: "false"}
      - {name: ratio, type: "Numeric(10, 2)"}
      - {name: data, type: LargeBinary, variants: {mysql: LONGBLOB}}
      - {name: extra, type: Raw(JSONB)}
    primary_key: [id]
    unique:
      - {columns: [name]}
    options: {mysql_engine: InnoDB, mysql_charset: utf8}
  node_groups:
    columns:
      - {name: id, type: Integer, nullable: false}
      - {name: cluster_id, type: String(36)}
    primary_key: {name: node_groups_pk, columns: [id]}
    foreign_keys:
      - {name: fk_cluster, columns: [cluster_id], references: clusters, referred_columns: [id], ondelete: CASCADE, onupdate: RESTRICT}
    checks:
      - {name: positive_id, condition: "id > 0"}
    indexes:
      - {name: ix_node_groups_cluster_id, columns: [cluster_id]}
      - {name: ux_node_groups_both, columns: [cluster_id, id], unique: true}
ignore:
  - alembic_version
  - "tmp_*"
  - clusters.legacy
)yaml";

std::string error_of(const std::string& text) {
  try {
    parse_declared_schema(text, "model.yaml");
  } catch (const ModelError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("declared schema: a model is read into tables, keys, indexes and options") {
  const DeclaredSchema model = parse_declared_schema(kModel, "model.yaml");
  REQUIRE(model.tables.size() == 2);
  const Table& clusters = model.tables.at("clusters");
  REQUIRE(clusters.columns.size() == 6);
  CHECK(clusters.columns[0] == Column("id", String(36)).not_null());
  CHECK(clusters.columns[2] == Column("is_public", Boolean()).default_sql("false"));
  CHECK(clusters.columns[3].type == Numeric(10, 2));
  CHECK(clusters.columns[4].type == LargeBinary().with_variant("mysql", "LONGBLOB"));
  CHECK(clusters.columns[5].type == Raw("JSONB"));
  CHECK(clusters.constraints[0] == PrimaryKey({"id"}));
  CHECK(clusters.constraints[1] == Unique({"name"}));
  CHECK(*clusters.option("mysql_engine") == "InnoDB");

  const Table& node_groups = model.tables.at("node_groups");
  CHECK(node_groups.constraints[0] == PrimaryKey({"id"}, "node_groups_pk"));
  CHECK(node_groups.constraints[1] == ForeignKey({"cluster_id"}, "clusters", {"id"}, "fk_cluster")
                                          .on_delete("CASCADE")
                                          .on_update("RESTRICT"));
  CHECK(node_groups.constraints[2] == Check("id > 0", "positive_id"));
  REQUIRE(node_groups.indexes.size() == 2);
  CHECK(node_groups.indexes[1] ==
        Index{"ux_node_groups_both", "node_groups", {"cluster_id", "id"}, true});
  CHECK(model.ignore == std::vector<std::string>{"alembic_version", "tmp_*", "clusters.legacy"});
}

TEST_CASE("declared schema: writing and reading again gives the same model") {
  const DeclaredSchema model = parse_declared_schema(kModel, "model.yaml");
  const std::string written = write_declared_schema(model);
  const DeclaredSchema again = parse_declared_schema(written, "written.yaml");
  CHECK(again.tables == model.tables);
  CHECK(again.ignore == model.ignore);
  CHECK(write_declared_schema(again) == written);
  // One line per column, as a packager reviews it.
  CHECK(written.find("- {name: id, type: String(36), nullable: false}") != std::string::npos);
}

TEST_CASE(
    "declared schema: autoincrement is written only where it changes what SQLAlchemy's rule "
    "numbers") {
  const DeclaredSchema model = parse_declared_schema(
      "tables:\n"
      "  by_rule:\n    columns:\n      - {name: id, type: Integer, nullable: false}\n"
      "    primary_key: [id]\n"
      "  marked:\n    columns:\n      - {name: a, type: Integer, nullable: false}\n"
      "      - {name: b, type: BigInteger, nullable: false, autoincrement: true}\n"
      "    primary_key: [a, b]\n"
      "  turned_off:\n    columns:\n"
      "      - {name: id, type: Integer, nullable: false, autoincrement: false}\n"
      "    primary_key: [id]\n",
      "model.yaml");
  CHECK(model.tables.at("by_rule").autoincrement_column()->name == "id");
  CHECK(model.tables.at("marked").autoincrement_column()->name == "b");
  CHECK(model.tables.at("turned_off").autoincrement_column() == nullptr);
  const std::string written = write_declared_schema(model);
  CHECK(written.find("- {name: id, type: Integer, nullable: false}\n") != std::string::npos);
  CHECK(written.find("{name: b, type: BigInteger, nullable: false, autoincrement: true}") !=
        std::string::npos);
  CHECK(written.find("{name: id, type: Integer, nullable: false, autoincrement: false}") !=
        std::string::npos);
  // A reflected table marks every column true or false; only the mark that matters is kept.
  DeclaredSchema reflected = model;
  reflected.tables.at("by_rule").columns.front().keys.autoincrement = true;
  CHECK(write_declared_schema(reflected) == written);

  CHECK(error_of("tables:\n  t:\n    columns:\n      - {name: a, type: Text, autoincrement: true}\n"
                 "    primary_key: [a]\n") ==
        "model.yaml:3: table t: column a of table t is marked autoincrement but is not Integer, "
        "BigInteger or SmallInteger");
}

TEST_CASE("declared schema: the ignore list covers tables, objects and name patterns") {
  const DeclaredSchema model = parse_declared_schema(kModel, "model.yaml");
  CHECK(model.ignores("alembic_version"));
  CHECK(model.ignores("tmp_import"));
  CHECK_FALSE(model.ignores("clusters"));
  CHECK(model.ignores("clusters", "legacy"));
  CHECK_FALSE(model.ignores("clusters", "name"));
  CHECK_FALSE(model.ignores("node_groups", "legacy"));

  Schema live = model.tables;
  Table scratch;
  scratch.name = "tmp_import";
  scratch.columns.push_back(Column("x", Integer()));
  live.emplace("tmp_import", scratch);
  live.at("clusters").columns.push_back(Column("legacy", Integer()));
  live.at("clusters").constraints.push_back(Unique({"legacy"}));
  CHECK(model.without_ignored(live) == model.tables);
}

TEST_CASE("declared schema: mistakes are named with file, line and the fix") {
  CHECK(error_of("tables: [\n").find("model.yaml:") == 0);
  CHECK(error_of("tables:\n  t:\n    columns:\n      - {name: a, type: Strin(3)}\n") ==
        "model.yaml:4: table t, columns entry 1: unknown type 'Strin(3)' (use an SDK type such as "
        "String(80), Integer, Text, Numeric(10, 2), or Raw(NAME) for anything else)");
  CHECK(error_of("tables:\n  t:\n    columns:\n      - {name: a, type: Text, nulable: false}\n") ==
        "model.yaml:4: table t, columns entry 1: unknown key 'nulable' (known: autoincrement, "
        "default, name, nullable, type, variants)");
  CHECK(error_of("tables:\n  t:\n    columns:\n      - {name: a, type: Text}\n"
                 "    primary_key: [b]\n") ==
        "model.yaml:5: table t, primary_key: names column 'b', which table t does not have");
  CHECK(error_of("tables:\n  t:\n    columns:\n      - {name: a, type: Text}\n"
                 "      - {name: a, type: Integer}\n") ==
        "model.yaml:5: table t, columns entry 2: column 'a' appears twice");
  CHECK(error_of("tables:\n  t:\n    columns:\n      - {name: a, type: Text, nullable: maybe}\n") ==
        "model.yaml:4: table t, columns entry 1: 'nullable' must be true or false, not 'maybe'");
  CHECK(error_of("tables:\n  t: {}\n") ==
        "model.yaml:2: table t: a table needs a non-empty "
        "'columns' list");
  CHECK(error_of("tabels: {}\n") == "model.yaml:1: unknown key 'tabels' (known: ignore, tables)");
  CHECK(error_of("tables:\n  t:\n    columns:\n      - {name: a, type: Text}\n"
                 "    foreign_keys:\n      - {columns: [a], references: u}\n") ==
        "model.yaml:6: table t, foreign_keys entry 1: a foreign key needs 'columns', "
        "'references' and 'referred_columns'");
}

TEST_CASE("declared schema: a model file that cannot be read says how to name another") {
  try {
    load_declared_schema("/nonexistent/model.yaml");
    FAIL("no error");
  } catch (const ModelError& e) {
    CHECK(std::string(e.what()) ==
          "cannot read the model file /nonexistent/model.yaml: it does not exist or is not "
          "readable; give an existing file with --model PATH or [sahara_db_manage] model = PATH");
    CHECK(e.code() == ExitCode::Config);
  }
}

TEST_CASE("type names: every SDK type is written as the SDK spells it and read back") {
  for (const Type& type : {Integer(), BigInteger(), SmallInteger(), Boolean(), String(), String(80),
                           Text(), LongText(), Float(), Numeric(), Numeric(10, 2), Date(),
                           DateTime(), Time(), LargeBinary(), Raw("JSONB")}) {
    CAPTURE(type_name(type));
    REQUIRE(parse_type_name(type_name(type)).has_value());
    CHECK(*parse_type_name(type_name(type)) == type);
  }
  CHECK(type_name(Numeric(10, 2)) == "Numeric(10, 2)");
  CHECK(type_name(Raw("double precision")) == "Raw(double precision)");
  CHECK_FALSE(parse_type_name("String(x)").has_value());
  CHECK_FALSE(parse_type_name("Integer(3)").has_value());
  CHECK_FALSE(parse_type_name("Varchar(3)").has_value());
  CHECK_FALSE(parse_type_name("Raw()").has_value());
}
