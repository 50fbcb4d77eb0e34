// One test per normalization rule of docs/schema-model.md: the spellings a database reports
// and the ones the dialects write compare equal when they mean the same, and only then.
#include <doctest/doctest.h>

#include "schema/default_normalization.hpp"
#include "schema/type_normalization.hpp"

using namespace sdm;
using namespace sdm::schema;

TEST_CASE("types: case and spacing are not significant") {
  CHECK(same_sql_type("postgresql", "varchar( 80 )", "VARCHAR(80)"));
  CHECK(same_sql_type("mysql", "decimal(10, 2)", "DECIMAL(10,2)"));
  CHECK(same_sql_type("vendordb", "Number ( 10 )", "NUMBER(10)"));
  CHECK_FALSE(same_sql_type("vendordb", "NUMBER(10)", "NUMBER(12)"));
}

TEST_CASE("types: PostgreSQL's long format_type names are the short ones the dialect writes") {
  CHECK(same_sql_type("postgresql", "character varying(80)", "VARCHAR(80)"));
  CHECK(same_sql_type("postgresql", "timestamp without time zone", "TIMESTAMP WITHOUT TIME ZONE"));
  CHECK(same_sql_type("postgresql", "timestamp without time zone", "TIMESTAMP"));
  CHECK(same_sql_type("postgresql", "double precision", "FLOAT"));
  CHECK(same_sql_type("postgresql", "int4", "INTEGER"));
  CHECK(same_sql_type("postgresql", "bool", "BOOLEAN"));
  CHECK_FALSE(same_sql_type("postgresql", "character varying(80)", "VARCHAR(255)"));
  CHECK_FALSE(same_sql_type("postgresql", "integer", "BIGINT"));
}

TEST_CASE("types: MySQL's BOOL is TINYINT(1), and only that TINYINT") {
  CHECK(same_sql_type("mysql", "tinyint(1)", "BOOL"));
  CHECK(same_sql_type("mysql", "tinyint(1)", "BOOLEAN"));
  CHECK_FALSE(same_sql_type("mysql", "tinyint(4)", "BOOL"));
  CHECK(type_from_database("mysql", "tinyint(1)") == Boolean());
}

TEST_CASE("types: MySQL integer display widths are not significant") {
  CHECK(same_sql_type("mysql", "int(11)", "INTEGER"));
  CHECK(same_sql_type("mysql", "bigint(20)", "BIGINT"));
  CHECK(same_sql_type("mysql", "smallint(6)", "SMALLINT"));
  CHECK_FALSE(same_sql_type("mysql", "int(11)", "BIGINT"));
}

TEST_CASE("types: MySQL's NUMERIC is DECIMAL") {
  CHECK(same_sql_type("mysql", "decimal(10,2)", "NUMERIC(10, 2)"));
  CHECK_FALSE(same_sql_type("mysql", "decimal(10,2)", "NUMERIC(12, 2)"));
}

TEST_CASE("types: SQLite keeps the declared text, with integer and unsized text names alike") {
  CHECK(same_sql_type("sqlite", "INT", "INTEGER"));
  CHECK(same_sql_type("sqlite", "BIGINT", "INTEGER"));
  CHECK(same_sql_type("sqlite", "CLOB", "TEXT"));
  CHECK_FALSE(same_sql_type("sqlite", "VARCHAR(80)", "VARCHAR(255)"));
  CHECK_FALSE(same_sql_type("sqlite", "VARCHAR(80)", "TEXT"));
  CHECK_FALSE(same_sql_type("sqlite", "BOOLEAN", "DATETIME"));
  CHECK_FALSE(same_sql_type("sqlite", "FLOAT", "NUMERIC"));
}

TEST_CASE("types: reflected names become SDK types where one fits, Raw otherwise") {
  CHECK(type_from_database("postgresql", "character varying(36)") == String(36));
  CHECK(type_from_database("postgresql", "timestamp without time zone") == DateTime());
  CHECK(type_from_database("postgresql", "double precision") == Float());
  CHECK(type_from_database("postgresql", "bytea") == LargeBinary());
  CHECK(type_from_database("postgresql", "numeric(10,2)") == Numeric(10, 2));
  CHECK(type_from_database("postgresql", "jsonb") == Raw("jsonb"));
  CHECK(type_from_database("mysql", "longtext") == LongText());
  CHECK(type_from_database("mysql", "longblob") == LargeBinary().with_variant("mysql", "LONGBLOB"));
  CHECK(type_from_database("mysql", "datetime") == DateTime());
  CHECK(type_from_database("mysql", "int(11)") == Integer());
  CHECK(type_from_database("sqlite", "VARCHAR(80)") == String(80));
  CHECK(type_from_database("sqlite", "BOOLEAN") == Boolean());
  CHECK(type_from_database("sqlite", "BLOB") == LargeBinary());
}

TEST_CASE("defaults: surrounding parentheses are not significant") {
  CHECK(canonical_default("sqlite", Integer(), "(0)") ==
        canonical_default("sqlite", Integer(), "0"));
  CHECK(canonical_default("mysql", Text(), "('x')") == "'x'");
  CHECK(canonical_default("mysql", Integer(), "(1) + (2)") == "(1) + (2)");
}

TEST_CASE("defaults: PostgreSQL's stored cast is not significant") {
  CHECK(canonical_default("postgresql", String(10), "'x'::character varying") == "'x'");
  CHECK(canonical_default("postgresql", BigInteger(), "0::bigint") == "0");
  CHECK(canonical_default("postgresql", Text(), "'a::b'::text") == "'a::b'");
}

TEST_CASE("defaults: NULL is no default") {
  CHECK_FALSE(canonical_default("mysql", Integer(), "NULL").has_value());
  CHECK_FALSE(canonical_default("postgresql", String(3), "NULL::character varying").has_value());
  CHECK_FALSE(canonical_default("sqlite", Integer(), std::nullopt).has_value());
}

TEST_CASE("defaults: boolean spellings of each database are one value") {
  for (const char* no : {"0", "'0'", "false", "FALSE", "f", "'f'"})
    CHECK(canonical_default("mysql", Boolean(), no) == "false");
  for (const char* yes : {"1", "'1'", "true", "TRUE", "t"})
    CHECK(canonical_default("postgresql", Boolean(), yes) == "true");
  CHECK(canonical_default("sqlite", Boolean(), "false") !=
        canonical_default("sqlite", Boolean(), "1"));
}

TEST_CASE("defaults: numbers in numeric columns read the same quoted or not") {
  CHECK(canonical_default("mysql", Integer(), "'5'") == "5");
  CHECK(canonical_default("mysql", Numeric(10, 2), "'1.50'") == "1.50");
  // In a text column the quotes are the value's.
  CHECK(canonical_default("mysql", String(5), "'5'") == "'5'");
  CHECK(canonical_default("mysql", String(5), "'5'") != canonical_default("mysql", String(5), "5"));
}

TEST_CASE("defaults: expressions ignore case, and now() is CURRENT_TIMESTAMP") {
  CHECK(canonical_default("mysql", DateTime(), "current_timestamp()") ==
        canonical_default("mysql", DateTime(), "CURRENT_TIMESTAMP"));
  CHECK(canonical_default("postgresql", DateTime(), "now()") ==
        canonical_default("postgresql", DateTime(), "CURRENT_TIMESTAMP"));
  CHECK(canonical_default("sqlite", Text(), "'Abc'") !=
        canonical_default("sqlite", Text(), "'abc'"));
}
