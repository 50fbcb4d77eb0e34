// Keys declared on a column (Column::primary_key(), unique(), index(), references()) turned into
// the table constraints and indexes they stand for, as SQLAlchemy does when a Column joins a
// Table: the primary key and constraints stay unnamed (the database names them), an index is
// named ix_<table>_<column>. The recorder folds them in, so every op the host and the dialects
// see carries plain constraints and indexes. Each function returns what is wrong, or "".
#pragma once

#include <string>
#include <vector>

#include "sdm/schema.hpp"

namespace sdm::column_keys {

/// The name SQLAlchemy's default naming convention gives the index of Column(index=True).
inline std::string index_name(const std::string& table, const std::string& column) {
  return "ix_" + table + "_" + column;
}

/// Whether a column declares any key that folds into the table.
inline bool declares_keys(const Column& column) {
  const ColumnKeys& k = column.keys;
  return k.primary_key || k.unique || k.index || !k.references.empty();
}

/// The unique constraint, foreign key and index that `column`'s keys declare on `table` (not the
/// primary key), in SQLAlchemy's order: the unique constraint or index, then the foreign key.
inline std::string derived_objects(const std::string& table, const Column& column,
                                   std::vector<Constraint>& constraints,
                                   std::vector<Index>& indexes) {
  const ColumnKeys& keys = column.keys;
  if (keys.index) {
    indexes.push_back(Index{index_name(table, column.name), table, {column.name}, keys.unique});
  } else if (keys.unique) {
    constraints.push_back(Unique({column.name}));
  }
  if (keys.references.empty()) return {};
  const auto dot = keys.references.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == keys.references.size())
    return "column " + column.name + " references '" + keys.references +
           "'; name the referred column as \"table.column\"";
  Constraint fk =
      ForeignKey({column.name}, keys.references.substr(0, dot), {keys.references.substr(dot + 1)});
  fk.ondelete = keys.ondelete;
  fk.onupdate = keys.onupdate;
  constraints.push_back(std::move(fk));
  return {};
}

/// Moves the keys declared on `table`'s columns into its constraints and indexes: a primary key
/// over the marked columns in column order first, then the table's own constraints, then each
/// column's. The columns keep only `autoincrement`.
inline std::string fold_into_table(Table& table) {
  std::vector<std::string> key_columns;
  std::vector<Constraint> constraints;
  std::vector<Index> indexes;
  for (auto& column : table.columns) {
    if (column.keys.primary_key) key_columns.push_back(column.name);
    std::string problem = derived_objects(table.name, column, constraints, indexes);
    if (!problem.empty()) return "table " + table.name + ": " + problem;
    const auto autoincrement = column.keys.autoincrement;
    column.keys = ColumnKeys();
    column.keys.autoincrement = autoincrement;
  }
  if (!key_columns.empty()) {
    if (const Constraint* declared = table.primary_key()) {
      std::string listed;
      for (const auto& c : declared->columns)
        listed += (listed.empty() ? "" : ", ") + c;
      return "table " + table.name + " declares its primary key twice: on column " +
             key_columns.front() + " and as PrimaryKey(" + listed + "); keep one";
    }
    table.constraints.insert(table.constraints.begin(), PrimaryKey(key_columns));
  }
  table.constraints.insert(table.constraints.end(), constraints.begin(), constraints.end());
  table.indexes.insert(table.indexes.end(), indexes.begin(), indexes.end());
  return {};
}

/// What an autoincrement mark on `column` asks for that the column cannot be (a non-integer
/// type, or a column of a composite key several of whose columns are marked), or "".
inline std::string check_autoincrement(const Table& table) {
  int marked = 0;
  for (const auto& column : table.columns) {
    if (!column.keys.autoincrement.value_or(false)) continue;
    ++marked;
    const TypeKind kind = column.type.kind;
    if (kind != TypeKind::Integer && kind != TypeKind::BigInteger && kind != TypeKind::SmallInteger)
      return "column " + column.name + " of table " + table.name +
             " is marked autoincrement but is not Integer, BigInteger or SmallInteger";
    const Constraint* key = table.primary_key();
    bool in_key = false;
    for (const auto& name : key ? key->columns : std::vector<std::string>{})
      in_key = in_key || name == column.name;
    if (!in_key)
      return "column " + column.name + " of table " + table.name +
             " is marked autoincrement but is not part of the primary key";
  }
  if (marked > 1)
    return "table " + table.name + " marks more than one column autoincrement; only one may be";
  return {};
}

}  // namespace sdm::column_keys
