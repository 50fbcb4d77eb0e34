// The base renderer on its own: Alembic's generic ALTER forms, and the PostgreSQL and MySQL
// differences expressed as spec data (the shapes revisions.yaml records for those databases).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "schema/schema_model.hpp"
#include "sdm/error.hpp"
#include "sdm/sql_dialect.hpp"
#include "sqlite/sqlite_dialect.hpp"
#include "unit/dialect_checks.hpp"

namespace {

using namespace sdm;
using namespace sdm::test;

SqlDialectSpec postgresql_like() {
  SqlDialectSpec spec;
  spec.name = "postgresql";
  spec.traits.transactional_ddl = true;
  spec.traits.offline_begin_commit = true;
  spec.traits.offline_insert_returning = true;
  spec.reserved_words = postgresql_reserved_words();
  spec.types.datetime = "TIMESTAMP WITHOUT TIME ZONE";
  spec.types.time = "TIME WITHOUT TIME ZONE";
  spec.types.large_binary = "BYTEA";
  spec.alter_column_order = AlterColumnOrder::TypeNullableDefaultRename;
  return spec;
}

SqlDialectSpec mysql_like() {
  SqlDialectSpec spec;
  spec.name = "mysql";
  spec.identifier_quote = '`';
  spec.reserved_words = mysql_reserved_words();
  spec.types.boolean = "BOOL";
  spec.types.long_text = "LONGTEXT";
  spec.literals.backslash_escapes = true;
  spec.not_null_before_default = true;
  spec.varchar_requires_length = true;
  spec.drop_index_names_table = true;
  spec.table_option_prefix = "mysql_";
  return spec;
}

// A vendor that drops foreign keys its own way overrides one hook and keeps the rest.
class VendorDialect : public SqlDialect {
 public:
  VendorDialect() : SqlDialect(mysql_like()) {}

 protected:
  std::vector<std::string> render_drop_constraint(const DropConstraint& op,
                                                  const SchemaLookup& schema) const override {
    if (op.kind != ConstraintKind::ForeignKey)
      return SqlDialect::render_drop_constraint(op, schema);
    return {alter_table(op.table) + " DROP FOREIGN KEY " + quote(op.name)};
  }
};

std::vector<std::string> render(const SqlDialect& dialect, const Op& op) {
  return dialect.render(op, no_tables);
}

Table libs_association() {
  Table table;
  table.name = "libs_association";
  table.columns = {Column("Job_id", String(36)), Column("JobBinary_id", String(36))};
  table.constraints = {ForeignKey({"JobBinary_id"}, "job_binaries", {"id"}),
                       ForeignKey({"Job_id"}, "jobs", {"id"})};
  table.options = {{"mysql_engine", "InnoDB"}, {"mysql_charset", "utf8"}};
  return table;
}

}  // namespace

TEST_CASE("without SQLite's rebuild, the base writes Alembic's SQLite script for 007, 025, 027") {
  const SqlDialect alembic_sqlite(sqlite_spec());
  AlterColumn to_long_text = alter("clusters", "status_description");
  to_long_text.type = LongText();
  check_statements(render(alembic_sqlite, to_long_text),
                   {"ALTER TABLE clusters ALTER COLUMN status_description TYPE TEXT"});
  AlterColumn widen = alter("instances", "internal_ip");
  widen.type = String(45);
  widen.nullable = true;
  check_statements(render(alembic_sqlite, widen),
                   {"ALTER TABLE instances ALTER COLUMN internal_ip DROP NOT NULL",
                    "ALTER TABLE instances ALTER COLUMN internal_ip TYPE VARCHAR(45)"});
  AlterColumn rename = alter("job_executions", "oozie_job_id");
  rename.type = String(100);
  rename.new_name = "engine_job_id";
  check_statements(render(alembic_sqlite, rename),
                   {"ALTER TABLE job_executions ALTER COLUMN oozie_job_id TYPE VARCHAR(100)",
                    "ALTER TABLE job_executions RENAME oozie_job_id TO engine_job_id"});
}

TEST_CASE("PostgreSQL's order puts the type first, then nullability, default and rename") {
  const SqlDialect pg(postgresql_like());
  AlterColumn widen = alter("instances", "internal_ip");
  widen.type = String(45);
  widen.nullable = true;
  check_statements(render(pg, widen),
                   {"ALTER TABLE instances ALTER COLUMN internal_ip TYPE VARCHAR(45)",
                    "ALTER TABLE instances ALTER COLUMN internal_ip DROP NOT NULL"});
  AlterColumn everything = alter("t", "c");
  everything.nullable = false;
  everything.server_default = DefaultChange("0");
  everything.type = Integer();
  everything.new_name = "d";
  check_statements(
      render(pg, everything),
      {"ALTER TABLE t ALTER COLUMN c TYPE INTEGER", "ALTER TABLE t ALTER COLUMN c SET NOT NULL",
       "ALTER TABLE t ALTER COLUMN c SET DEFAULT 0", "ALTER TABLE t RENAME c TO d"});
  AlterColumn no_default = alter("t", "c");
  no_default.server_default = DefaultChange(std::nullopt);
  check_statements(render(pg, no_default), {"ALTER TABLE t ALTER COLUMN c DROP DEFAULT"});
}

TEST_CASE("PostgreSQL types, quoting and the offline version INSERT with RETURNING") {
  const SqlDialect pg(postgresql_like());
  CHECK(pg.render_type(DateTime()) == "TIMESTAMP WITHOUT TIME ZONE");
  CHECK(pg.render_type(Time()) == "TIME WITHOUT TIME ZONE");
  CHECK(pg.render_type(LargeBinary().with_variant("mysql", "LONGBLOB")) == "BYTEA");
  CHECK(pg.quote("order") == "\"order\"");
  CHECK(pg.quote("user") == "\"user\"");
  CHECK(pg.quote("key") == "key");
  CHECK(pg.insert_version("alembic_version", "001", true) ==
        "INSERT INTO alembic_version (version_num) VALUES ('001') "
        "RETURNING alembic_version.version_num");
  CHECK(pg.insert_version("alembic_version", "001", false) ==
        "INSERT INTO alembic_version (version_num) VALUES ('001')");
  check_statements(render(pg, CreateTable{libs_association()}),
                   {"CREATE TABLE libs_association (\n"
                    "    \"Job_id\" VARCHAR(36), \n"
                    "    \"JobBinary_id\" VARCHAR(36), \n"
                    "    FOREIGN KEY(\"JobBinary_id\") REFERENCES job_binaries (id), \n"
                    "    FOREIGN KEY(\"Job_id\") REFERENCES jobs (id)\n"
                    ")"});
}

TEST_CASE("MySQL: backticks, table options after the parenthesis, BOOL and LONGTEXT") {
  const SqlDialect my(mysql_like());
  check_statements(render(my, CreateTable{libs_association()}),
                   {"CREATE TABLE libs_association (\n"
                    "    `Job_id` VARCHAR(36), \n"
                    "    `JobBinary_id` VARCHAR(36), \n"
                    "    FOREIGN KEY(`JobBinary_id`) REFERENCES job_binaries (id), \n"
                    "    FOREIGN KEY(`Job_id`) REFERENCES jobs (id)\n"
                    ")ENGINE=InnoDB CHARSET=utf8"});
  CHECK(my.quote("order") == "`order`");
  CHECK(my.quote("default") == "`default`");
  CHECK(my.quote("name") == "name");
  CHECK(my.quote("type") == "type");
  CHECK(my.quote("a`b") == "`a``b`");
  CHECK(my.render_type(Boolean()) == "BOOL");
  CHECK(my.render_type(LongText()) == "LONGTEXT");
  CHECK(my.render_type(LargeBinary().with_variant("mysql", "LONGBLOB")) == "LONGBLOB");
  CHECK_THROWS_AS(my.render_type(String()), Error);
  // The version table gets no options: Alembic passes none.
  CHECK(my.create_version_table("alembic_version") ==
        "CREATE TABLE alembic_version (\n"
        "    version_num VARCHAR(32) NOT NULL, \n"
        "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
        ")");
}

TEST_CASE("MySQL: NOT NULL before DEFAULT, DROP INDEX names the table, backslashes doubled") {
  const SqlDialect my(mysql_like());
  CHECK(my.render_column(Column("n", Integer()).not_null().default_sql("0")) ==
        "n INTEGER NOT NULL DEFAULT 0");
  CHECK(render(my, DropIndex{"ix_a", "t"}) == std::vector<std::string>{"DROP INDEX ix_a ON t"});
  CHECK(my.render_literal(std::string("C:\\temp\\'x'")) == "'C:\\\\temp\\\\''x'''");
  CHECK(my.render_literal(true) == "true");
}

TEST_CASE("generic ADD and DROP CONSTRAINT, named and unnamed") {
  const SqlDialect pg(postgresql_like());
  CHECK(render(pg, AddConstraint{"t", Unique({"a", "b"}, "uq_t_ab")}) ==
        std::vector<std::string>{"ALTER TABLE t ADD CONSTRAINT uq_t_ab UNIQUE (a, b)"});
  CHECK(render(pg, AddConstraint{"t", Unique({"a"})}) ==
        std::vector<std::string>{"ALTER TABLE t ADD UNIQUE (a)"});
  CHECK(render(pg, AddConstraint{"t", PrimaryKey({"id"}, "pk_t")}) ==
        std::vector<std::string>{"ALTER TABLE t ADD CONSTRAINT pk_t PRIMARY KEY (id)"});
  CHECK(render(pg, AddConstraint{"t", ForeignKey({"p"}, "parents", {"id"}, "fk_p")
                                          .on_delete("SET NULL")
                                          .on_update("CASCADE")}) ==
        std::vector<std::string>{"ALTER TABLE t ADD CONSTRAINT fk_p FOREIGN KEY(p) REFERENCES "
                                 "parents (id) ON DELETE SET NULL ON UPDATE CASCADE"});
  CHECK(render(pg, AddConstraint{"t", Check("a > 0", "ck_a")}) ==
        std::vector<std::string>{"ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0)"});
  CHECK(render(pg, DropConstraint{"t", "uq_t_ab", ConstraintKind::Unique}) ==
        std::vector<std::string>{"ALTER TABLE t DROP CONSTRAINT uq_t_ab"});
  CHECK(render(pg, DropIndex{"ix_a", "t"}) == std::vector<std::string>{"DROP INDEX ix_a"});
}

TEST_CASE("a vendor overrides one hook and keeps the base for everything else") {
  const VendorDialect vendor;
  CHECK(vendor.render(DropConstraint{"t", "fk_p", ConstraintKind::ForeignKey}, no_tables) ==
        std::vector<std::string>{"ALTER TABLE t DROP FOREIGN KEY fk_p"});
  CHECK(vendor.render(DropConstraint{"t", "ck", ConstraintKind::Check}, no_tables) ==
        std::vector<std::string>{"ALTER TABLE t DROP CONSTRAINT ck"});
}

TEST_CASE("a spec that brings no reserved words uses SQLAlchemy's generic set") {
  SqlDialectSpec spec;
  spec.name = "vendordb";
  const SqlDialect vendor(spec);
  CHECK(vendor.quote("user") == "\"user\"");
  CHECK(vendor.quote("order") == "\"order\"");
  CHECK(vendor.quote("index") == "index");
}

TEST_CASE("real literals read back as the same number and always look like reals") {
  const SqlDialect pg(postgresql_like());
  CHECK(pg.render_literal(0.1) == "0.1");
  CHECK(pg.render_literal(2.0) == "2.0");
  CHECK(pg.render_literal(-1.5e300) == "-1.5e+300");
  CHECK(pg.render_literal(std::int64_t{-9223372036854775807 - 1}) == "-9223372036854775808");
  CHECK(pg.render_literal(false) == "false");
  CHECK_THROWS_AS(pg.render_literal(std::numeric_limits<double>::quiet_NaN()), Error);
  CHECK_THROWS_AS(pg.render_literal(std::numeric_limits<double>::infinity()), Error);
}
