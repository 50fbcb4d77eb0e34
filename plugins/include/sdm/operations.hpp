// The recorder a revision's upgrade()/downgrade() writes to. Nothing runs here: each call
// appends one op, which the host later renders, runs or prints.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sdm/column_keys.hpp"
#include "sdm/error.hpp"
#include "sdm/ops.hpp"

namespace sdm {

/// Options of Operations::alter_column; set only what changes.
struct AlterColumnOptions {
  std::optional<Type> type;
  std::optional<bool> nullable;
  std::optional<DefaultChange> server_default;
  std::optional<std::string> new_name;

  /// Changes the column type.
  AlterColumnOptions& set_type(Type t) {
    type = std::move(t);
    return *this;
  }
  /// Changes nullability.
  AlterColumnOptions& set_nullable(bool value) {
    nullable = value;
    return *this;
  }
  /// Sets the server default to an SQL expression.
  AlterColumnOptions& set_default(std::string expression) {
    server_default = DefaultChange(std::move(expression));
    return *this;
  }
  /// Drops the server default.
  AlterColumnOptions& drop_default() {
    server_default = DefaultChange(std::nullopt);
    return *this;
  }
  /// Renames the column.
  AlterColumnOptions& rename_to(std::string name) {
    new_name = std::move(name);
    return *this;
  }
};

/// Records schema operations in order.
class Operations {
 public:
  /// CREATE TABLE with columns in order, then constraints (the primary key renders first).
  /// Keys declared on columns (primary_key(), unique(), index(), references()) join the
  /// table's constraints and indexes.
  void create_table(std::string name, std::vector<Column> columns,
                    std::vector<Constraint> constraints = {}, TableOptions options = {}) {
    Table t;
    t.name = std::move(name);
    t.columns = std::move(columns);
    t.constraints = std::move(constraints);
    t.options = std::move(options);
    refuse("create_table " + t.name, column_keys::fold_into_table(t));
    refuse("create_table " + t.name, column_keys::check_autoincrement(t));
    ops_.push_back(CreateTable{std::move(t)});
  }
  /// DROP TABLE
  void drop_table(std::string name) { ops_.push_back(DropTable{std::move(name)}); }
  /// ADD COLUMN, then (as Alembic does) ADD CONSTRAINT for a unique() or references() and
  /// CREATE INDEX for an index() declared on the column.
  void add_column(std::string table, Column column) {
    const std::string what = "add_column " + table + "." + column.name;
    if (column.keys.primary_key || column.keys.autoincrement.value_or(false))
      refuse(what,
             "a column added to an existing table cannot become its primary key or be numbered "
             "by the database; add it as a plain column, fill it, then create_primary_key");
    std::vector<Constraint> constraints;
    std::vector<Index> indexes;
    refuse(what, column_keys::derived_objects(table, column, constraints, indexes));
    column.keys = ColumnKeys();
    ops_.push_back(AddColumn{table, std::move(column)});
    for (auto& constraint : constraints)
      ops_.push_back(AddConstraint{table, std::move(constraint)});
    for (auto& index : indexes)
      ops_.push_back(CreateIndex{std::move(index)});
  }
  /// DROP COLUMN
  void drop_column(std::string table, std::string column) {
    ops_.push_back(DropColumn{std::move(table), std::move(column)});
  }
  /// Changes a column's type, nullability, server default and/or name.
  void alter_column(std::string table, std::string column, AlterColumnOptions options) {
    AlterColumn op;
    op.table = std::move(table);
    op.column = std::move(column);
    op.type = std::move(options.type);
    op.nullable = options.nullable;
    op.server_default = std::move(options.server_default);
    op.new_name = std::move(options.new_name);
    ops_.push_back(std::move(op));
  }
  /// ALTER TABLE ... RENAME TO
  void rename_table(std::string table, std::string new_name) {
    ops_.push_back(RenameTable{std::move(table), std::move(new_name)});
  }
  /// CREATE [UNIQUE] INDEX name ON table (columns)
  void create_index(std::string name, std::string table, std::vector<std::string> columns,
                    bool unique = false) {
    ops_.push_back(
        CreateIndex{Index{std::move(name), std::move(table), std::move(columns), unique}});
  }
  /// DROP INDEX
  void drop_index(std::string name, std::string table) {
    ops_.push_back(DropIndex{std::move(name), std::move(table)});
  }
  /// ADD CONSTRAINT name PRIMARY KEY (columns)
  void create_primary_key(std::string name, std::string table, std::vector<std::string> columns) {
    ops_.push_back(
        AddConstraint{std::move(table), PrimaryKey(std::move(columns), std::move(name))});
  }
  /// ADD CONSTRAINT name UNIQUE (columns)
  void create_unique_constraint(std::string name, std::string table,
                                std::vector<std::string> columns) {
    ops_.push_back(AddConstraint{std::move(table), Unique(std::move(columns), std::move(name))});
  }
  /// ADD CONSTRAINT name FOREIGN KEY (columns) REFERENCES referred (referred_columns)
  void create_foreign_key(std::string name, std::string table, std::string referred_table,
                          std::vector<std::string> columns,
                          std::vector<std::string> referred_columns, std::string ondelete = {},
                          std::string onupdate = {}) {
    Constraint fk = ForeignKey(std::move(columns), std::move(referred_table),
                               std::move(referred_columns), std::move(name));
    fk.ondelete = std::move(ondelete);
    fk.onupdate = std::move(onupdate);
    ops_.push_back(AddConstraint{std::move(table), std::move(fk)});
  }
  /// ADD CONSTRAINT name CHECK (condition)
  void create_check_constraint(std::string name, std::string table, std::string condition) {
    ops_.push_back(AddConstraint{std::move(table), Check(std::move(condition), std::move(name))});
  }
  /// DROP CONSTRAINT; `kind` matters where the dialect drops each kind differently (MySQL).
  void drop_constraint(std::string name, std::string table,
                       ConstraintKind kind = ConstraintKind::Unique) {
    ops_.push_back(DropConstraint{std::move(table), std::move(name), kind});
  }
  /// Literal SQL, the same for every dialect.
  void execute(std::string sql) { ops_.push_back(Execute{{{std::string(), std::move(sql)}}}); }
  /// Literal SQL per dialect: {{"postgresql", "..."}, {"mysql", "..."}, {"", "fallback"}}.
  void execute(std::vector<std::pair<std::string, std::string>> sql_by_dialect) {
    ops_.push_back(Execute{std::move(sql_by_dialect)});
  }
  /// INSERT rows of literal values.
  void bulk_insert(std::string table, std::vector<std::string> columns,
                   std::vector<std::vector<Value>> rows) {
    ops_.push_back(BulkInsert{std::move(table), std::move(columns), std::move(rows)});
  }

  /// Asks the host to derive this downgrade by reversing the upgrade's ops.
  void derive_from_upgrade() { derive_from_upgrade_ = true; }

  const std::vector<Op>& ops() const { return ops_; }
  bool derives_from_upgrade() const { return derive_from_upgrade_; }

 private:
  /// Throws the problem (if any) as the op's error, so the revision fails before anything runs.
  static void refuse(const std::string& what, const std::string& problem) {
    if (!problem.empty()) throw Error(what + ": " + problem);
  }

  std::vector<Op> ops_;
  bool derive_from_upgrade_ = false;
};

}  // namespace sdm
