// Replaying Sahara-like op sequences into the schema model and checking the tables it holds.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "schema/schema_model.hpp"
#include "sdm/operations.hpp"

namespace {

using namespace sdm;

std::vector<std::string> column_names(const Table& table) {
  std::vector<std::string> names;
  for (const auto& column : table.columns)
    names.push_back(column.name);
  return names;
}

// The shape of Sahara 001 for the tables later revisions change.
std::vector<Op> icehouse() {
  Operations op;
  op.create_table("jobs",
                  {Column("id", String(36)).not_null(), Column("tenant_id", String(36)),
                   Column("name", String(80)).not_null()},
                  {PrimaryKey({"id"}), Unique({"name", "tenant_id"})});
  op.create_table("cluster_templates",
                  {Column("id", String(36)).not_null(), Column("name", String(80)).not_null()},
                  {PrimaryKey({"id"})});
  op.create_table(
      "clusters",
      {Column("id", String(36)).not_null(), Column("name", String(80)).not_null(),
       Column("status_description", String(200)), Column("cluster_template_id", String(36))},
      {ForeignKey({"cluster_template_id"}, "cluster_templates", {"id"}), PrimaryKey({"id"})});
  op.create_table(
      "job_executions",
      {Column("id", String(36)).not_null(), Column("job_id", String(36)),
       Column("progress", Float()), Column("oozie_job_id", String(100)), Column("extra", Text())},
      {ForeignKey({"job_id"}, "jobs", {"id"}), PrimaryKey({"id"})});
  op.create_table(
      "instances",
      {Column("id", String(36)).not_null(), Column("instance_name", String(80)).not_null(),
       Column("internal_ip", String(15)), Column("management_ip", String(15))},
      {PrimaryKey({"id"})});
  op.create_table("libs_association",
                  {Column("Job_id", String(36)), Column("JobBinary_id", String(36))},
                  {ForeignKey({"Job_id"}, "jobs", {"id"})});
  return op.ops();
}

std::vector<Op> later_revisions() {
  Operations op;
  op.alter_column("clusters", "status_description", AlterColumnOptions().set_type(LongText()));
  op.add_column("clusters", Column("rollback_info", Text()));
  op.drop_column("job_executions", "progress");
  op.alter_column("instances", "internal_ip",
                  AlterColumnOptions().set_type(String(45)).set_nullable(true));
  op.alter_column("instances", "management_ip",
                  AlterColumnOptions().set_type(String(45)).set_nullable(true));
  op.alter_column("job_executions", "oozie_job_id",
                  AlterColumnOptions().set_type(String(100)).rename_to("engine_job_id"));
  op.add_column("instances", Column("storage_devices_number", Integer()));
  op.add_column("clusters", Column("is_public", Boolean()).not_null().default_sql("0"));
  return op.ops();
}

}  // namespace

TEST_CASE("replaying Sahara's first revision gives its tables as declared") {
  schema::SchemaModel model;
  model.apply(icehouse());
  CHECK(model.tables().size() == 6);
  const Table* clusters = model.table("clusters");
  REQUIRE(clusters != nullptr);
  CHECK(column_names(*clusters) ==
        std::vector<std::string>{"id", "name", "status_description", "cluster_template_id"});
  CHECK(clusters->primary_key()->columns == std::vector<std::string>{"id"});
  CHECK(clusters->constraints.front().referred_table == "cluster_templates");
  CHECK(model.table("nothing") == nullptr);
}

TEST_CASE("replaying Sahara's later changes updates types, columns and names in place") {
  schema::SchemaModel model;
  model.apply(icehouse());
  model.apply(later_revisions());

  const Table& clusters = *model.table("clusters");
  CHECK(clusters.column("status_description")->type == LongText());
  CHECK(column_names(clusters) == std::vector<std::string>{"id", "name", "status_description",
                                                           "cluster_template_id", "rollback_info",
                                                           "is_public"});
  CHECK_FALSE(clusters.column("is_public")->nullable);
  CHECK(clusters.column("is_public")->server_default == std::optional<std::string>("0"));

  const Table& executions = *model.table("job_executions");
  // The renamed column keeps its place; the dropped one is gone.
  CHECK(column_names(executions) ==
        std::vector<std::string>{"id", "job_id", "engine_job_id", "extra"});
  CHECK(executions.column("engine_job_id")->type == String(100));

  const Table& instances = *model.table("instances");
  CHECK(instances.column("internal_ip")->type == String(45));
  CHECK(instances.column("management_ip")->type == String(45));
  CHECK(instances.column("internal_ip")->nullable);
  CHECK(instances.columns.back().name == "storage_devices_number");
}

TEST_CASE("dropping a column drops the constraints and indexes that involve it") {
  schema::SchemaModel model;
  model.apply(icehouse());
  model.apply(CreateIndex{Index{"ix_jobs_tenant", "jobs", {"tenant_id"}, false}});
  model.apply(CreateIndex{Index{"ix_jobs_name", "jobs", {"name"}, false}});
  model.apply(DropColumn{"jobs", "tenant_id"});
  const Table& jobs = *model.table("jobs");
  REQUIRE(jobs.constraints.size() == 1);
  CHECK(jobs.constraints.front().kind == ConstraintKind::PrimaryKey);
  REQUIRE(jobs.indexes.size() == 1);
  CHECK(jobs.indexes.front().name == "ix_jobs_name");
}

TEST_CASE("a renamed column is followed by constraints, indexes, checks and other tables' keys") {
  schema::SchemaModel model;
  model.apply(icehouse());
  model.apply(CreateIndex{Index{"ix_jobs_name", "jobs", {"name", "id"}, true}});
  model.apply(AddConstraint{"jobs", Check("length(name) > 0 AND name <> 'name'", "ck_name")});
  AlterColumn rename;
  rename.table = "jobs";
  rename.column = "id";
  rename.new_name = "job_key";
  model.apply(rename);
  rename.column = "name";
  rename.new_name = "Title";
  model.apply(rename);
  const Table& jobs = *model.table("jobs");
  CHECK(jobs.primary_key()->columns == std::vector<std::string>{"job_key"});
  CHECK(jobs.indexes.front().columns == std::vector<std::string>{"Title", "job_key"});
  CHECK(jobs.constraints.back().condition == "length(\"Title\") > 0 AND \"Title\" <> 'name'");
  CHECK(model.table("job_executions")->constraints.front().referred_columns ==
        std::vector<std::string>{"job_key"});
  CHECK(model.table("libs_association")->constraints.front().referred_columns ==
        std::vector<std::string>{"job_key"});
}

TEST_CASE("a renamed table is followed by its indexes and by other tables' foreign keys") {
  schema::SchemaModel model;
  model.apply(icehouse());
  model.apply(CreateIndex{Index{"ix_jobs_name", "jobs", {"name"}, false}});
  model.apply(RenameTable{"jobs", "job_definitions"});
  CHECK(model.table("jobs") == nullptr);
  const Table* renamed = model.table("job_definitions");
  REQUIRE(renamed != nullptr);
  CHECK(renamed->name == "job_definitions");
  CHECK(renamed->indexes.front().table == "job_definitions");
  CHECK(model.table("job_executions")->constraints.front().referred_table == "job_definitions");
}

TEST_CASE("create_table keeps the indexes declared with the table") {
  Table table;
  table.name = "events";
  table.columns = {Column("id", Integer()).not_null(), Column("step_id", String(36))};
  table.indexes = {Index{"ix_events_step", "", {"step_id"}, false}};
  schema::SchemaModel model;
  model.apply(CreateTable{table});
  REQUIRE(model.table("events")->indexes.size() == 1);
  CHECK(model.table("events")->indexes.front().table == "events");
  model.apply(DropIndex{"ix_events_step", ""});
  CHECK(model.table("events")->indexes.empty());
}

TEST_CASE("execute and bulk insert leave the tables as they are") {
  schema::SchemaModel model;
  model.apply(icehouse());
  const Schema before = model.tables();
  model.apply(Execute{{{"", "UPDATE jobs SET name = 'x'"}}});
  model.apply(BulkInsert{"jobs", {"id", "name"}, {{std::string("j1"), std::string("job")}}});
  CHECK(model.tables() == before);
}
