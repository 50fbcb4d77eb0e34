// Autogenerate's plan: the ops for a fixed diff, in a dependency-safe order, with their
// reverse, written as C++ and held against a golden file (tests/data/autogenerate_ops.golden).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cli/op_source.hpp"
#include "schema/autogenerate.hpp"

using namespace sdm;
using namespace sdm::schema;

namespace {

ComparisonDialect sqlite() {
  return {"sqlite", [](const Type& type) -> std::string {
            if (type.kind == TypeKind::String)
              return "VARCHAR(" + std::to_string(type.length) + ")";
            if (type.kind == TypeKind::Integer) return "INTEGER";
            if (type.kind == TypeKind::Raw) return type.raw;
            return "TEXT";
          }};
}

Table table(const std::string& name, std::vector<Column> columns,
            std::vector<Constraint> constraints = {}) {
  Table t;
  t.name = name;
  t.columns = std::move(columns);
  t.constraints = std::move(constraints);
  return t;
}

/// The model: clusters gains a note and an index, node_groups a foreign key, and a new table
/// refers to clusters and to another new table.
Schema model() {
  Schema s;
  s["clusters"] = table("clusters",
                        {Column("id", String(36)).not_null(), Column("name", String(80)).not_null(),
                         Column("tenant_id", String(36)), Column("note", String(40))},
                        {PrimaryKey({"id"})});
  s["clusters"].indexes = {Index{"ix_clusters_tenant_id", "clusters", {"tenant_id"}, false}};
  s["node_groups"] =
      table("node_groups", {Column("id", String(36)).not_null(), Column("cluster_id", String(36))},
            {PrimaryKey({"id"}), ForeignKey({"cluster_id"}, "clusters", {"id"})});
  s["note_kinds"] = table("note_kinds", {Column("id", Integer()).not_null()}, {PrimaryKey({"id"})});
  s["cluster_notes"] = table(
      "cluster_notes",
      {Column("id", Integer()).not_null(), Column("cluster_id", String(36)).not_null(),
       Column("kind_id", Integer()), Column("body", Text())},
      {PrimaryKey({"id"}), ForeignKey({"cluster_id"}, "clusters", {"id"}).on_delete("CASCADE"),
       ForeignKey({"kind_id"}, "note_kinds", {"id"})});
  return s;
}

/// The database: no note (but a legacy column), a wider name, no index, no foreign key on
/// node_groups, and an old table with a unique constraint and an index of its own.
Schema live() {
  Schema s = model();
  s.erase("note_kinds");
  s.erase("cluster_notes");
  Table& clusters = s["clusters"];
  clusters.columns.pop_back();
  clusters.columns.push_back(Column("legacy_note", Raw("VARCHAR(40)")));
  clusters.column("name")->type = Raw("VARCHAR(120)");
  clusters.indexes.clear();
  s["node_groups"].constraints.pop_back();
  s["old_audit"] = table("old_audit", {Column("id", Integer()).not_null(), Column("what", Text())},
                         {PrimaryKey({"id"}), Unique({"what"}, "uq_old_audit_what")});
  return s;
}

std::string rendered(const AutogeneratePlan& plan) {
  std::string out = "# notes\n";
  for (const auto& note : plan.notes)
    out += note + "\n";
  out += "# upgrade\n";
  for (const auto& op : plan.upgrade)
    out += sdm::cli::op_source(op) + "\n";
  out += "# downgrade\n";
  for (const auto& op : plan.downgrade)
    out += sdm::cli::op_source(op) + "\n";
  return out;
}

std::string golden() {
  std::ifstream file(std::string(SDM_TEST_DATA_DIR) + "/autogenerate_ops.golden");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("autogenerate: a fixed diff gives the golden ops, notes and reverse") {
  const AutogeneratePlan plan = plan_autogenerate(diff_schemas(model(), live(), sqlite()));
  CHECK(rendered(plan) == golden());
}

TEST_CASE("autogenerate: new tables come after the tables they refer to, dropped ones last") {
  const AutogeneratePlan plan = plan_autogenerate(diff_schemas(model(), live(), sqlite()));
  std::vector<std::string> described;
  for (const auto& op : plan.upgrade)
    described.push_back(describe(op));
  auto at = [&](const std::string& what) {
    return std::find(described.begin(), described.end(), what) - described.begin();
  };
  CHECK(at("create_table note_kinds") < at("create_table cluster_notes"));
  CHECK(at("drop_column clusters.legacy_note") > at("add_column clusters.note"));
  CHECK(at("drop_table old_audit") == static_cast<long>(described.size()) - 1);
  REQUIRE(plan.downgrade.size() == plan.upgrade.size());
  CHECK(describe(plan.downgrade.front()) == "create_table old_audit");
}

TEST_CASE("autogenerate: equal schemas plan nothing") {
  const AutogeneratePlan plan = plan_autogenerate(diff_schemas(model(), model(), sqlite()));
  CHECK(plan.empty());
}
