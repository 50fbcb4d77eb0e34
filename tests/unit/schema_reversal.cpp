// Reversing ops: apply(op) then apply(reverse ops) gives the model back, with the data risks
// of the undo spelled out, and a clear error for what cannot be undone.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "schema/schema_errors.hpp"
#include "schema/schema_model.hpp"
#include "schema/type_change.hpp"

namespace {

using namespace sdm;

// A readable dump of the tables, so a failed comparison shows what differs.
std::string dump(const Schema& tables) {
  std::string out;
  for (const auto& [name, table] : tables) {
    out += "table " + name + "\n";
    for (const auto& c : table.columns)
      out += "  column " + c.name + " " + schema::describe_type(c.type) +
             (c.nullable ? "" : " NOT NULL") +
             (c.server_default ? " DEFAULT " + *c.server_default : "") + "\n";
    for (const auto& c : table.constraints) {
      out += "  constraint " + std::to_string(static_cast<int>(c.kind)) + " " + c.name + " (";
      for (const auto& column : c.columns)
        out += column + " ";
      out += ") -> " + c.referred_table + " " + c.condition + "\n";
    }
    for (const auto& i : table.indexes) {
      out += "  index " + i.name + " on " + i.table + (i.unique ? " unique (" : " (");
      for (const auto& column : i.columns)
        out += column + " ";
      out += ")\n";
    }
  }
  return out;
}

schema::SchemaModel sahara_like() {
  Table clusters;
  clusters.name = "clusters";
  clusters.columns = {Column("id", String(36)).not_null(), Column("name", String(80)).not_null(),
                      Column("tenant_id", String(36)), Column("status_description", String(200)),
                      Column("is_public", Boolean()).default_sql("0")};
  clusters.constraints = {PrimaryKey({"id"}), Unique({"name", "tenant_id"}, "uq_clusters_name")};
  clusters.indexes = {Index{"ix_clusters_tenant", "clusters", {"tenant_id"}, false}};
  Table instances;
  instances.name = "instances";
  instances.columns = {Column("id", String(36)).not_null(), Column("cluster_id", String(36)),
                       Column("internal_ip", String(15)).not_null()};
  instances.constraints = {PrimaryKey({"id"}),
                           ForeignKey({"cluster_id"}, "clusters", {"id"}, "fk_cluster")};
  schema::SchemaModel model;
  model.apply(CreateTable{clusters});
  model.apply(CreateTable{instances});
  return model;
}

// Applies op and its reversal; returns the reversal after checking the model came back.
schema::Reversal check_round_trip(const Op& op, schema::SchemaModel model = sahara_like()) {
  const std::string before = dump(model.tables());
  schema::Reversal reversal = model.reverse(op);
  model.apply(op);
  CHECK(dump(model.tables()) != before);
  model.apply(reversal.ops);
  CHECK(dump(model.tables()) == before);
  return reversal;
}

bool mentions(const std::vector<std::string>& texts, const std::string& part) {
  return std::any_of(texts.begin(), texts.end(),
                     [&](const std::string& t) { return t.find(part) != std::string::npos; });
}

std::string irreversible_reason(const Op& op, const schema::SchemaModel& model = sahara_like()) {
  try {
    model.reverse(op);
  } catch (const schema::IrreversibleOpError& e) {
    return e.what();
  }
  return "reversible";
}

AlterColumn alter(const std::string& table, const std::string& column) {
  AlterColumn op;
  op.table = table;
  op.column = column;
  return op;
}

}  // namespace

TEST_CASE("create_table reverses to drop_table, which loses the rows stored since") {
  Table events;
  events.name = "events";
  events.columns = {Column("id", Integer()).not_null()};
  const auto reversal = check_round_trip(CreateTable{events});
  CHECK(mentions(reversal.data_risks, "drop_table events: the rows stored in events are lost"));
}

TEST_CASE("drop_table reverses to the full definition, indexes included, but not its rows") {
  const auto reversal = check_round_trip(DropTable{"clusters"});
  REQUIRE(reversal.ops.size() == 1);
  CHECK(std::get<CreateTable>(reversal.ops.front()).table.indexes.size() == 1);
  CHECK(mentions(reversal.data_risks, "comes back empty"));
}

TEST_CASE("add_column reverses to drop_column, which loses the column's values") {
  const auto reversal = check_round_trip(AddColumn{"clusters", Column("domain_name", String(255))});
  CHECK(reversal.data_risks ==
        std::vector<std::string>{"drop_column clusters.domain_name: the values stored in the "
                                 "column are lost"});
}

TEST_CASE("drop_column of the last column reverses exactly, values excepted") {
  const auto reversal = check_round_trip(DropColumn{"clusters", "is_public"});
  CHECK(mentions(reversal.data_risks, "the values the upgrade dropped are not restored"));
  CHECK(mentions(reversal.data_risks, "comes back holding its default"));
  CHECK(reversal.notes.empty());
}

TEST_CASE("drop_column brings back the constraints and indexes that went with the column") {
  schema::SchemaModel model = sahara_like();
  const Op op = DropColumn{"clusters", "tenant_id"};
  const schema::Reversal reversal = model.reverse(op);
  REQUIRE(reversal.ops.size() == 3);
  CHECK(std::holds_alternative<AddColumn>(reversal.ops[0]));
  CHECK(std::get<AddConstraint>(reversal.ops[1]).constraint.name == "uq_clusters_name");
  CHECK(std::get<CreateIndex>(reversal.ops[2]).index.name == "ix_clusters_tenant");
  CHECK(mentions(reversal.data_risks, "fails if those columns hold duplicate values"));
  CHECK(
      mentions(reversal.notes, "add_column clusters.tenant_id: the column comes back as the last"));
  model.apply(op);
  model.apply(reversal.ops);
  // Same definition, except that the column is now the last one.
  const Table& clusters = *model.table("clusters");
  CHECK(clusters.columns.back().name == "tenant_id");
  CHECK(clusters.constraints == sahara_like().table("clusters")->constraints);
  CHECK(clusters.indexes == sahara_like().table("clusters")->indexes);
}

TEST_CASE("dropping a NOT NULL column without default: restoring it fails on a table with rows") {
  const auto reversal = check_round_trip(DropColumn{"instances", "internal_ip"});
  CHECK(mentions(reversal.data_risks, "NOT NULL column without a server default cannot be added"));
}

TEST_CASE("alter_column widening a type reverses to a narrowing, flagged as a risk") {
  AlterColumn widen = alter("instances", "internal_ip");
  widen.type = String(45);
  widen.nullable = true;
  const auto reversal = check_round_trip(widen);
  REQUIRE(reversal.ops.size() == 1);
  const auto& undo = std::get<AlterColumn>(reversal.ops.front());
  CHECK(undo.type == String(15));
  CHECK(undo.nullable == false);
  CHECK(mentions(reversal.data_risks,
                 "back from VARCHAR(45) to VARCHAR(15): values longer than 15 characters"));
  CHECK(mentions(reversal.data_risks, "back to NOT NULL: fails if the column holds NULL values"));
}

TEST_CASE("alter_column to LongText reverses with the risk of cutting long texts") {
  AlterColumn to_long_text = alter("clusters", "status_description");
  to_long_text.type = LongText();
  const auto reversal = check_round_trip(to_long_text);
  CHECK(mentions(reversal.data_risks, "values longer than 200 characters are cut or rejected"));
}

TEST_CASE("alter_column rename and default reverse together, without data risk") {
  AlterColumn op = alter("clusters", "is_public");
  op.new_name = "public";
  op.server_default = DefaultChange(std::nullopt);
  const auto reversal = check_round_trip(op);
  REQUIRE(reversal.ops.size() == 1);
  const auto& undo = std::get<AlterColumn>(reversal.ops.front());
  CHECK(undo.column == "public");
  CHECK(undo.new_name == std::optional<std::string>("is_public"));
  CHECK(undo.server_default == std::optional<DefaultChange>(DefaultChange("0")));
  CHECK_FALSE(undo.type.has_value());
  CHECK(reversal.data_risks.empty());
}

TEST_CASE("an alter_column that changes nothing reverses to nothing") {
  AlterColumn same = alter("clusters", "name");
  same.type = String(80);
  same.nullable = false;
  CHECK(sahara_like().reverse(same).ops.empty());
}

TEST_CASE("rename_table, create_index and named constraints reverse exactly") {
  check_round_trip(RenameTable{"clusters", "cluster_records"});
  check_round_trip(CreateIndex{Index{"ix_instances_ip", "instances", {"internal_ip"}, false}});
  check_round_trip(AddConstraint{"clusters", Check("length(name) > 0", "ck_clusters_name")});
  const auto dropped_index = check_round_trip(DropIndex{"ix_clusters_tenant", "clusters"});
  CHECK(dropped_index.data_risks.empty());
  const auto dropped_fk =
      check_round_trip(DropConstraint{"instances", "fk_cluster", ConstraintKind::ForeignKey});
  CHECK(mentions(dropped_fk.data_risks, "refer to rows of clusters that do not exist"));
}

TEST_CASE("a whole revision reverses last op first and round-trips") {
  schema::SchemaModel model = sahara_like();
  const std::string before = dump(model.tables());
  AlterColumn internal = alter("instances", "internal_ip");
  internal.type = String(45);
  AlterColumn renamed = alter("instances", "internal_ip");
  renamed.new_name = "private_ip";
  const std::vector<Op> upgrade = {internal, renamed,
                                   AddColumn{"instances", Column("dns_hostname", String(255))},
                                   DropColumn{"clusters", "is_public"}};
  const schema::Reversal reversal = model.reverse(upgrade);
  REQUIRE(reversal.ops.size() == 4);
  CHECK(std::holds_alternative<AddColumn>(reversal.ops[0]));
  CHECK(std::holds_alternative<DropColumn>(reversal.ops[1]));
  CHECK(std::get<AlterColumn>(reversal.ops[2]).column == "private_ip");
  CHECK(std::get<AlterColumn>(reversal.ops[3]).type == String(15));
  CHECK(reversal.notes.empty());
  CHECK(dump(model.tables()) == before);  // reverse() leaves the model as it was
  model.apply(upgrade);
  model.apply(reversal.ops);
  CHECK(dump(model.tables()) == before);
}

TEST_CASE("a whole history from empty reverses to an empty schema") {
  schema::SchemaModel model;
  const schema::SchemaModel reference = sahara_like();
  std::vector<Op> history = {CreateTable{*reference.table("clusters")},
                             CreateTable{*reference.table("instances")}};
  history.push_back(AddColumn{"clusters", Column("rollback_info", Text())});
  history.push_back(DropColumn{"clusters", "tenant_id"});
  history.push_back(RenameTable{"instances", "nodes"});
  const schema::Reversal reversal = model.reverse(history);
  model.apply(history);
  model.apply(reversal.ops);
  CHECK(model.tables().empty());
}

TEST_CASE("literal SQL and inserted rows cannot be reversed") {
  CHECK(irreversible_reason(Execute{{{"", "UPDATE clusters SET is_public = 1"}}}) ==
        "execute cannot be reversed: literal SQL cannot be undone automatically; write the "
        "downgrade's ops by hand");
  CHECK(irreversible_reason(BulkInsert{"clusters", {"id"}, {{std::string("c1")}}})
            .find("bulk_insert clusters (1 rows) cannot be reversed") == 0);
}

TEST_CASE("ops needing a definition the model does not know cannot be reversed") {
  const schema::SchemaModel nothing;
  CHECK(
      irreversible_reason(DropTable{"jobs"}, nothing) ==
      "drop_table jobs cannot be reversed: the definition of table jobs before the op is unknown");
  CHECK(irreversible_reason(DropColumn{"jobs", "x"}, nothing).find("table jobs") !=
        std::string::npos);
  CHECK(irreversible_reason(alter("jobs", "x"), nothing).find("unknown") != std::string::npos);
  CHECK(irreversible_reason(DropConstraint{"jobs", "uq", ConstraintKind::Unique}, nothing)
            .find("unknown") != std::string::npos);
  CHECK(irreversible_reason(DropIndex{"ix", ""}).find("does not name the table") !=
        std::string::npos);
  CHECK(irreversible_reason(DropIndex{"ix_missing", "clusters"}) ==
        "drop_index ix_missing cannot be reversed: table clusters has no index named ix_missing");
  CHECK(irreversible_reason(AddConstraint{"clusters", Unique({"name"})})
            .find("the constraint has no name") != std::string::npos);
}

TEST_CASE("ops that need no definition reverse on unknown tables too") {
  const schema::SchemaModel nothing;
  CHECK(nothing.reverse(AddColumn{"jobs", Column("x", Text())}).ops.size() == 1);
  CHECK(nothing.reverse(RenameTable{"a", "b"}).ops.size() == 1);
  CHECK(nothing.reverse(AddConstraint{"jobs", Unique({"x"}, "uq_x")}).ops.size() == 1);
}
