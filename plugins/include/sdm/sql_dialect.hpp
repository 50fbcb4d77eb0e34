// The base SQL dialect every driver (and vendor) derives from. It renders ops, types and the
// version-table statements exactly as SQLAlchemy 1.4 + Alembic 1.8 write them (Alembic's
// offline script is what online mode runs too), driven by a SqlDialectSpec. Subclasses
// override the protected hooks where their sequence of statements differs.
#pragma once

#include <string>
#include <vector>

#include "sdm/dialect.hpp"
#include "sdm/ops.hpp"
#include "sdm/schema.hpp"
#include "sdm/sql_dialect_spec.hpp"

namespace sdm {

/// Renders SQL from a SqlDialectSpec. Statements carry no terminator.
class SqlDialect : public Dialect {
 public:
  explicit SqlDialect(SqlDialectSpec spec);

  std::string name() const override;
  DialectTraits traits() const override;
  std::vector<std::string> render(const Op& op, const SchemaLookup& schema) const override;
  std::string quote(const std::string& identifier) const override;
  std::string render_type(const Type& type) const override;

  std::string create_version_table(const std::string& table) const override;
  std::string insert_version(const std::string& table, const std::string& revision,
                             bool offline) const override;
  std::string update_version(const std::string& table, const std::string& from,
                             const std::string& to) const override;
  std::string delete_version(const std::string& table, const std::string& revision) const override;
  std::string drop_version_table(const std::string& table) const override;
  std::string begin_statement() const override;
  std::string commit_statement() const override;

  /// The data this dialect renders from.
  const SqlDialectSpec& spec() const { return spec_; }

  /// `CREATE TABLE name (...)` with the table options after `)`; no CREATE INDEX.
  std::string render_create_table(const Table& table) const;
  /// One column definition: `name TYPE[ DEFAULT x][ NOT NULL]` (order per spec); with
  /// `autoincrement`, the column is the one the database numbers (see AutoincrementStyle).
  std::string render_column(const Column& column, bool autoincrement = false) const;
  /// A table constraint: `[CONSTRAINT name ]UNIQUE (a, b)`, `FOREIGN KEY(a) REFERENCES t (id)`...
  std::string render_constraint(const Constraint& constraint) const;
  /// `CREATE [UNIQUE ]INDEX name ON table (a, b)`
  std::string render_create_index(const Index& index) const;
  /// A literal: NULL, a number, the dialect's boolean, or a quoted string.
  std::string render_literal(const Value& value) const;
  /// A string literal, quotes doubled (and backslashes where the dialect escapes them).
  std::string render_string_literal(const std::string& text) const;
  /// The identifiers, each quoted as needed, joined by ", ".
  std::string quote_list(const std::vector<std::string>& identifiers) const;

 protected:
  /// `ALTER TABLE t ADD COLUMN <column>`
  virtual std::vector<std::string> render_add_column(const AddColumn& op,
                                                     const SchemaLookup& schema) const;
  /// ALTER COLUMN statements; the base writes Alembic's generic forms in the spec's order.
  virtual std::vector<std::string> render_alter_column(const AlterColumn& op,
                                                       const SchemaLookup& schema) const;
  /// `ALTER TABLE t DROP COLUMN c`
  virtual std::vector<std::string> render_drop_column(const DropColumn& op,
                                                      const SchemaLookup& schema) const;
  /// `ALTER TABLE t ADD <constraint>`
  virtual std::vector<std::string> render_add_constraint(const AddConstraint& op,
                                                         const SchemaLookup& schema) const;
  /// `ALTER TABLE t DROP CONSTRAINT name`
  virtual std::vector<std::string> render_drop_constraint(const DropConstraint& op,
                                                          const SchemaLookup& schema) const;
  /// What follows `)` of CREATE TABLE; the base writes the options matching the spec's prefix.
  virtual std::string render_table_options(const Table& table) const;

  /// `ALTER TABLE <quoted table>`, the start of every ALTER statement.
  std::string alter_table(const std::string& table) const;
  /// Whether `table`'s key is written in its column as `PRIMARY KEY AUTOINCREMENT` (SQLite's
  /// rowid style with the table option sqlite_autoincrement).
  bool inline_rowid_key(const Table& table) const;

 private:
  std::vector<std::string> render_sql_for_dialect(const Execute& op) const;
  std::vector<std::string> render_bulk_insert(const BulkInsert& op) const;

  SqlDialectSpec spec_;
};

}  // namespace sdm
