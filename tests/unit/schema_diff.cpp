// The schema diff: each kind of difference found once, named in Alembic's wording for `check`
// and from the database's side for `drift`, and nothing found between equal schemas.
#include <doctest/doctest.h>

#include "schema/schema_diff.hpp"

using namespace sdm;
using namespace sdm::schema;

namespace {

/// PostgreSQL's names for the few types these tests use.
ComparisonDialect postgresql() {
  return {"postgresql", [](const Type& type) -> std::string {
            switch (type.kind) {
              case TypeKind::String:
                return "VARCHAR(" + std::to_string(type.length) + ")";
              case TypeKind::Integer:
                return "INTEGER";
              case TypeKind::Boolean:
                return "BOOLEAN";
              case TypeKind::Raw:
                return type.raw;
              default:
                return "TEXT";
            }
          }};
}

Schema sample() {
  Table clusters;
  clusters.name = "clusters";
  clusters.columns = {Column("id", String(36)).not_null(), Column("name", String(80)).not_null(),
                      Column("is_public", Boolean()).default_sql("false")};
  clusters.constraints = {PrimaryKey({"id"}), Unique({"name"})};
  clusters.options = {{"mysql_engine", "InnoDB"}};
  Table node_groups;
  node_groups.name = "node_groups";
  node_groups.columns = {Column("id", String(36)).not_null(), Column("cluster_id", String(36))};
  node_groups.constraints = {PrimaryKey({"id"}),
                             ForeignKey({"cluster_id"}, "clusters", {"id"}).on_delete("CASCADE")};
  node_groups.indexes = {Index{"ix_node_groups_cluster_id", "node_groups", {"cluster_id"}, false}};
  return {{"clusters", clusters}, {"node_groups", node_groups}};
}

/// The live side as PostgreSQL reflects `sample()`: its own type names and constraint names.
Schema reflected() {
  Schema live = sample();
  for (auto& [name, table] : live) {
    for (auto& column : table.columns) {
      const bool text = column.type.kind == TypeKind::String;
      column.type =
          Raw(text ? "character varying(" + std::to_string(column.type.length) + ")" : "boolean");
    }
    for (auto& constraint : table.constraints)
      constraint.name = name + "_generated";
    table.options.clear();
  }
  live.at("clusters").column("is_public")->server_default = "false";
  return live;
}

std::vector<std::string> check_lines(const Schema& target, const Schema& live) {
  std::vector<std::string> lines;
  for (const auto& change : diff_schemas(target, live, postgresql()))
    for (auto& line : alembic_wording(change, postgresql()))
      lines.push_back(line);
  return lines;
}

std::vector<std::string> drift_lines(const Schema& target, const Schema& live) {
  std::vector<std::string> lines;
  for (const auto& change : diff_schemas(target, live, postgresql()))
    lines.push_back(drift_wording(change, postgresql()));
  return lines;
}

}  // namespace

TEST_CASE("diff: a database as the target describes it differs in nothing") {
  CHECK(diff_schemas(sample(), reflected(), postgresql()).empty());
  CHECK(diff_schemas(sample(), sample(), postgresql()).empty());
}

TEST_CASE("diff: tables the database lacks or has in addition") {
  Schema live = reflected();
  live.erase("node_groups");
  Table extra;
  extra.name = "audit";
  extra.columns = {Column("id", Integer())};
  live.emplace("audit", extra);
  CHECK(check_lines(sample(), live) ==
        std::vector<std::string>{"Detected added table 'node_groups'",
                                 "Detected removed table 'audit'"});
  CHECK(drift_lines(sample(), live) ==
        std::vector<std::string>{"table 'node_groups' is missing",
                                 "table 'audit' is not in the revisions"});
}

TEST_CASE("diff: columns added, dropped, widened, made nullable, given a default") {
  Schema live = reflected();
  Table& clusters = live.at("clusters");
  clusters.columns.erase(clusters.columns.begin() + 2);  // is_public
  clusters.columns.push_back(Column("note", Raw("text")));
  clusters.column("name")->type = Raw("character varying(255)");
  clusters.column("name")->nullable = true;
  live.at("node_groups").column("cluster_id")->server_default = "'none'::character varying";
  CHECK(check_lines(sample(), live) ==
        std::vector<std::string>{
            "Detected added column 'clusters.is_public'", "Detected removed column 'clusters.note'",
            "Detected type change from character varying(255) to VARCHAR(80) on 'clusters.name'",
            "Detected NOT NULL on column 'clusters.name'",
            "Detected server default on column 'node_groups.cluster_id'"});
  CHECK(drift_lines(sample(), live) ==
        std::vector<std::string>{
            "column 'clusters.is_public' is missing",
            "column 'clusters.note' is not in the revisions",
            "column 'clusters.name' is character varying(255), the revisions say VARCHAR(80)",
            "column 'clusters.name' is NULL, the revisions say NOT NULL",
            "column 'node_groups.cluster_id' has default 'none'::character varying, the "
            "revisions say none"});
}

TEST_CASE("diff: indexes and unique constraints, matched by name and by columns") {
  Schema live = reflected();
  live.at("node_groups").indexes.clear();
  live.at("clusters").indexes.push_back(Index{"ix_manual", "clusters", {"name", "id"}, true});
  live.at("clusters").constraints.pop_back();  // the unique constraint on name
  CHECK(check_lines(sample(), live) ==
        std::vector<std::string>{"Detected added unique constraint 'None' on '['name']'",
                                 "Detected removed index 'ix_manual' on 'clusters'",
                                 "Detected added index 'ix_node_groups_cluster_id' on "
                                 "'['cluster_id']'"});
  CHECK(drift_lines(sample(), live) ==
        std::vector<std::string>{"unique constraint on clusters (name) is missing",
                                 "index 'ix_manual' on clusters (name, id) is not in the revisions",
                                 "index 'ix_node_groups_cluster_id' on node_groups (cluster_id) is "
                                 "missing"});
}

TEST_CASE("diff: a foreign key whose action changed is removed and added in Alembic's terms") {
  Schema live = reflected();
  live.at("node_groups").constraints.back().ondelete = "SET NULL";
  CHECK(
      check_lines(sample(), live) ==
      std::vector<std::string>{"Detected removed foreign key (cluster_id)(id) on table node_groups",
                               "Detected added foreign key (cluster_id)(id) on table node_groups"});
  CHECK(drift_lines(sample(), live) ==
        std::vector<std::string>{
            "foreign key node_groups (cluster_id) -> clusters (id) has ON DELETE SET NULL, ON "
            "UPDATE NO ACTION, the revisions say ON DELETE CASCADE, ON UPDATE NO ACTION"});
  // NO ACTION and RESTRICT are the unset action.
  live.at("node_groups").constraints.back().ondelete = "CASCADE";
  live.at("node_groups").constraints.back().onupdate = "RESTRICT";
  CHECK(check_lines(sample(), live).empty());
}

TEST_CASE("diff: a missing foreign key, and a primary key on other columns") {
  Schema live = reflected();
  live.at("node_groups").constraints.pop_back();
  live.at("clusters").constraints.front().columns = {"id", "name"};
  CHECK(
      drift_lines(sample(), live) ==
      std::vector<std::string>{"primary key of 'clusters' is (id, name), the revisions say (id)",
                               "foreign key node_groups (cluster_id) -> clusters (id) is missing"});
}

TEST_CASE("diff: the column the database numbers, whether marked or by SQLAlchemy's rule") {
  Table events;
  events.name = "events";
  events.columns = {Column("id", Integer()).not_null(), Column("what", String(20))};
  events.constraints = {PrimaryKey({"id"})};
  Schema target = {{"events", events}};
  Schema live = target;
  live.at("events").column("id")->keys.autoincrement = true;  // as reflection marks it
  live.at("events").column("what")->keys.autoincrement = false;
  CHECK(diff_schemas(target, live, postgresql()).empty());

  live.at("events").column("id")->keys.autoincrement = false;  // a plain INTEGER key
  CHECK(check_lines(target, live) ==
        std::vector<std::string>{"Detected autoincrement on 'events' changed from None to id"});
  CHECK(drift_lines(target, live) ==
        std::vector<std::string>{"autoincrement column of 'events' is none, the revisions say id"});
}

TEST_CASE("diff: table options of the connected dialect only, utf8 being utf8mb3") {
  ComparisonDialect mysql{"mysql", [](const Type&) { return std::string("TEXT"); }};
  Schema target = sample(), live = sample();
  live.at("clusters").options = {{"mysql_engine", "MyISAM"}, {"mysql_charset", "utf8mb3"}};
  target.at("clusters").options.emplace_back("mysql_charset", "utf8");
  target.at("clusters").options.emplace_back("postgresql_tablespace", "fast");
  const auto changes = diff_schemas(target, live, mysql);
  REQUIRE(changes.size() == 1);
  CHECK(drift_wording(changes[0], mysql) ==
        "table 'clusters' has mysql_engine MyISAM, the revisions say InnoDB");
}
