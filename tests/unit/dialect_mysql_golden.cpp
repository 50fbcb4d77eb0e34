// Golden SQL of the MySQL dialect: types, backtick quoting, every op, MODIFY/CHANGE with the
// column's full definition, table options and the version table, in the shapes Alembic's
// offline MySQL script shows.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "mysql/mysql_dialect.hpp"
#include "schema/schema_model.hpp"
#include "sdm/error.hpp"
#include "sdm/operations.hpp"

namespace {

using namespace sdm;

const mysql::MysqlDialect dialect;
const schema::SchemaModel no_tables;

std::vector<std::string> render(const Op& op, const SchemaLookup& schema = no_tables) {
  return dialect.render(op, schema);
}

std::string render_one(const Op& op, const SchemaLookup& schema = no_tables) {
  const auto statements = render(op, schema);
  REQUIRE(statements.size() == 1);
  return statements.front();
}

std::string error_of(const Op& op, const SchemaLookup& schema = no_tables) {
  try {
    render(op, schema);
  } catch (const Error& e) {
    return e.what();
  }
  FAIL("no error");
  return {};
}

// A model holding `clusters` as Sahara's 001 leaves the columns these tests alter.
schema::SchemaModel clusters_model() {
  Table clusters;
  clusters.name = "clusters";
  clusters.columns = {Column("id", String(36)).not_null(),
                      Column("status_description", String(200)),
                      Column("plugin_name", String(80)).not_null(),
                      Column("is_transient", Boolean()).not_null().default_sql("false"),
                      Column("order", Integer())};
  clusters.constraints = {PrimaryKey({"id"})};
  schema::SchemaModel model;
  model.apply(CreateTable{clusters});
  return model;
}

AlterColumn alter(std::string column) {
  AlterColumn op;
  op.table = "clusters";
  op.column = std::move(column);
  return op;
}

}  // namespace

TEST_CASE("mysql dialect identifies itself as Alembic's MySQLImpl") {
  CHECK(dialect.name() == "mysql");
  const DialectTraits traits = dialect.traits();
  CHECK_FALSE(traits.transactional_ddl);
  CHECK_FALSE(traits.offline_begin_commit);
  CHECK_FALSE(traits.offline_insert_returning);
  CHECK(traits.alembic_impl_name == "MySQLImpl");
}

TEST_CASE("mysql type names") {
  CHECK(dialect.render_type(Integer()) == "INTEGER");
  CHECK(dialect.render_type(BigInteger()) == "BIGINT");
  CHECK(dialect.render_type(SmallInteger()) == "SMALLINT");
  CHECK(dialect.render_type(Boolean()) == "BOOL");
  CHECK(dialect.render_type(String(36)) == "VARCHAR(36)");
  CHECK(dialect.render_type(Text()) == "TEXT");
  CHECK(dialect.render_type(LongText()) == "LONGTEXT");
  CHECK(dialect.render_type(Float()) == "FLOAT");
  CHECK(dialect.render_type(Numeric(10, 2)) == "NUMERIC(10, 2)");
  CHECK(dialect.render_type(Numeric()) == "NUMERIC");
  CHECK(dialect.render_type(Date()) == "DATE");
  CHECK(dialect.render_type(DateTime()) == "DATETIME");
  CHECK(dialect.render_type(Time()) == "TIME");
  CHECK(dialect.render_type(LargeBinary()) == "BLOB");
  CHECK(dialect.render_type(Raw("JSON")) == "JSON");
}

TEST_CASE("a mysql type variant wins: Sahara's LargeBinary is LONGBLOB") {
  CHECK(dialect.render_type(LargeBinary().with_variant("mysql", "LONGBLOB")) == "LONGBLOB");
  CHECK(dialect.render_type(Text().with_variant("postgresql", "CITEXT")) == "TEXT");
  CHECK_THROWS_AS(dialect.render_type(Raw("")), Error);
}

TEST_CASE("VARCHAR needs a length on mysql") {
  CHECK_THROWS_WITH_AS(dialect.render_type(String()),
                       doctest::Contains("VARCHAR requires one on mysql"), Error);
}

TEST_CASE("mysql quotes identifiers with backticks as SQLAlchemy does") {
  CHECK(dialect.quote("cluster_id") == "cluster_id");
  CHECK(dialect.quote("Job_id") == "`Job_id`");
  CHECK(dialect.quote("JobBinary_id") == "`JobBinary_id`");
  CHECK(dialect.quote("order") == "`order`");
  CHECK(dialect.quote("default") == "`default`");
  CHECK(dialect.quote("key") == "`key`");
  CHECK(dialect.quote("index") == "`index`");
  CHECK(dialect.quote("change") == "`change`");
  // Reserved in PostgreSQL or the SQL standard, not in MySQL's set.
  CHECK(dialect.quote("user") == "user");
  CHECK(dialect.quote("name") == "name");
  CHECK(dialect.quote("1st") == "`1st`");
  CHECK(dialect.quote("two words") == "`two words`");
  CHECK(dialect.quote("odd`name") == "`odd``name`");
  CHECK_THROWS_AS(dialect.quote(""), Error);
}

TEST_CASE("mysql create_table: NOT NULL before DEFAULT, keys, actions, checks, options") {
  Table table;
  table.name = "job_interface_arguments";
  table.columns = {Column("id", String(36)).not_null(),
                   Column("job_id", String(36)).not_null(),
                   Column("required", Boolean()).not_null().default_sql("true"),
                   Column("order", SmallInteger()).not_null(),
                   Column("default", Text()),
                   Column("value", Integer()).default_sql("0")};
  table.constraints = {
      ForeignKey({"job_id"}, "jobs", {"id"}).on_delete("CASCADE").on_update("SET NULL"),
      PrimaryKey({"id"}), Unique({"job_id", "order"}, "uq_job_order"),
      Check("value >= 0", "ck_value")};
  table.indexes = {Index{"ix_job_default", "", {"job_id", "default"}, false}};
  table.options = {{"mysql_engine", "InnoDB"}, {"mysql_charset", "utf8"}};
  const auto statements = render(CreateTable{table});
  REQUIRE(statements.size() == 2);
  CHECK(statements[0] ==
        "CREATE TABLE job_interface_arguments (\n"
        "    id VARCHAR(36) NOT NULL, \n"
        "    job_id VARCHAR(36) NOT NULL, \n"
        "    required BOOL NOT NULL DEFAULT true, \n"
        "    `order` SMALLINT NOT NULL, \n"
        "    `default` TEXT, \n"
        "    value INTEGER DEFAULT 0, \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(job_id) REFERENCES jobs (id) ON DELETE CASCADE ON UPDATE SET NULL, \n"
        "    CONSTRAINT uq_job_order UNIQUE (job_id, `order`), \n"
        "    CONSTRAINT ck_value CHECK (value >= 0)\n"
        ")ENGINE=InnoDB CHARSET=utf8");
  CHECK(statements[1] ==
        "CREATE INDEX ix_job_default ON job_interface_arguments (job_id, `default`)");
}

TEST_CASE("mysql table options as SQLAlchemy writes them") {
  Table table;
  table.name = "t";
  table.columns = {Column("id", Integer())};
  auto options_of = [&](TableOptions options) {
    table.options = std::move(options);
    const std::string sql = render_one(CreateTable{table});
    return sql.substr(sql.rfind("\n)") + 2);
  };
  // Only mysql_ options; other dialects' are ignored.
  CHECK(options_of({}).empty());
  CHECK(options_of({{"postgresql_with", "x"}, {"sqlite_autoincrement", "1"}}).empty());
  // COLLATE follows the character set whatever order they were given in.
  CHECK(options_of({{"mysql_collate", "utf8_bin"},
                    {"mysql_engine", "InnoDB"},
                    {"mysql_default_charset", "utf8"}}) ==
        "ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE utf8_bin");
  CHECK(options_of({{"mysql_character_set", "utf8mb4"}}) == "CHARACTER SET utf8mb4");
  CHECK(options_of({{"mysql_comment", "it's a\\b"}}) == "COMMENT='it''s a\\\\b'");
  CHECK(options_of({{"mysql_key_block_size", "8"}}) == "KEY_BLOCK_SIZE=8");
  CHECK(options_of({{"mysql_partitions", "4"}, {"mysql_partition_by", "HASH(id)"}}) ==
        "PARTITION BY HASH(id) PARTITIONS 4");
}

TEST_CASE("mysql column ops") {
  CHECK(render_one(AddColumn{"clusters", Column("rollback_info", Text())}) ==
        "ALTER TABLE clusters ADD COLUMN rollback_info TEXT");
  CHECK(
      render_one(AddColumn{
          "node_groups", Column("boot_from_volume", Boolean()).not_null().default_sql("false")}) ==
      "ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOL NOT NULL DEFAULT false");
  CHECK(render_one(AddColumn{"t", Column("Key", String(10))}) ==
        "ALTER TABLE t ADD COLUMN `Key` VARCHAR(10)");
  CHECK(render_one(DropColumn{"job_executions", "progress"}) ==
        "ALTER TABLE job_executions DROP COLUMN progress");
  CHECK(render_one(DropColumn{"t", "order"}) == "ALTER TABLE t DROP COLUMN `order`");
}

TEST_CASE("mysql table and index ops") {
  CHECK(render_one(DropTable{"order"}) == "DROP TABLE `order`");
  CHECK(render_one(RenameTable{"old_name", "new_name"}) ==
        "ALTER TABLE old_name RENAME TO new_name");
  CHECK(render_one(CreateIndex{Index{"ix_a", "t", {"a", "key"}, false}}) ==
        "CREATE INDEX ix_a ON t (a, `key`)");
  CHECK(render_one(CreateIndex{Index{"uq_a", "t", {"a"}, true}}) ==
        "CREATE UNIQUE INDEX uq_a ON t (a)");
  CHECK(render_one(DropIndex{"ix_a", "t"}) == "DROP INDEX ix_a ON t");
  CHECK(render_one(DropIndex{"Ix", "order"}) == "DROP INDEX `Ix` ON `order`");
  // MySQL needs the table of the index.
  CHECK_THROWS_AS(render(DropIndex{"ix_a", ""}), Error);
}

TEST_CASE("mysql alter_column restates the full definition with MODIFY") {
  const auto model = clusters_model();
  // 007: the type changes, the column stays nullable.
  auto op = alter("status_description");
  op.type = LongText();
  CHECK(render_one(op, model) == "ALTER TABLE clusters MODIFY status_description LONGTEXT NULL");
  // Nullability only: the type comes from the table.
  op = alter("plugin_name");
  op.nullable = true;
  CHECK(render_one(op, model) == "ALTER TABLE clusters MODIFY plugin_name VARCHAR(80) NULL");
  // The existing default survives a type change; a new one replaces it.
  op = alter("is_transient");
  op.type = SmallInteger();
  CHECK(render_one(op, model) ==
        "ALTER TABLE clusters MODIFY is_transient SMALLINT NOT NULL DEFAULT false");
  op.server_default = DefaultChange("1");
  CHECK(render_one(op, model) ==
        "ALTER TABLE clusters MODIFY is_transient SMALLINT NOT NULL DEFAULT 1");
  // Dropping the default together with another change leaves it out of the definition.
  op.server_default = DefaultChange(std::nullopt);
  CHECK(render_one(op, model) == "ALTER TABLE clusters MODIFY is_transient SMALLINT NOT NULL");
  // Reserved column names are quoted.
  op = alter("order");
  op.nullable = false;
  CHECK(render_one(op, model) == "ALTER TABLE clusters MODIFY `order` INTEGER NOT NULL");
  // Renaming to the same name is no rename.
  op = alter("status_description");
  op.type = Text();
  op.new_name = "status_description";
  CHECK(render_one(op, model) == "ALTER TABLE clusters MODIFY status_description TEXT NULL");
}

TEST_CASE("mysql alter_column renames with CHANGE and the full definition") {
  const auto model = clusters_model();
  // 027: rename, type given, nullability from the table.
  auto op = alter("status_description");
  op.new_name = "status_text";
  op.type = String(100);
  CHECK(render_one(op, model) ==
        "ALTER TABLE clusters CHANGE status_description status_text VARCHAR(100) NULL");
  // A rename alone restates everything the column had.
  op = alter("is_transient");
  op.new_name = "Transient";
  CHECK(render_one(op, model) ==
        "ALTER TABLE clusters CHANGE is_transient `Transient` BOOL NOT NULL DEFAULT false");
}

TEST_CASE("mysql alter_column of the default alone uses ALTER COLUMN") {
  const auto model = clusters_model();
  auto op = alter("plugin_name");
  op.server_default = DefaultChange("'vanilla'");
  CHECK(render_one(op, model) ==
        "ALTER TABLE clusters ALTER COLUMN plugin_name SET DEFAULT 'vanilla'");
  op.server_default = DefaultChange(std::nullopt);
  CHECK(render_one(op, model) == "ALTER TABLE clusters ALTER COLUMN plugin_name DROP DEFAULT");
  // It needs no table definition.
  CHECK(render_one(op) == "ALTER TABLE clusters ALTER COLUMN plugin_name DROP DEFAULT");
  // An op that changes nothing renders nothing.
  CHECK(render(alter("plugin_name"), model).empty());
}

TEST_CASE("mysql alter_column without the column's definition is a clear error") {
  auto op = alter("status_description");
  op.type = LongText();
  const std::string unknown_table = error_of(op);
  CHECK(unknown_table.find("mysql: alter_column clusters.status_description") == 0);
  CHECK(unknown_table.find("definition of table clusters is unknown") != std::string::npos);
  CHECK(unknown_table.find("MODIFY or CHANGE") != std::string::npos);

  op = alter("no_such_column");
  op.nullable = false;
  CHECK(error_of(op, clusters_model()) ==
        "mysql: alter_column clusters.no_such_column: table clusters has no column "
        "no_such_column");

  // Type, nullability and default all given: nothing to look up.
  op = alter("status_description");
  op.type = Text();
  op.nullable = false;
  op.server_default = DefaultChange(std::nullopt);
  CHECK(render_one(op) == "ALTER TABLE clusters MODIFY status_description TEXT NOT NULL");
}

TEST_CASE("mysql adds constraints with ALTER TABLE ADD") {
  CHECK(render_one(AddConstraint{"t", Unique({"a", "order"}, "uq_t_a")}) ==
        "ALTER TABLE t ADD CONSTRAINT uq_t_a UNIQUE (a, `order`)");
  CHECK(render_one(AddConstraint{"t", ForeignKey({"p"}, "parent", {"id"}, "fk_t_p")}) ==
        "ALTER TABLE t ADD CONSTRAINT fk_t_p FOREIGN KEY(p) REFERENCES parent (id)");
  CHECK(render_one(AddConstraint{"t", PrimaryKey({"id"})}) == "ALTER TABLE t ADD PRIMARY KEY (id)");
  CHECK(render_one(AddConstraint{"t", Check("a > 0", "ck_a")}) ==
        "ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0)");
}

TEST_CASE("mysql drops each kind of constraint its own way") {
  CHECK(render_one(DropConstraint{"t", "t_ibfk_1", ConstraintKind::ForeignKey}) ==
        "ALTER TABLE t DROP FOREIGN KEY t_ibfk_1");
  CHECK(render_one(DropConstraint{"t", "name", ConstraintKind::Unique}) ==
        "ALTER TABLE t DROP INDEX name");
  CHECK(render_one(DropConstraint{"t", "Order", ConstraintKind::Unique}) ==
        "ALTER TABLE t DROP INDEX `Order`");
  // DROP CHECK is MySQL-only (MariaDB rejects it); DROP CONSTRAINT works on both.
  CHECK(render_one(DropConstraint{"t", "ck_a", ConstraintKind::Check}) ==
        "ALTER TABLE t DROP CONSTRAINT ck_a");
  CHECK(render_one(DropConstraint{"t", "", ConstraintKind::PrimaryKey}) ==
        "ALTER TABLE t DROP PRIMARY KEY");
  CHECK(render_one(DropConstraint{"t", "t_pkey", ConstraintKind::PrimaryKey}) ==
        "ALTER TABLE t DROP PRIMARY KEY");
  CHECK(error_of(DropConstraint{"t", "", ConstraintKind::ForeignKey})
            .find("mysql: drop_constraint  on t: MySQL drops a foreign key, unique or check "
                  "constraint by its name") == 0);
}

TEST_CASE("mysql execute picks the mysql SQL") {
  Execute op;
  op.sql = {{"postgresql", "UPDATE t SET b = true WHERE c"},
            {"mysql", "UPDATE t SET b = true WHERE c = 1"},
            {"", "UPDATE t SET b = 1"}};
  CHECK(render_one(op) == "UPDATE t SET b = true WHERE c = 1");
  op.sql = {{"", "DELETE FROM t"}};
  CHECK(render_one(op) == "DELETE FROM t");
  op.sql = {{"sqlite", "DELETE FROM t"}};
  CHECK_THROWS_WITH_AS(render(op), doctest::Contains("no SQL for dialect mysql"), Error);
}

TEST_CASE("mysql bulk_insert writes MySQL literals") {
  BulkInsert op;
  op.table = "order";
  op.columns = {"id", "flag", "other", "note", "ratio"};
  op.rows = {{std::int64_t{1}, true, false, std::string("it's C:\\tmp"), 0.5},
             {std::int64_t{-2}, Value{}, false, std::string(""), 2.0}};
  const auto statements = render(op);
  REQUIRE(statements.size() == 2);
  CHECK(statements[0] ==
        "INSERT INTO `order` (id, flag, other, note, ratio) VALUES (1, true, false, "
        "'it''s C:\\\\tmp', 0.5)");
  CHECK(statements[1] ==
        "INSERT INTO `order` (id, flag, other, note, ratio) VALUES (-2, NULL, false, '', 2.0)");
}

TEST_CASE("mysql version table statements are Alembic's") {
  CHECK(dialect.create_version_table("alembic_version") ==
        "CREATE TABLE alembic_version (\n"
        "    version_num VARCHAR(32) NOT NULL, \n"
        "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
        ")");
  // No RETURNING on MySQL, offline or online.
  CHECK(dialect.insert_version("alembic_version", "001", true) ==
        "INSERT INTO alembic_version (version_num) VALUES ('001')");
  CHECK(dialect.insert_version("alembic_version", "001", false) ==
        "INSERT INTO alembic_version (version_num) VALUES ('001')");
  CHECK(dialect.update_version("alembic_version", "001", "002") ==
        "UPDATE alembic_version SET version_num='002' WHERE alembic_version.version_num = '001'");
  CHECK(dialect.delete_version("alembic_version", "035") ==
        "DELETE FROM alembic_version WHERE alembic_version.version_num = '035'");
  CHECK(dialect.select_versions("alembic_version") == "SELECT version_num FROM alembic_version");
  CHECK(dialect.drop_version_table("alembic_version") == "DROP TABLE alembic_version");
  CHECK(dialect.begin_statement() == "BEGIN");
  CHECK(dialect.commit_statement() == "COMMIT");
}

TEST_CASE("mysql counts characters, not bytes, when checking for data loss") {
  CHECK(dialect.data_check(DataCheck::ValuesLongerThan, "clusters", "status_description", 200) ==
        "SELECT COUNT(*) FROM clusters WHERE CHAR_LENGTH(status_description) > 200");
  CHECK(dialect.data_check(DataCheck::RowsInTable, "order", "", 0) ==
        "SELECT COUNT(*) FROM `order`");
}

TEST_CASE("mysql numbers an integer key with AUTO_INCREMENT, as SQLAlchemy writes it") {
  Operations op;
  op.create_table(
      "events",
      {Column("id", Integer()).primary_key(),
       Column("cluster_id", String(36)).not_null().references("clusters.id", "CASCADE").index(),
       Column("code", String(8)).unique()},
      {}, {{"mysql_engine", "InnoDB"}});
  const auto statements = render(op.ops().front());
  REQUIRE(statements.size() == 2);
  CHECK(statements[0] ==
        "CREATE TABLE events (\n"
        "    id INTEGER NOT NULL AUTO_INCREMENT, \n"
        "    cluster_id VARCHAR(36) NOT NULL, \n"
        "    code VARCHAR(8), \n"
        "    PRIMARY KEY (id), \n"
        "    FOREIGN KEY(cluster_id) REFERENCES clusters (id) ON DELETE CASCADE, \n"
        "    UNIQUE (code)\n"
        ")ENGINE=InnoDB");
  CHECK(statements[1] == "CREATE INDEX ix_events_cluster_id ON events (cluster_id)");
  Table big;
  big.name = "big";
  big.columns = {Column("id", BigInteger()).primary_key().autoincrement(false)};
  big.constraints = {PrimaryKey({"id"})};
  CHECK(dialect.render_create_table(big) ==
        "CREATE TABLE big (\n    id BIGINT NOT NULL, \n    PRIMARY KEY (id)\n)");
}

TEST_CASE("mysql MODIFY and CHANGE keep AUTO_INCREMENT on the key they restate") {
  Operations op;
  op.create_table("counters", {Column("id", Integer()).primary_key(), Column("n", Integer())});
  schema::SchemaModel model;
  model.apply(op.ops());
  AlterColumn widen;
  widen.table = "counters";
  widen.column = "id";
  widen.type = BigInteger();
  CHECK(render_one(widen, model) ==
        "ALTER TABLE counters MODIFY id BIGINT NOT NULL AUTO_INCREMENT");
  AlterColumn rename = widen;
  rename.type.reset();
  rename.new_name = "counter_id";
  CHECK(render_one(rename, model) ==
        "ALTER TABLE counters CHANGE id counter_id INTEGER NOT NULL AUTO_INCREMENT");
  // A column that is not the key stays unnumbered; a key that stops being an integer too.
  AlterColumn other = widen;
  other.column = "n";
  CHECK(render_one(other, model) == "ALTER TABLE counters MODIFY n BIGINT NULL");
  AlterColumn to_text = widen;
  to_text.type = String(20);
  CHECK(render_one(to_text, model) == "ALTER TABLE counters MODIFY id VARCHAR(20) NOT NULL");
}
