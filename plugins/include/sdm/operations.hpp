// The recorder a revision's upgrade()/downgrade() writes to. Nothing runs here: each call
// appends one op, which the host later renders, runs or prints.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sdm/column_keys.hpp"
#include "sdm/error.hpp"
#include "sdm/ops.hpp"
#include "sdm/session.hpp"

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

class Operations;

/// Declares the schema change of an `execute` (see Operations::execute).
class ExecuteOptions {
 public:
  ExecuteOptions(Operations& ops, std::size_t index) : ops_(ops), index_(index) {}
  /// The schema change the SQL makes, as SDK ops (`sdm::ops().add_column(...)`): the host's
  /// schema model applies them instead of reading the SQL, and never renders them. Pass
  /// `sdm::ops()` alone for SQL that changes no table's shape.
  ExecuteOptions& changes(const Operations& declared);

 private:
  Operations& ops_;
  std::size_t index_;
};

/// Says what `--sql` writes in place of a code step (see Operations::run).
class CodeStepOptions {
 public:
  CodeStepOptions(Operations& ops, std::size_t index) : ops_(ops), index_(index) {}
  /// The same SQL for every dialect.
  CodeStepOptions& offline(std::string sql);
  /// SQL per dialect: {{"postgresql", "..."}, {"mysql", "..."}, {"", "fallback"}}.
  CodeStepOptions& offline(std::vector<std::pair<std::string, std::string>> sql_by_dialect);

 private:
  Operations& ops_;
  std::size_t index_;
};

/// Records schema operations in order. Each recording call returns the recorder, so calls
/// chain (as in `sdm::ops()` for ExecuteOptions::changes).
class Operations {
 public:
  /// A recorder with no context (dialect "", online), as tests use it.
  Operations() = default;
  /// The host records each revision knowing the database's dialect and whether the run writes
  /// a script (`--sql`) instead of changing a database.
  Operations(std::string dialect, bool offline) : dialect_(std::move(dialect)), offline_(offline) {}

  /// The dialect the ops are recorded for ("sqlite", "postgresql", "mysql", a vendor's), so
  /// upgrade() can choose per-dialect ops; "" when no database is involved (`schema
  /// --revision` without a URL).
  const std::string& dialect() const { return dialect_; }
  /// Whether the run writes SQL (`--sql`) rather than running it: code steps then need an
  /// offline alternative.
  bool offline() const { return offline_; }

  /// CREATE TABLE with columns in order, then constraints (the primary key renders first).
  /// Keys declared on columns (primary_key(), unique(), index(), references()) join the
  /// table's constraints and indexes.
  Operations& create_table(std::string name, std::vector<Column> columns,
                           std::vector<Constraint> constraints = {}, TableOptions options = {}) {
    Table t;
    t.name = std::move(name);
    t.columns = std::move(columns);
    t.constraints = std::move(constraints);
    t.options = std::move(options);
    refuse("create_table " + t.name, column_keys::fold_into_table(t));
    refuse("create_table " + t.name, column_keys::check_autoincrement(t));
    ops_.push_back(CreateTable{std::move(t)});
    return *this;
  }
  /// DROP TABLE
  Operations& drop_table(std::string name) {
    ops_.push_back(DropTable{std::move(name)});
    return *this;
  }
  /// ADD COLUMN, then (as Alembic does) ADD CONSTRAINT for a unique() or references() and
  /// CREATE INDEX for an index() declared on the column.
  Operations& add_column(std::string table, Column column) {
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
    return *this;
  }
  /// DROP COLUMN
  Operations& drop_column(std::string table, std::string column) {
    ops_.push_back(DropColumn{std::move(table), std::move(column)});
    return *this;
  }
  /// Changes a column's type, nullability, server default and/or name.
  Operations& alter_column(std::string table, std::string column, AlterColumnOptions options) {
    AlterColumn op;
    op.table = std::move(table);
    op.column = std::move(column);
    op.type = std::move(options.type);
    op.nullable = options.nullable;
    op.server_default = std::move(options.server_default);
    op.new_name = std::move(options.new_name);
    ops_.push_back(std::move(op));
    return *this;
  }
  /// ALTER TABLE ... RENAME TO
  Operations& rename_table(std::string table, std::string new_name) {
    ops_.push_back(RenameTable{std::move(table), std::move(new_name)});
    return *this;
  }
  /// CREATE [UNIQUE] INDEX name ON table (columns)
  Operations& create_index(std::string name, std::string table, std::vector<std::string> columns,
                           bool unique = false) {
    ops_.push_back(
        CreateIndex{Index{std::move(name), std::move(table), std::move(columns), unique}});
    return *this;
  }
  /// DROP INDEX
  Operations& drop_index(std::string name, std::string table) {
    ops_.push_back(DropIndex{std::move(name), std::move(table)});
    return *this;
  }
  /// ADD CONSTRAINT name PRIMARY KEY (columns)
  Operations& create_primary_key(std::string name, std::string table,
                                 std::vector<std::string> columns) {
    ops_.push_back(
        AddConstraint{std::move(table), PrimaryKey(std::move(columns), std::move(name))});
    return *this;
  }
  /// ADD CONSTRAINT name UNIQUE (columns)
  Operations& create_unique_constraint(std::string name, std::string table,
                                       std::vector<std::string> columns) {
    ops_.push_back(AddConstraint{std::move(table), Unique(std::move(columns), std::move(name))});
    return *this;
  }
  /// ADD CONSTRAINT name FOREIGN KEY (columns) REFERENCES referred (referred_columns)
  Operations& create_foreign_key(std::string name, std::string table, std::string referred_table,
                                 std::vector<std::string> columns,
                                 std::vector<std::string> referred_columns,
                                 std::string ondelete = {}, std::string onupdate = {}) {
    Constraint fk = ForeignKey(std::move(columns), std::move(referred_table),
                               std::move(referred_columns), std::move(name));
    fk.ondelete = std::move(ondelete);
    fk.onupdate = std::move(onupdate);
    ops_.push_back(AddConstraint{std::move(table), std::move(fk)});
    return *this;
  }
  /// ADD CONSTRAINT name CHECK (condition)
  Operations& create_check_constraint(std::string name, std::string table, std::string condition) {
    ops_.push_back(AddConstraint{std::move(table), Check(std::move(condition), std::move(name))});
    return *this;
  }
  /// DROP CONSTRAINT; `kind` matters where the dialect drops each kind differently (MySQL).
  Operations& drop_constraint(std::string name, std::string table,
                              ConstraintKind kind = ConstraintKind::Unique) {
    ops_.push_back(DropConstraint{std::move(table), std::move(name), kind});
    return *this;
  }
  /// Literal SQL, the same for every dialect.
  ExecuteOptions execute(std::string sql) {
    return execute(
        std::vector<std::pair<std::string, std::string>>{{std::string(), std::move(sql)}});
  }
  /// Literal SQL per dialect: {{"postgresql", "..."}, {"mysql", "..."}, {"", "fallback"}}.
  ExecuteOptions execute(std::vector<std::pair<std::string, std::string>> sql_by_dialect) {
    ops_.push_back(Execute{std::move(sql_by_dialect), nullptr});
    return ExecuteOptions(*this, ops_.size() - 1);
  }
  /// INSERT rows of literal values.
  Operations& bulk_insert(std::string table, std::vector<std::string> columns,
                          std::vector<std::vector<Value>> rows) {
    ops_.push_back(BulkInsert{std::move(table), std::move(columns), std::move(rows)});
    return *this;
  }

  /// Runs `code` at this point of the run, with a session that queries and executes inside
  /// the revision's transaction (values bound to `?` placeholders): for changes portable SQL
  /// cannot make, such as reshaping JSON kept in a TEXT column. `name` says what it does, in
  /// the log and in errors. Online only, unless `.offline(sql)` gives what `--sql` writes in
  /// its place. The host cannot reverse it: a derived downgrade over it is refused.
  CodeStepOptions run(std::string name, std::function<void(Session&)> code) {
    RunCode step;
    step.name = std::move(name);
    step.step = std::make_shared<detail::FunctionCodeStep>(std::move(code));
    ops_.push_back(std::move(step));
    return CodeStepOptions(*this, ops_.size() - 1);
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

  friend class CodeStepOptions;
  friend class ExecuteOptions;

  std::vector<Op> ops_;
  bool derive_from_upgrade_ = false;
  std::string dialect_;
  bool offline_ = false;
};

/// A recorder for ExecuteOptions::changes: `sdm::ops().add_column(...).create_index(...)`.
inline Operations ops() {
  return Operations();
}

inline ExecuteOptions& ExecuteOptions::changes(const Operations& declared) {
  for (const auto& op : declared.ops())
    if (std::holds_alternative<Execute>(op) || std::holds_alternative<RunCode>(op) ||
        std::holds_alternative<BulkInsert>(op))
      Operations::refuse("execute(...).changes(...)",
                         describe(op) + " is not a schema change; declare only schema ops");
  std::get<Execute>(ops_.ops_[index_]).declared =
      std::make_shared<const DeclaredChanges>(DeclaredChanges{declared.ops()});
  return *this;
}

inline CodeStepOptions& CodeStepOptions::offline(std::string sql) {
  return offline({{std::string(), std::move(sql)}});
}

inline CodeStepOptions& CodeStepOptions::offline(
    std::vector<std::pair<std::string, std::string>> sql_by_dialect) {
  std::get<RunCode>(ops_.ops_[index_]).offline_sql = std::move(sql_by_dialect);
  return *this;
}

}  // namespace sdm
