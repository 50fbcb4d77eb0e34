// Ops that contradict a table the model knows are errors naming the op and the table; ops on
// tables it does not know are tolerated.
#include <doctest/doctest.h>

#include <string>

#include "schema/schema_errors.hpp"
#include "schema/schema_model.hpp"

namespace {

using namespace sdm;

schema::SchemaModel with_jobs() {
  Table jobs;
  jobs.name = "jobs";
  jobs.columns = {Column("id", String(36)).not_null(), Column("name", String(80)),
                  Column("tenant_id", String(36))};
  jobs.constraints = {PrimaryKey({"id"}), Unique({"name", "tenant_id"}, "uq_jobs_name")};
  jobs.indexes = {Index{"ix_jobs_tenant", "jobs", {"tenant_id"}, false}};
  Table plugins;
  plugins.name = "plugins";
  plugins.columns = {Column("id", String(36)).not_null()};
  schema::SchemaModel model;
  model.apply(CreateTable{jobs});
  model.apply(CreateTable{plugins});
  return model;
}

// The message of the conflict `op` raises, or "" when it applies.
std::string conflict(const Op& op) {
  schema::SchemaModel model = with_jobs();
  try {
    model.apply(op);
  } catch (const schema::SchemaConflictError& e) {
    return e.what();
  }
  return "";
}

AlterColumn alter(const std::string& column) {
  AlterColumn op;
  op.table = "jobs";
  op.column = column;
  return op;
}

}  // namespace

TEST_CASE("a schema conflict is a revision error with the revision exit code") {
  schema::SchemaModel model = with_jobs();
  CHECK_THROWS_AS(model.apply(AddColumn{"jobs", Column("name", Text())}), RevisionError);
  try {
    model.apply(AddColumn{"jobs", Column("name", Text())});
  } catch (const HostError& e) {
    CHECK(e.code() == ExitCode::Revision);
  }
}

TEST_CASE("conflicting table ops name the op and the table") {
  CHECK(conflict(CreateTable{*with_jobs().table("plugins")}) ==
        "create_table plugins: table plugins already exists");
  CHECK(conflict(RenameTable{"jobs", "plugins"}) ==
        "rename_table jobs to plugins: table plugins already exists");
  CHECK(conflict(RenameTable{"jobs", "jobs"}) ==
        "rename_table jobs to jobs: table jobs already has that name");
  Table twice;
  twice.name = "twice";
  twice.columns = {Column("a", Integer()), Column("a", Text())};
  CHECK(conflict(CreateTable{twice}) == "create_table twice: table twice declares column a twice");
  Table dangling;
  dangling.name = "dangling";
  dangling.columns = {Column("a", Integer())};
  dangling.constraints = {Unique({"b"})};
  CHECK(conflict(CreateTable{dangling}).find("names column b") != std::string::npos);
}

TEST_CASE("conflicting column ops name the op and the table") {
  CHECK(conflict(AddColumn{"jobs", Column("name", Text())}) ==
        "add_column jobs.name: table jobs already has a column name");
  CHECK(conflict(DropColumn{"jobs", "missing"}) ==
        "drop_column jobs.missing: table jobs has no column missing");
  CHECK(conflict(alter("missing")) ==
        "alter_column jobs.missing: table jobs has no column missing");
  AlterColumn onto_existing = alter("name");
  onto_existing.new_name = "tenant_id";
  CHECK(conflict(onto_existing) ==
        "alter_column jobs.name: table jobs already has a column tenant_id");
  CHECK(conflict(BulkInsert{"jobs", {"id", "missing"}, {}}) ==
        "bulk_insert jobs (0 rows): table jobs has no column missing");
}

TEST_CASE("conflicting index and constraint ops name the op and the table") {
  CHECK(conflict(CreateIndex{Index{"ix_jobs_tenant", "plugins", {"id"}, false}}) ==
        "create_index ix_jobs_tenant on plugins: an index named ix_jobs_tenant already exists, on "
        "table jobs");
  CHECK(conflict(CreateIndex{Index{"ix_x", "jobs", {"missing"}, false}}) ==
        "create_index ix_x on jobs: table jobs has no column missing");
  CHECK(conflict(DropIndex{"ix_missing", "jobs"}) ==
        "drop_index ix_missing: table jobs has no index named ix_missing");
  CHECK(conflict(AddConstraint{"jobs", PrimaryKey({"name"})}) ==
        "create primary key on jobs: table jobs already has a primary key");
  CHECK(conflict(AddConstraint{"jobs", Unique({"id"}, "uq_jobs_name")}) ==
        "create unique constraint uq_jobs_name on jobs: table jobs already has a constraint named "
        "uq_jobs_name");
  CHECK(conflict(AddConstraint{"jobs", ForeignKey({"missing"}, "plugins", {"id"})}) ==
        "create foreign key on jobs: table jobs has no column missing");
  CHECK(conflict(DropConstraint{"jobs", "uq_missing", ConstraintKind::Unique}) ==
        "drop_constraint uq_missing on jobs: table jobs has no constraint named uq_missing");
}

TEST_CASE("ops that agree with the known tables apply without error") {
  CHECK(conflict(AddColumn{"jobs", Column("description", Text())}) == "");
  CHECK(conflict(DropConstraint{"jobs", "uq_jobs_name", ConstraintKind::Unique}) == "");
  CHECK(conflict(DropIndex{"ix_jobs_tenant", "jobs"}) == "");
  CHECK(conflict(AddConstraint{"jobs", ForeignKey({"tenant_id"}, "plugins", {"id"}, "fk_t")}) ==
        "");
}

TEST_CASE("ops on tables the model does not know are tolerated") {
  schema::SchemaModel model = with_jobs();
  const Schema before = model.tables();
  AlterColumn unknown_alter;
  unknown_alter.table = "clusters";
  unknown_alter.column = "status";
  unknown_alter.type = Text();
  model.apply(AddColumn{"clusters", Column("x", Text())});
  model.apply(DropColumn{"clusters", "x"});
  model.apply(unknown_alter);
  model.apply(CreateIndex{Index{"ix_c", "clusters", {"x"}, false}});
  model.apply(DropIndex{"ix_unknown", ""});
  model.apply(AddConstraint{"clusters", Unique({"x"})});
  model.apply(DropConstraint{"clusters", "uq", ConstraintKind::Unique});
  model.apply(DropTable{"clusters"});
  model.apply(RenameTable{"clusters", "clusters_old"});
  model.apply(BulkInsert{"clusters", {"x"}, {}});
  CHECK(model.tables() == before);
}
