// Everything the base SQL renderer needs to know about one database, as data. A driver fills
// one of these; sdm::SqlDialect renders from it and overrides code only where the sequence of
// statements differs.
#pragma once

#include <string>

#include "sdm/dialect.hpp"
#include "sdm/reserved_words.hpp"

namespace sdm {

/// The order in which the parts of an AlterColumn become statements.
enum class AlterColumnOrder {
  /// Nullability, default, type, then rename: Alembic's DefaultImpl.
  NullableDefaultTypeRename,
  /// Type, nullability, default, then rename: Alembic's PostgresqlImpl.
  TypeNullableDefaultRename,
};

/// The type name written for each generic TypeKind (String and Numeric add their parameters).
struct TypeNames {
  std::string integer = "INTEGER";
  std::string big_integer = "BIGINT";
  std::string small_integer = "SMALLINT";
  std::string boolean = "BOOLEAN";
  std::string string = "VARCHAR";
  std::string text = "TEXT";
  std::string long_text = "TEXT";
  std::string floating = "FLOAT";
  std::string numeric = "NUMERIC";
  std::string date = "DATE";
  std::string datetime = "DATETIME";
  std::string time = "TIME";
  std::string large_binary = "BLOB";
};

/// How literal values are spelled in INSERT statements.
struct LiteralSpelling {
  std::string true_value = "true";
  std::string false_value = "false";
  /// Backslashes in string literals are doubled, because the database treats them as escapes.
  bool backslash_escapes = false;
};

/// The data a SqlDialect renders from.
struct SqlDialectSpec {
  /// "sqlite", "postgresql", "mysql", or a vendor's name; also selects type variants.
  std::string name;
  DialectTraits traits;
  /// The identifier quote character: `"`, or a backtick on MySQL.
  char identifier_quote = '"';
  /// Identifiers that must be quoted even when written in plain lower case.
  ReservedWords reserved_words = sql_standard_reserved_words();
  TypeNames types;
  LiteralSpelling literals;
  /// `col INT NOT NULL DEFAULT 0` (MySQL) instead of `col INT DEFAULT 0 NOT NULL`.
  bool not_null_before_default = false;
  AlterColumnOrder alter_column_order = AlterColumnOrder::NullableDefaultTypeRename;
  /// String() without a length is an error instead of a bare VARCHAR (MySQL).
  bool varchar_requires_length = false;
  /// DROP INDEX names the table: `DROP INDEX ix ON t` (MySQL).
  bool drop_index_names_table = false;
  /// Table options whose key starts with this prefix render after `)` as `KEY=value`, e.g.
  /// "mysql_" turns mysql_engine=InnoDB into ENGINE=InnoDB. Empty: every option is ignored.
  std::string table_option_prefix;
};

}  // namespace sdm
