// Tables, columns, constraints and indexes as plain data: what ops carry, what the schema
// model holds and what a driver reflects from a live database.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sdm/types.hpp"

namespace sdm {

/// Keys declared on a column itself, as SQLAlchemy's Column(primary_key=, unique=, index=,
/// ForeignKey(...), autoincrement=). create_table and add_column fold the first four into the
/// table's constraints and indexes; `autoincrement` stays with the column.
struct ColumnKeys {
  bool primary_key = false;  ///< part of the table's primary key (and NOT NULL)
  bool unique = false;       ///< a unnamed UNIQUE constraint; with `index`, a unique index
  bool index = false;        ///< an index named ix_<table>_<column>
  std::string references;    ///< "table.column" of a foreign key, or ""
  std::string ondelete;      ///< the foreign key's ON DELETE action
  std::string onupdate;      ///< the foreign key's ON UPDATE action
  /// Whether the database numbers the column when an insert leaves it out. Unset is
  /// SQLAlchemy's "auto": a table's single-column integer primary key that has no server
  /// default and no foreign key. Reflection always says true or false.
  std::optional<bool> autoincrement;

  friend bool operator==(const ColumnKeys& a, const ColumnKeys& b) {
    return a.primary_key == b.primary_key && a.unique == b.unique && a.index == b.index &&
           a.references == b.references && a.ondelete == b.ondelete && a.onupdate == b.onupdate &&
           a.autoincrement == b.autoincrement;
  }
};

/// A column definition.
struct Column {
  std::string name;
  Type type;
  bool nullable = true;
  /// Server default as an SQL expression, rendered verbatim (`'text'`, `0`, `false`, `now()`).
  std::optional<std::string> server_default;
  /// Keys declared on the column (see ColumnKeys).
  ColumnKeys keys;

  Column() = default;
  Column(std::string column_name, Type column_type)
      : name(std::move(column_name)), type(std::move(column_type)) {}

  /// Declares the column NOT NULL.
  Column& not_null() {
    nullable = false;
    return *this;
  }
  /// Sets the server default to an SQL expression.
  Column& default_sql(std::string expression) {
    server_default = std::move(expression);
    return *this;
  }
  /// Makes the column (part of) the table's primary key, and NOT NULL.
  Column& primary_key() {
    keys.primary_key = true;
    nullable = false;
    return *this;
  }
  /// A UNIQUE constraint on this column alone (a unique index, together with index()).
  Column& unique() {
    keys.unique = true;
    return *this;
  }
  /// An index on this column alone, named ix_<table>_<column> as SQLAlchemy names it.
  Column& index() {
    keys.index = true;
    return *this;
  }
  /// A foreign key to `target` ("table.column"), with optional ON DELETE / ON UPDATE actions.
  Column& references(std::string target, std::string ondelete = {}, std::string onupdate = {}) {
    keys.references = std::move(target);
    keys.ondelete = std::move(ondelete);
    keys.onupdate = std::move(onupdate);
    return *this;
  }
  /// Numbers the column in the database (SERIAL, AUTO_INCREMENT, SQLite's rowid), or, with
  /// false, never, even where SQLAlchemy's "auto" rule would.
  Column& autoincrement(bool on = true) {
    keys.autoincrement = on;
    return *this;
  }

  friend bool operator==(const Column& a, const Column& b) {
    return a.name == b.name && a.type == b.type && a.nullable == b.nullable &&
           a.server_default == b.server_default && a.keys == b.keys;
  }
};

/// The kinds of table constraint.
enum class ConstraintKind { PrimaryKey, Unique, ForeignKey, Check };

/// A table constraint. An empty name lets the database pick one.
struct Constraint {
  ConstraintKind kind = ConstraintKind::Unique;
  std::string name;
  std::vector<std::string> columns;
  std::string referred_table;                 ///< foreign key only
  std::vector<std::string> referred_columns;  ///< foreign key only
  std::string ondelete;                       ///< foreign key only: CASCADE, SET NULL, ...
  std::string onupdate;                       ///< foreign key only
  std::string condition;                      ///< check only: an SQL expression

  /// Sets ON DELETE of a foreign key.
  Constraint& on_delete(std::string action) {
    ondelete = std::move(action);
    return *this;
  }
  /// Sets ON UPDATE of a foreign key.
  Constraint& on_update(std::string action) {
    onupdate = std::move(action);
    return *this;
  }
  /// Names the constraint.
  Constraint& named(std::string constraint_name) {
    name = std::move(constraint_name);
    return *this;
  }

  friend bool operator==(const Constraint& a, const Constraint& b) {
    return a.kind == b.kind && a.name == b.name && a.columns == b.columns &&
           a.referred_table == b.referred_table && a.referred_columns == b.referred_columns &&
           a.ondelete == b.ondelete && a.onupdate == b.onupdate && a.condition == b.condition;
  }
};

/// PRIMARY KEY (columns)
inline Constraint PrimaryKey(std::vector<std::string> columns, std::string name = {}) {
  Constraint c;
  c.kind = ConstraintKind::PrimaryKey;
  c.columns = std::move(columns);
  c.name = std::move(name);
  return c;
}
/// UNIQUE (columns)
inline Constraint Unique(std::vector<std::string> columns, std::string name = {}) {
  Constraint c;
  c.kind = ConstraintKind::Unique;
  c.columns = std::move(columns);
  c.name = std::move(name);
  return c;
}
/// FOREIGN KEY (columns) REFERENCES referred_table (referred_columns)
inline Constraint ForeignKey(std::vector<std::string> columns, std::string referred_table,
                             std::vector<std::string> referred_columns, std::string name = {}) {
  Constraint c;
  c.kind = ConstraintKind::ForeignKey;
  c.columns = std::move(columns);
  c.referred_table = std::move(referred_table);
  c.referred_columns = std::move(referred_columns);
  c.name = std::move(name);
  return c;
}
/// CHECK (condition)
inline Constraint Check(std::string condition, std::string name = {}) {
  Constraint c;
  c.kind = ConstraintKind::Check;
  c.condition = std::move(condition);
  c.name = std::move(name);
  return c;
}

/// An index on a table.
struct Index {
  std::string name;
  std::string table;
  std::vector<std::string> columns;
  bool unique = false;

  friend bool operator==(const Index& a, const Index& b) {
    return a.name == b.name && a.table == b.table && a.columns == b.columns && a.unique == b.unique;
  }
};

/// Extra table options (`mysql_engine`, `mysql_charset`); a dialect uses those it knows.
using TableOptions = std::vector<std::pair<std::string, std::string>>;

/// A table: columns in order, constraints in declaration order, indexes.
struct Table {
  std::string name;
  std::vector<Column> columns;
  std::vector<Constraint> constraints;
  std::vector<Index> indexes;
  TableOptions options;

  const Column* column(std::string_view column_name) const {
    for (const auto& c : columns)
      if (c.name == column_name) return &c;
    return nullptr;
  }
  Column* column(std::string_view column_name) {
    for (auto& c : columns)
      if (c.name == column_name) return &c;
    return nullptr;
  }
  /// The primary key constraint, or nullptr.
  const Constraint* primary_key() const {
    for (const auto& c : constraints)
      if (c.kind == ConstraintKind::PrimaryKey) return &c;
    return nullptr;
  }
  /// The column the database numbers on insert (SQLAlchemy's autoincrement column), or nullptr.
  const Column* autoincrement_column() const {
    const Constraint* key = primary_key();
    if (!key) return nullptr;
    const Column* marked = nullptr;
    for (const auto& name : key->columns)
      if (const Column* c = column(name); c && c->keys.autoincrement.value_or(false)) marked = c;
    if (marked || key->columns.size() != 1) return marked;
    // The "auto" rule: one integer column, no server default, not a foreign key.
    const Column* c = column(key->columns.front());
    if (!c || c->keys.autoincrement || c->server_default || !c->keys.references.empty())
      return nullptr;
    if (c->type.kind != TypeKind::Integer && c->type.kind != TypeKind::BigInteger &&
        c->type.kind != TypeKind::SmallInteger)
      return nullptr;
    for (const auto& constraint : constraints)
      if (constraint.kind == ConstraintKind::ForeignKey)
        for (const auto& referring : constraint.columns)
          if (referring == c->name) return nullptr;
    return c;
  }
  /// The value of a table option, or nullptr.
  const std::string* option(std::string_view key) const {
    for (const auto& [k, v] : options)
      if (k == key) return &v;
    return nullptr;
  }

  friend bool operator==(const Table& a, const Table& b) {
    return a.name == b.name && a.columns == b.columns && a.constraints == b.constraints &&
           a.indexes == b.indexes && a.options == b.options;
  }
};

/// A whole schema: tables by name.
using Schema = std::map<std::string, Table>;

}  // namespace sdm
