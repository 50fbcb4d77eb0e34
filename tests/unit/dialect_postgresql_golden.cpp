// Golden SQL of the PostgreSQL dialect: types, quoting, every op and the version table, in the
// shapes Alembic's offline PostgreSQL script shows (SQLAlchemy 1.4, Alembic's PostgresqlImpl).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "postgresql/postgresql_dialect.hpp"
#include "schema/schema_model.hpp"
#include "sdm/error.hpp"
#include "sdm/operations.hpp"

namespace {

using namespace sdm;

const postgresql::PostgresqlDialect dialect;
const schema::SchemaModel no_tables;

std::vector<std::string> render(const Op& op) {
  return dialect.render(op, no_tables);
}

std::string render_one(const Op& op) {
  const auto statements = render(op);
  REQUIRE(statements.size() == 1);
  return statements.front();
}

AlterColumn alter(const std::string& table, const std::string& column) {
  AlterColumn op;
  op.table = table;
  op.column = column;
  return op;
}

}  // namespace

TEST_CASE("postgresql dialect identifies itself as Alembic's PostgresqlImpl") {
  CHECK(dialect.name() == "postgresql");
  const DialectTraits traits = dialect.traits();
  CHECK(traits.transactional_ddl);
  CHECK(traits.offline_begin_commit);
  CHECK(traits.offline_insert_returning);
  CHECK(traits.alembic_impl_name == "PostgresqlImpl");
}

TEST_CASE("postgresql type names") {
  CHECK(dialect.render_type(Integer()) == "INTEGER");
  CHECK(dialect.render_type(BigInteger()) == "BIGINT");
  CHECK(dialect.render_type(SmallInteger()) == "SMALLINT");
  CHECK(dialect.render_type(Boolean()) == "BOOLEAN");
  CHECK(dialect.render_type(String(36)) == "VARCHAR(36)");
  CHECK(dialect.render_type(String()) == "VARCHAR");
  CHECK(dialect.render_type(Text()) == "TEXT");
  CHECK(dialect.render_type(LongText()) == "TEXT");
  CHECK(dialect.render_type(Float()) == "FLOAT");
  CHECK(dialect.render_type(Numeric(10, 2)) == "NUMERIC(10, 2)");
  CHECK(dialect.render_type(Numeric()) == "NUMERIC");
  CHECK(dialect.render_type(Date()) == "DATE");
  CHECK(dialect.render_type(DateTime()) == "TIMESTAMP WITHOUT TIME ZONE");
  CHECK(dialect.render_type(Time()) == "TIME WITHOUT TIME ZONE");
  CHECK(dialect.render_type(LargeBinary()) == "BYTEA");
  CHECK(dialect.render_type(Raw("JSONB")) == "JSONB");
}

TEST_CASE("a type variant for postgresql wins, variants for other dialects are ignored") {
  // Sahara's LargeBinary and LongText carry MySQL variants only.
  CHECK(dialect.render_type(LargeBinary().with_variant("mysql", "LONGBLOB")) == "BYTEA");
  CHECK(dialect.render_type(LongText().with_variant("mysql", "LONGTEXT")) == "TEXT");
  CHECK(dialect.render_type(Text().with_variant("postgresql", "JSONB")) == "JSONB");
  CHECK_THROWS_AS(dialect.render_type(Raw("")), Error);
}

TEST_CASE("postgresql quotes identifiers as SQLAlchemy does") {
  CHECK(dialect.quote("cluster_id") == "cluster_id");
  CHECK(dialect.quote("Job_id") == "\"Job_id\"");
  CHECK(dialect.quote("JobBinary_id") == "\"JobBinary_id\"");
  CHECK(dialect.quote("order") == "\"order\"");
  CHECK(dialect.quote("default") == "\"default\"");
  CHECK(dialect.quote("user") == "\"user\"");
  CHECK(dialect.quote("limit") == "\"limit\"");
  // Reserved on other databases, not in PostgreSQL's set.
  CHECK(dialect.quote("index") == "index");
  CHECK(dialect.quote("key") == "key");
  CHECK(dialect.quote("name") == "name");
  CHECK(dialect.quote("count") == "count");
  CHECK(dialect.quote("1st") == "\"1st\"");
  CHECK(dialect.quote("two words") == "\"two words\"");
  CHECK(dialect.quote("say\"hi") == "\"say\"\"hi\"");
  CHECK_THROWS_AS(dialect.quote(""), Error);
}

TEST_CASE("postgresql CREATE TABLE: DEFAULT before NOT NULL, MySQL options ignored") {
  Table table;
  table.name = "job_interface_arguments";
  table.columns = {Column("id", String(36)).not_null(),
                   Column("job_id", String(36)).not_null(),
                   Column("order", SmallInteger()).not_null(),
                   Column("default", Text()),
                   Column("required", Boolean()).not_null().default_sql("false"),
                   Column("created_at", DateTime()),
                   Column("data", LargeBinary().with_variant("mysql", "LONGBLOB"))};
  table.constraints = {ForeignKey({"job_id"}, "jobs", {"id"}).on_delete("CASCADE"),
                       PrimaryKey({"id"}), Unique({"job_id", "order"}),
                       Check("\"order\" >= 0", "ck_order")};
  table.options = {{"mysql_engine", "InnoDB"}, {"mysql_charset", "utf8"}};
  CHECK(render_one(CreateTable{table}) ==
        "CREATE TABLE job_interface_arguments (\n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    job_id VARCHAR(36) NOT NULL, \n"
        "    \"order\" SMALLINT NOT NULL, \n"
        "    \"default\" TEXT, \n"
        "    required BOOLEAN DEFAULT false NOT NULL, \n"
        "    created_at TIMESTAMP WITHOUT TIME ZONE, \n"
        "    data BYTEA, \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(job_id) REFERENCES jobs (id) ON DELETE CASCADE, \n"
        "    UNIQUE (job_id, \"order\"), \n"
        "    CONSTRAINT ck_order CHECK (\"order\" >= 0)\n"
        ")");
}

TEST_CASE("postgresql CREATE TABLE with named constraints, ON UPDATE, and its indexes after it") {
  // The integer key is numbered by the database, as SQLAlchemy writes it: SERIAL.
  Table table;
  table.name = "Events";
  table.columns = {Column("id", Integer()).not_null(), Column("step_id", String(36))};
  table.constraints = {PrimaryKey({"id"}, "pk_events"),
                       ForeignKey({"step_id"}, "steps", {"id"}, "fk_step").on_update("SET NULL")};
  table.indexes = {Index{"ix_events_step", "", {"step_id"}, false},
                   Index{"uq_events_step", "", {"step_id", "id"}, true}};
  const auto statements = render(CreateTable{table});
  REQUIRE(statements.size() == 3);
  CHECK(statements[0] ==
        "CREATE TABLE \"Events\" (\n"
        "    id SERIAL NOT NULL, \n"
        "    step_id VARCHAR(36), \n"
        "    CONSTRAINT pk_events PRIMARY KEY (id), \n"
        "    CONSTRAINT fk_step FOREIGN KEY(step_id) REFERENCES steps (id) ON UPDATE SET NULL\n"
        ")");
  CHECK(statements[1] == "CREATE INDEX ix_events_step ON \"Events\" (step_id)");
  CHECK(statements[2] == "CREATE UNIQUE INDEX uq_events_step ON \"Events\" (step_id, id)");
}

TEST_CASE("postgresql table options follow ')' one per line, in SQLAlchemy's order") {
  Table table;
  table.name = "measurements";
  table.columns = {Column("id", Integer()).not_null()};
  table.options = {{"postgresql_tablespace", "Fast"},
                   {"postgresql_partition_by", "RANGE (id)"},
                   {"postgresql_inherits", "base, Other"},
                   {"mysql_engine", "InnoDB"}};
  CHECK(render_one(CreateTable{table}) ==
        "CREATE TABLE measurements (\n"
        "    id INTEGER NOT NULL\n"
        ")\n INHERITS ( base, \"Other\" )\n PARTITION BY RANGE (id)\n TABLESPACE \"Fast\"");
  table.options = {{"postgresql_on_commit", "delete_rows"}};
  CHECK(render_one(CreateTable{table}) ==
        "CREATE TABLE measurements (\n    id INTEGER NOT NULL\n)\n ON COMMIT DELETE ROWS");
}

TEST_CASE("a postgresql table option the dialect does not know is an error, not ignored") {
  Table table;
  table.name = "t";
  table.columns = {Column("id", Integer())};
  table.options = {{"postgresql_with_oids", "true"}};
  CHECK_THROWS_WITH_AS(render(CreateTable{table}),
                       doctest::Contains("unsupported table option postgresql_with_oids"), Error);
}

TEST_CASE("postgresql DROP TABLE, ADD COLUMN, DROP COLUMN and RENAME TO") {
  CHECK(render_one(DropTable{"plugin_data"}) == "DROP TABLE plugin_data");
  CHECK(render_one(AddColumn{"clusters", Column("rollback_info", Text())}) ==
        "ALTER TABLE clusters ADD COLUMN rollback_info TEXT");
  CHECK(render_one(AddColumn{"node_groups", Column("boot_from_volume", Boolean()).not_null()}) ==
        "ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOLEAN NOT NULL");
  CHECK(render_one(AddColumn{"clusters", Column("is_public", Boolean()).default_sql("true")}) ==
        "ALTER TABLE clusters ADD COLUMN is_public BOOLEAN DEFAULT true");
  CHECK(render_one(AddColumn{"libs_association", Column("Job_id", String(36))}) ==
        "ALTER TABLE libs_association ADD COLUMN \"Job_id\" VARCHAR(36)");
  CHECK(render_one(DropColumn{"job_executions", "progress"}) ==
        "ALTER TABLE job_executions DROP COLUMN progress");
  CHECK(render_one(DropColumn{"args", "order"}) == "ALTER TABLE args DROP COLUMN \"order\"");
  CHECK(render_one(RenameTable{"old_events", "Events"}) ==
        "ALTER TABLE old_events RENAME TO \"Events\"");
}

TEST_CASE("postgresql ALTER COLUMN: type, nullability, default, then the rename") {
  AlterColumn everything = alter("job_executions", "oozie_job_id");
  everything.type = String(100);
  everything.nullable = false;
  everything.server_default = DefaultChange("'none'");
  everything.new_name = "engine_job_id";
  CHECK(render(everything) ==
        std::vector<std::string>{
            "ALTER TABLE job_executions ALTER COLUMN oozie_job_id TYPE VARCHAR(100)",
            "ALTER TABLE job_executions ALTER COLUMN oozie_job_id SET NOT NULL",
            "ALTER TABLE job_executions ALTER COLUMN oozie_job_id SET DEFAULT 'none'",
            "ALTER TABLE job_executions RENAME oozie_job_id TO engine_job_id"});

  AlterColumn loosen = alter("instances", "internal_ip");
  loosen.nullable = true;
  loosen.server_default = DefaultChange(std::nullopt);
  CHECK(render(loosen) ==
        std::vector<std::string>{"ALTER TABLE instances ALTER COLUMN internal_ip DROP NOT NULL",
                                 "ALTER TABLE instances ALTER COLUMN internal_ip DROP DEFAULT"});

  AlterColumn types = alter("clusters", "status_description");
  types.type = Text();
  CHECK(render_one(types) == "ALTER TABLE clusters ALTER COLUMN status_description TYPE TEXT");
  types.type = DateTime();
  CHECK(render_one(types) ==
        "ALTER TABLE clusters ALTER COLUMN status_description TYPE TIMESTAMP WITHOUT TIME ZONE");

  AlterColumn quoted = alter("args", "order");
  quoted.new_name = "Position";
  CHECK(render_one(quoted) == "ALTER TABLE args RENAME \"order\" TO \"Position\"");

  AlterColumn same_name = alter("args", "name");
  same_name.new_name = "name";
  CHECK(render(same_name).empty());
}

TEST_CASE("postgresql adds and drops constraints with ALTER TABLE") {
  CHECK(render_one(AddConstraint{"jobs", PrimaryKey({"id"}, "jobs_pkey")}) ==
        "ALTER TABLE jobs ADD CONSTRAINT jobs_pkey PRIMARY KEY (id)");
  CHECK(render_one(AddConstraint{"args", Unique({"job_id", "order"}, "uq_args_order")}) ==
        "ALTER TABLE args ADD CONSTRAINT uq_args_order UNIQUE (job_id, \"order\")");
  CHECK(render_one(AddConstraint{
            "libs_association",
            ForeignKey({"Job_id"}, "jobs", {"id"}, "fk_job").on_delete("SET NULL")}) ==
        "ALTER TABLE libs_association ADD CONSTRAINT fk_job FOREIGN KEY(\"Job_id\") "
        "REFERENCES jobs (id) ON DELETE SET NULL");
  CHECK(render_one(AddConstraint{"clusters", Check("anti_affinity_ratio > 0", "ck_ratio")}) ==
        "ALTER TABLE clusters ADD CONSTRAINT ck_ratio CHECK (anti_affinity_ratio > 0)");
  CHECK(render_one(DropConstraint{"args", "uq_args_order", ConstraintKind::Unique}) ==
        "ALTER TABLE args DROP CONSTRAINT uq_args_order");
  // PostgreSQL drops every kind the same way.
  CHECK(render_one(DropConstraint{"libs_association", "libs_association_Job_id_fkey",
                                  ConstraintKind::ForeignKey}) ==
        "ALTER TABLE libs_association DROP CONSTRAINT \"libs_association_Job_id_fkey\"");
  CHECK(render_one(DropConstraint{"jobs", "jobs_pkey", ConstraintKind::PrimaryKey}) ==
        "ALTER TABLE jobs DROP CONSTRAINT jobs_pkey");
  CHECK_THROWS_AS(render(DropConstraint{"jobs", "", ConstraintKind::Unique}), Error);
}

TEST_CASE("postgresql CREATE INDEX and DROP INDEX (no table name)") {
  CHECK(render_one(CreateIndex{Index{"ix_jobs_name", "jobs", {"name", "tenant_id"}, false}}) ==
        "CREATE INDEX ix_jobs_name ON jobs (name, tenant_id)");
  CHECK(render_one(CreateIndex{Index{"uq_order", "args", {"job_id", "order"}, true}}) ==
        "CREATE UNIQUE INDEX uq_order ON args (job_id, \"order\")");
  CHECK(render_one(DropIndex{"ix_jobs_name", "jobs"}) == "DROP INDEX ix_jobs_name");
}

TEST_CASE("execute picks the postgresql entry, else the one for every dialect") {
  CHECK(render_one(Execute{
            {{"mysql", "SELECT 1"}, {"postgresql", "SELECT 2"}, {"", "SELECT 3"}}}) == "SELECT 2");
  CHECK(render_one(Execute{{{"sqlite", "SELECT 1"}, {"", "SELECT 3"}}}) == "SELECT 3");
  CHECK_THROWS_WITH_AS(render(Execute{{{"sqlite", "SELECT 1"}}}),
                       doctest::Contains("dialect postgresql"), Error);
}

TEST_CASE("postgresql bulk insert: true/false, quotes doubled, backslashes kept as they are") {
  BulkInsert op;
  op.table = "plugin_data";
  op.columns = {"id", "name", "enabled", "weight", "ratio", "note", "order"};
  op.rows = {{std::string("p1"), std::string("O'Neil"), true, std::int64_t{-3}, 2.5,
              std::monostate{}, std::int64_t{1}},
             {std::string("p2"), std::string("back\\slash"), false, std::int64_t{0}, 1.0,
              std::string(""), std::int64_t{2}}};
  const auto statements = render(op);
  REQUIRE(statements.size() == 2);
  CHECK(statements[0] ==
        "INSERT INTO plugin_data (id, name, enabled, weight, ratio, note, \"order\") "
        "VALUES ('p1', 'O''Neil', true, -3, 2.5, NULL, 1)");
  // standard_conforming_strings: one backslash in the SQL is one backslash in the data.
  CHECK(statements[1] ==
        "INSERT INTO plugin_data (id, name, enabled, weight, ratio, note, \"order\") "
        "VALUES ('p2', 'back\\slash', false, 0, 1.0, '', 2)");
}

TEST_CASE("postgresql version table statements are Alembic's, RETURNING offline only") {
  CHECK(dialect.create_version_table("alembic_version") ==
        "CREATE TABLE alembic_version (\n"
        "    version_num VARCHAR(32) NOT NULL, \n"
        "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
        ")");
  CHECK(dialect.insert_version("alembic_version", "001", false) ==
        "INSERT INTO alembic_version (version_num) VALUES ('001')");
  CHECK(dialect.insert_version("alembic_version", "001", true) ==
        "INSERT INTO alembic_version (version_num) VALUES ('001') "
        "RETURNING alembic_version.version_num");
  CHECK(dialect.update_version("alembic_version", "001", "002") ==
        "UPDATE alembic_version SET version_num='002' WHERE alembic_version.version_num = '001'");
  CHECK(dialect.delete_version("alembic_version", "035") ==
        "DELETE FROM alembic_version WHERE alembic_version.version_num = '035'");
  CHECK(dialect.select_versions("alembic_version") == "SELECT version_num FROM alembic_version");
  CHECK(dialect.drop_version_table("alembic_version") == "DROP TABLE alembic_version");
  CHECK(dialect.begin_statement() == "BEGIN");
  CHECK(dialect.commit_statement() == "COMMIT");
}

TEST_CASE("a postgresql version table name that needs quotes is quoted everywhere") {
  CHECK(dialect.create_version_table("Versions") ==
        "CREATE TABLE \"Versions\" (\n"
        "    version_num VARCHAR(32) NOT NULL, \n"
        "    CONSTRAINT \"Versions_pkc\" PRIMARY KEY (version_num)\n"
        ")");
  CHECK(
      dialect.insert_version("Versions", "a'b", true) ==
      "INSERT INTO \"Versions\" (version_num) VALUES ('a''b') RETURNING \"Versions\".version_num");
  CHECK(dialect.update_version("Versions", "a'b", "c") ==
        "UPDATE \"Versions\" SET version_num='c' WHERE \"Versions\".version_num = 'a''b'");
}

TEST_CASE("postgresql numbers an integer key with SERIAL, as SQLAlchemy 1.4 writes it") {
  Operations op;
  op.create_table("events", {Column("id", Integer()).primary_key(),
                             Column("cluster_id", String(36)).references("clusters.id").index(),
                             Column("code", String(8)).unique()});
  const auto statements = render(op.ops().front());
  REQUIRE(statements.size() == 2);
  CHECK(statements[0] ==
        "CREATE TABLE events (\n"
        "    id SERIAL NOT NULL, \n"
        "    cluster_id VARCHAR(36), \n"
        "    code VARCHAR(8), \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_id) REFERENCES clusters (id), \n"
        "    UNIQUE (code)\n"
        ")");
  CHECK(statements[1] == "CREATE INDEX ix_events_cluster_id ON events (cluster_id)");
  auto key_of = [&](Column key) {
    Table table;
    table.name = "t";
    table.columns = {std::move(key)};
    table.constraints = {PrimaryKey({"id"})};
    return dialect.render_create_table(table);
  };
  CHECK(key_of(Column("id", BigInteger()).not_null()) ==
        "CREATE TABLE t (\n    id BIGSERIAL NOT NULL, \n    PRIMARY KEY (id)\n)");
  CHECK(key_of(Column("id", SmallInteger()).not_null()) ==
        "CREATE TABLE t (\n    id SMALLSERIAL NOT NULL, \n    PRIMARY KEY (id)\n)");
  CHECK(key_of(Column("id", Integer()).not_null().autoincrement(false)) ==
        "CREATE TABLE t (\n    id INTEGER NOT NULL, \n    PRIMARY KEY (id)\n)");
  CHECK(key_of(Column("id", Integer()).not_null().default_sql("7")) ==
        "CREATE TABLE t (\n    id INTEGER DEFAULT 7 NOT NULL, \n    PRIMARY KEY (id)\n)");
  CHECK(key_of(Column("id", String(36)).not_null()) ==
        "CREATE TABLE t (\n    id VARCHAR(36) NOT NULL, \n    PRIMARY KEY (id)\n)");
}
