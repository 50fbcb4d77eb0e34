// Edits of one table definition: the change an op makes, applied to a sdm::Table. The host's
// schema model and the dialects that rebuild tables (SQLite) share them, so a rebuilt table is
// exactly what the model expects. Each edit returns what is wrong, or "" when it applied; the
// caller turns that into its own error.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <vector>

#include "sdm/ops.hpp"
#include "sdm/schema.hpp"

namespace sdm::table_edit {

namespace detail {

inline bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

inline std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

inline bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

inline void rename_in(std::vector<std::string>& names, const std::string& from,
                      const std::string& to) {
  for (auto& name : names)
    if (name == from) name = to;
}

/// Calls on_name(begin, length, name, quote) for every identifier of an SQL expression; `quote`
/// is the quote character of a quoted identifier, or 0. String literals are skipped.
template <class OnName>
void for_each_identifier(const std::string& sql, OnName on_name) {
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"' || c == '`') {
      const std::size_t begin = i++;
      std::string name;
      while (i < sql.size()) {
        if (sql[i] == c) {
          if (i + 1 < sql.size() && sql[i + 1] == c) {
            name += c;
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        name += sql[i++];
      }
      if (c != '\'') on_name(begin, i - begin, name, c);
    } else if (is_name_char(c)) {
      const std::size_t begin = i;
      while (i < sql.size() && is_name_char(sql[i]))
        ++i;
      on_name(begin, i - begin, sql.substr(begin, i - begin), '\0');
    } else {
      ++i;
    }
  }
}

/// Unquoted identifiers compare without case, as every supported database folds them.
inline bool same_name(const std::string& token, char quote, const std::string& column) {
  return quote ? token == column : lower(token) == lower(column);
}

}  // namespace detail

/// Whether an SQL expression (a CHECK condition) mentions `column`.
inline bool mentions(const std::string& sql, const std::string& column) {
  bool found = false;
  detail::for_each_identifier(sql,
                              [&](std::size_t, std::size_t, const std::string& name, char quote) {
                                if (detail::same_name(name, quote, column)) found = true;
                              });
  return found;
}

/// The SQL expression with every mention of column `from` renamed to `to`.
inline std::string rename_in_sql(const std::string& sql, const std::string& from,
                                 const std::string& to) {
  std::string out;
  std::size_t copied = 0;
  detail::for_each_identifier(
      sql, [&](std::size_t begin, std::size_t length, const std::string& name, char quote) {
        if (!detail::same_name(name, quote, from)) return;
        const bool plain = !to.empty() && detail::lower(to) == to &&
                           std::all_of(to.begin(), to.end(), detail::is_name_char) &&
                           !std::isdigit(static_cast<unsigned char>(to[0]));
        const char q = quote ? quote : (plain ? '\0' : '"');
        out.append(sql, copied, begin - copied);
        if (q) {
          out += q;
          for (char c : to)
            out.append(c == q ? 2 : 1, c);
          out += q;
        } else {
          out += to;
        }
        copied = begin + length;
      });
  out.append(sql, copied, std::string::npos);
  return out;
}

/// Whether a constraint of `table` involves `column` (its own columns, a CHECK that mentions
/// it, or a self-referencing foreign key that points at it).
inline bool constraint_uses(const Table& table, const Constraint& constraint,
                            const std::string& column) {
  if (detail::contains(constraint.columns, column)) return true;
  if (constraint.kind == ConstraintKind::Check) return mentions(constraint.condition, column);
  return constraint.kind == ConstraintKind::ForeignKey && constraint.referred_table == table.name &&
         detail::contains(constraint.referred_columns, column);
}

/// Whether an index covers `column`.
inline bool index_uses(const Index& index, const std::string& column) {
  return detail::contains(index.columns, column);
}

/// Whether a constraint or an index of `table` uses `column`.
inline bool column_in_use(const Table& table, const std::string& column) {
  for (const auto& constraint : table.constraints)
    if (constraint_uses(table, constraint, column)) return true;
  for (const auto& index : table.indexes)
    if (index_uses(index, column)) return true;
  return false;
}

/// What is wrong with a complete table definition (duplicate columns, constraints or indexes
/// on missing columns, two primary keys), or "".
inline std::string check_definition(const Table& table) {
  if (table.name.empty()) return "the table has no name";
  if (table.columns.empty()) return "table " + table.name + " has no columns";
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    for (std::size_t j = i + 1; j < table.columns.size(); ++j)
      if (table.columns[i].name == table.columns[j].name)
        return "table " + table.name + " declares column " + table.columns[i].name + " twice";
  int primary_keys = 0;
  for (const auto& constraint : table.constraints) {
    if (constraint.kind == ConstraintKind::PrimaryKey) ++primary_keys;
    for (const auto& column : constraint.columns)
      if (!table.column(column))
        return "a constraint of table " + table.name + " names column " + column +
               ", which the table does not have";
  }
  if (primary_keys > 1) return "table " + table.name + " declares more than one primary key";
  for (const auto& index : table.indexes)
    for (const auto& column : index.columns)
      if (!table.column(column))
        return "index " + index.name + " names column " + column + ", which table " + table.name +
               " does not have";
  return {};
}

/// ADD COLUMN
inline std::string add_column(Table& table, const Column& column) {
  if (column.name.empty()) return "the column has no name";
  if (table.column(column.name))
    return "table " + table.name + " already has a column " + column.name;
  table.columns.push_back(column);
  return {};
}

/// DROP COLUMN; constraints and indexes that involve the column go with it, as on PostgreSQL.
inline std::string drop_column(Table& table, const std::string& column) {
  auto found = std::find_if(table.columns.begin(), table.columns.end(),
                            [&](const Column& c) { return c.name == column; });
  if (found == table.columns.end()) return "table " + table.name + " has no column " + column;
  table.columns.erase(found);
  auto& constraints = table.constraints;
  constraints.erase(
      std::remove_if(constraints.begin(), constraints.end(),
                     [&](const Constraint& c) { return constraint_uses(table, c, column); }),
      constraints.end());
  auto& indexes = table.indexes;
  indexes.erase(std::remove_if(indexes.begin(), indexes.end(),
                               [&](const Index& i) { return index_uses(i, column); }),
                indexes.end());
  return {};
}

/// Changes a column's type, nullability, default and/or name; a new name follows into the
/// table's constraints and indexes.
inline std::string alter_column(Table& table, const AlterColumn& op) {
  Column* column = table.column(op.column);
  if (!column) return "table " + table.name + " has no column " + op.column;
  const bool renames = op.new_name && *op.new_name != op.column;
  if (renames && table.column(*op.new_name))
    return "table " + table.name + " already has a column " + *op.new_name;
  if (op.type) column->type = *op.type;
  if (op.nullable) column->nullable = *op.nullable;
  if (op.server_default) column->server_default = *op.server_default;
  if (!renames) return {};
  const std::string& to = *op.new_name;
  column->name = to;
  for (auto& constraint : table.constraints) {
    detail::rename_in(constraint.columns, op.column, to);
    if (constraint.kind == ConstraintKind::ForeignKey && constraint.referred_table == table.name)
      detail::rename_in(constraint.referred_columns, op.column, to);
    if (constraint.kind == ConstraintKind::Check)
      constraint.condition = rename_in_sql(constraint.condition, op.column, to);
  }
  for (auto& index : table.indexes)
    detail::rename_in(index.columns, op.column, to);
  return {};
}

/// Makes `referring`'s foreign keys follow a column of `table` renamed from `from` to `to`.
inline void follow_column_rename(Table& referring, const std::string& table,
                                 const std::string& from, const std::string& to) {
  if (referring.name == table) return;  // alter_column already renamed self references
  for (auto& constraint : referring.constraints)
    if (constraint.kind == ConstraintKind::ForeignKey && constraint.referred_table == table)
      detail::rename_in(constraint.referred_columns, from, to);
}

/// Makes `referring`'s foreign keys and indexes follow a table renamed from `from` to `to`.
inline void follow_table_rename(Table& referring, const std::string& from, const std::string& to) {
  for (auto& constraint : referring.constraints)
    if (constraint.kind == ConstraintKind::ForeignKey && constraint.referred_table == from)
      constraint.referred_table = to;
  for (auto& index : referring.indexes)
    if (index.table == from) index.table = to;
}

/// ADD CONSTRAINT
inline std::string add_constraint(Table& table, const Constraint& constraint) {
  if (constraint.kind == ConstraintKind::PrimaryKey && table.primary_key())
    return "table " + table.name + " already has a primary key";
  if (!constraint.name.empty())
    for (const auto& existing : table.constraints)
      if (existing.name == constraint.name)
        return "table " + table.name + " already has a constraint named " + constraint.name;
  if (constraint.kind == ConstraintKind::Check) {
    if (constraint.condition.empty()) return "the check constraint has no condition";
  } else if (constraint.columns.empty()) {
    return "the constraint names no columns";
  }
  for (const auto& column : constraint.columns)
    if (!table.column(column)) return "table " + table.name + " has no column " + column;
  if (constraint.kind == ConstraintKind::ForeignKey &&
      constraint.columns.size() != constraint.referred_columns.size())
    return "the foreign key names " + std::to_string(constraint.columns.size()) +
           " columns but refers to " + std::to_string(constraint.referred_columns.size());
  table.constraints.push_back(constraint);
  return {};
}

/// DROP CONSTRAINT by name.
inline std::string drop_constraint(Table& table, const std::string& name) {
  auto& constraints = table.constraints;
  auto found = std::find_if(constraints.begin(), constraints.end(),
                            [&](const Constraint& c) { return !name.empty() && c.name == name; });
  if (found == constraints.end()) return "table " + table.name + " has no constraint named " + name;
  constraints.erase(found);
  return {};
}

/// CREATE INDEX on this table.
inline std::string add_index(Table& table, Index index) {
  if (index.name.empty()) return "the index has no name";
  if (index.columns.empty()) return "index " + index.name + " names no columns";
  for (const auto& existing : table.indexes)
    if (existing.name == index.name)
      return "table " + table.name + " already has an index named " + index.name;
  for (const auto& column : index.columns)
    if (!table.column(column)) return "table " + table.name + " has no column " + column;
  index.table = table.name;
  table.indexes.push_back(std::move(index));
  return {};
}

/// DROP INDEX of this table.
inline std::string drop_index(Table& table, const std::string& name) {
  auto& indexes = table.indexes;
  auto found =
      std::find_if(indexes.begin(), indexes.end(), [&](const Index& i) { return i.name == name; });
  if (found == indexes.end()) return "table " + table.name + " has no index named " + name;
  indexes.erase(found);
  return {};
}

}  // namespace sdm::table_edit
