// Golden SQL of the SQLite dialect: types, quoting, every op and the version table, in the
// shapes Alembic's offline SQLite script shows.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "schema/schema_model.hpp"
#include "sdm/error.hpp"
#include "sdm/operations.hpp"
#include "sqlite/sqlite_dialect.hpp"
#include "unit/dialect_checks.hpp"

namespace {

using namespace sdm;
using sdm::test::no_tables;

const sqlite::SqliteDialect dialect;

std::vector<std::string> render(const Op& op) {
  return dialect.render(op, no_tables);
}

std::string render_one(const Op& op) {
  const auto statements = render(op);
  REQUIRE(statements.size() == 1);
  return statements.front();
}

}  // namespace

TEST_CASE("sqlite dialect identifies itself as Alembic's SQLiteImpl") {
  CHECK(dialect.name() == "sqlite");
  const DialectTraits traits = dialect.traits();
  CHECK(traits.transactional_ddl);
  CHECK_FALSE(traits.offline_begin_commit);
  CHECK_FALSE(traits.offline_insert_returning);
  CHECK(traits.alembic_impl_name == "SQLiteImpl");
}

TEST_CASE("sqlite type names") {
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
  CHECK(dialect.render_type(DateTime()) == "DATETIME");
  CHECK(dialect.render_type(Time()) == "TIME");
  CHECK(dialect.render_type(LargeBinary()) == "BLOB");
  CHECK(dialect.render_type(Raw("JSON")) == "JSON");
}

TEST_CASE("a type variant for sqlite wins, variants for other dialects are ignored") {
  const Type sahara_large_binary = LargeBinary().with_variant("mysql", "LONGBLOB");
  CHECK(dialect.render_type(sahara_large_binary) == "BLOB");
  CHECK(dialect.render_type(Text().with_variant("sqlite", "CLOB")) == "CLOB");
  CHECK_THROWS_AS(dialect.render_type(Raw("")), Error);
}

TEST_CASE("sqlite quotes identifiers as SQLAlchemy does") {
  CHECK(dialect.quote("cluster_id") == "cluster_id");
  CHECK(dialect.quote("Job_id") == "\"Job_id\"");
  CHECK(dialect.quote("JobBinary_id") == "\"JobBinary_id\"");
  CHECK(dialect.quote("order") == "\"order\"");
  CHECK(dialect.quote("default") == "\"default\"");
  CHECK(dialect.quote("index") == "\"index\"");
  CHECK(dialect.quote("key") == "\"key\"");
  // Reserved elsewhere, not in SQLite's set.
  CHECK(dialect.quote("user") == "user");
  CHECK(dialect.quote("name") == "name");
  CHECK(dialect.quote("1st") == "\"1st\"");
  CHECK(dialect.quote("$x") == "\"$x\"");
  CHECK(dialect.quote("a$b") == "a$b");
  CHECK(dialect.quote("two words") == "\"two words\"");
  CHECK(dialect.quote("say\"hi") == "\"say\"\"hi\"");
  CHECK(dialect.quote("_sdm_tmp_jobs") == "_sdm_tmp_jobs");
  CHECK_THROWS_AS(dialect.quote(""), Error);
}

TEST_CASE("sqlite CREATE TABLE: columns, primary key first, constraints in declaration order") {
  Table table;
  table.name = "job_interface_arguments";
  table.columns = {Column("id", String(36)).not_null(), Column("job_id", String(36)).not_null(),
                   Column("order", SmallInteger()).not_null(), Column("default", Text()),
                   Column("required", Boolean()).not_null().default_sql("0")};
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
        "    required BOOLEAN DEFAULT 0 NOT NULL, \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(job_id) REFERENCES jobs (id) ON DELETE CASCADE, \n"
        "    UNIQUE (job_id, \"order\"), \n"
        "    CONSTRAINT ck_order CHECK (\"order\" >= 0)\n"
        ")");
}

TEST_CASE("sqlite CREATE TABLE with named constraints, ON UPDATE, and its indexes after it") {
  Table table;
  table.name = "Events";
  table.columns = {Column("id", Integer()).not_null(), Column("step_id", String(36))};
  table.constraints = {PrimaryKey({"id"}, "pk_events"),
                       ForeignKey({"step_id"}, "steps", {"id"}, "fk_step").on_update("SET NULL")};
  table.indexes = {Index{"ix_events_step", "", {"step_id"}, false}};
  const auto statements = render(CreateTable{table});
  REQUIRE(statements.size() == 2);
  CHECK(statements[0] ==
        "CREATE TABLE \"Events\" (\n"
        "    id INTEGER NOT NULL, \n"
        "    step_id VARCHAR(36), \n"
        "    CONSTRAINT pk_events PRIMARY KEY (id), \n"
        "    CONSTRAINT fk_step FOREIGN KEY(step_id) REFERENCES steps (id) ON UPDATE SET NULL\n"
        ")");
  CHECK(statements[1] == "CREATE INDEX ix_events_step ON \"Events\" (step_id)");
}

TEST_CASE("a foreign key action outside SQL's list is refused, not spliced into the DDL") {
  Table table;
  table.name = "t";
  table.columns = {Column("p", Integer())};
  table.constraints = {ForeignKey({"p"}, "parents", {"id"}).on_delete("CASCADE; DROP TABLE x")};
  CHECK_THROWS_AS(render(CreateTable{table}), Error);
}

TEST_CASE("sqlite DROP TABLE, ADD COLUMN, DROP COLUMN and RENAME") {
  CHECK(render_one(DropTable{"plugin_data"}) == "DROP TABLE plugin_data");
  CHECK(render_one(AddColumn{"clusters", Column("rollback_info", Text())}) ==
        "ALTER TABLE clusters ADD COLUMN rollback_info TEXT");
  CHECK(render_one(AddColumn{"clusters", Column("is_public", Boolean()).default_sql("0")}) ==
        "ALTER TABLE clusters ADD COLUMN is_public BOOLEAN DEFAULT 0");
  CHECK(render_one(DropColumn{"job_executions", "progress"}) ==
        "ALTER TABLE job_executions DROP COLUMN progress");
  CHECK(render_one(RenameTable{"old_events", "Events"}) ==
        "ALTER TABLE old_events RENAME TO \"Events\"");
  AlterColumn rename;
  rename.table = "job_executions";
  rename.column = "oozie_job_id";
  rename.new_name = "engine_job_id";
  CHECK(render_one(rename) ==
        "ALTER TABLE job_executions RENAME COLUMN oozie_job_id TO engine_job_id");
}

TEST_CASE("sqlite CREATE INDEX and DROP INDEX") {
  CHECK(render_one(CreateIndex{Index{"ix_jobs_name", "jobs", {"name", "tenant_id"}, false}}) ==
        "CREATE INDEX ix_jobs_name ON jobs (name, tenant_id)");
  CHECK(render_one(CreateIndex{Index{"uq_order", "args", {"job_id", "order"}, true}}) ==
        "CREATE UNIQUE INDEX uq_order ON args (job_id, \"order\")");
  CHECK(render_one(DropIndex{"ix_jobs_name", "jobs"}) == "DROP INDEX ix_jobs_name");
}

TEST_CASE("execute picks the sqlite entry, else the one for every dialect") {
  CHECK(render_one(Execute{
            {{"postgresql", "SELECT 1"}, {"sqlite", "SELECT 2"}, {"", "SELECT 3"}}}) == "SELECT 2");
  CHECK(render_one(Execute{{{"postgresql", "SELECT 1"}, {"", "SELECT 3"}}}) == "SELECT 3");
}

TEST_CASE("execute without SQL for sqlite names the dialect in its error") {
  const Op op = Execute{{{"postgresql", "SELECT 1"}, {"mysql", "SELECT 1"}}};
  std::string message;
  try {
    render(op);
  } catch (const Error& e) {
    message = e.what();
  }
  CHECK(message.find("sqlite") != std::string::npos);
  CHECK(message.find("postgresql, mysql") != std::string::npos);
}

TEST_CASE("bulk insert writes one INSERT per row with literal values") {
  BulkInsert op;
  op.table = "plugin_data";
  op.columns = {"id", "name", "enabled", "weight", "ratio", "note"};
  op.rows = {
      {std::string("p1"), std::string("O'Neil"), true, std::int64_t{-3}, 2.5, std::monostate{}},
      {std::string("p2"), std::string("back\\slash"), false, std::int64_t{0}, 1.0,
       std::string("")}};
  const auto statements = render(op);
  REQUIRE(statements.size() == 2);
  CHECK(statements[0] ==
        "INSERT INTO plugin_data (id, name, enabled, weight, ratio, note) "
        "VALUES ('p1', 'O''Neil', 1, -3, 2.5, NULL)");
  CHECK(statements[1] ==
        "INSERT INTO plugin_data (id, name, enabled, weight, ratio, note) "
        "VALUES ('p2', 'back\\slash', 0, 0, 1.0, '')");
}

TEST_CASE("bulk insert refuses a row whose length does not match the columns") {
  BulkInsert op;
  op.table = "t";
  op.columns = {"a", "b"};
  op.rows = {{std::int64_t{1}}};
  CHECK_THROWS_AS(render(op), Error);
}

TEST_CASE("sqlite version table statements are Alembic's") {
  CHECK(dialect.create_version_table("alembic_version") ==
        "CREATE TABLE alembic_version (\n"
        "    version_num VARCHAR(32) NOT NULL, \n"
        "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
        ")");
  CHECK(dialect.insert_version("alembic_version", "001", false) ==
        "INSERT INTO alembic_version (version_num) VALUES ('001')");
  // No RETURNING on SQLite, offline or not.
  CHECK(dialect.insert_version("alembic_version", "001", true) ==
        "INSERT INTO alembic_version (version_num) VALUES ('001')");
  CHECK(dialect.update_version("alembic_version", "001", "002") ==
        "UPDATE alembic_version SET version_num='002' WHERE alembic_version.version_num = '001'");
  CHECK(dialect.delete_version("alembic_version", "035") ==
        "DELETE FROM alembic_version WHERE alembic_version.version_num = '035'");
  CHECK(dialect.drop_version_table("alembic_version") == "DROP TABLE alembic_version");
  CHECK(dialect.begin_statement() == "BEGIN");
  CHECK(dialect.commit_statement() == "COMMIT");
}

TEST_CASE("a version table name that needs quotes is quoted everywhere") {
  CHECK(dialect.create_version_table("Versions") ==
        "CREATE TABLE \"Versions\" (\n"
        "    version_num VARCHAR(32) NOT NULL, \n"
        "    CONSTRAINT \"Versions_pkc\" PRIMARY KEY (version_num)\n"
        ")");
  CHECK(dialect.update_version("Versions", "a'b", "c") ==
        "UPDATE \"Versions\" SET version_num='c' WHERE \"Versions\".version_num = 'a''b'");
}

TEST_CASE("sqlite numbers an integer key as the rowid, AUTOINCREMENT only when asked for") {
  Operations op;
  op.create_table("events", {Column("id", BigInteger()).primary_key(),
                             Column("cluster_id", String(36)).references("clusters.id").index(),
                             Column("code", String(8)).unique()});
  const auto statements = render(op.ops().front());
  REQUIRE(statements.size() == 2);
  // BIGINT would not be the rowid: the key is written INTEGER, SQLite's 64-bit integer.
  CHECK(statements[0] ==
        "CREATE TABLE events (\n"
        "    id INTEGER NOT NULL, \n"
        "    cluster_id VARCHAR(36), \n"
        "    code VARCHAR(8), \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_id) REFERENCES clusters (id), \n"
        "    UNIQUE (code)\n"
        ")");
  CHECK(statements[1] == "CREATE INDEX ix_events_cluster_id ON events (cluster_id)");
  Table never_reused;
  never_reused.name = "jobs";
  never_reused.columns = {Column("id", Integer()).not_null(), Column("name", String(20))};
  never_reused.constraints = {PrimaryKey({"id"})};
  never_reused.options = {{"sqlite_autoincrement", "true"}};
  CHECK(dialect.render_create_table(never_reused) ==
        "CREATE TABLE jobs (\n"
        "    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n"
        "    name VARCHAR(20)\n"
        ")");
}

TEST_CASE("sqlite adds a column ALTER cannot add by rebuilding the table") {
  Operations op;
  op.create_table("clusters", {Column("id", String(36)).primary_key(), Column("name", Text())});
  schema::SchemaModel model;
  model.apply(op.ops());
  const std::vector<std::string> swap = {
      "INSERT INTO _sdm_tmp_clusters (id, name) SELECT id, name FROM clusters",
      "DROP TABLE clusters", "ALTER TABLE _sdm_tmp_clusters RENAME TO clusters"};
  auto rebuilt_with = [&](const std::string& column) {
    std::vector<std::string> statements = {
        "CREATE TABLE _sdm_tmp_clusters (\n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    name TEXT, \n    " +
        column + ", \n    PRIMARY KEY (id)\n)"};
    statements.insert(statements.end(), swap.begin(), swap.end());
    return statements;
  };
  CHECK(dialect.render(
            AddColumn{"clusters",
                      Column("created_at", DateTime()).not_null().default_sql("CURRENT_TIMESTAMP")},
            model) == rebuilt_with("created_at DATETIME DEFAULT CURRENT_TIMESTAMP "
                                   "NOT NULL"));
  CHECK(dialect.render(AddColumn{"clusters", Column("n", Integer()).not_null()}, model) ==
        rebuilt_with("n INTEGER NOT NULL"));
  // Constants need no rebuild.
  for (const char* constant : {"0", "-1.5e3", "'it''s'", "NULL", "TRUE", "X'00ff'"})
    CHECK(dialect.render(AddColumn{"clusters", Column("c", Text()).default_sql(constant)}, model) ==
          std::vector<std::string>{"ALTER TABLE clusters ADD COLUMN c "
                                   "TEXT DEFAULT " +
                                   std::string(constant)});
  // Without the table's definition, the error says how to go on.
  CHECK_THROWS_WITH_AS(
      render(AddColumn{"clusters", Column("at", DateTime()).default_sql("(datetime('now'))")}),
      doctest::Contains("needs a rebuild of table clusters"), Error);
}
