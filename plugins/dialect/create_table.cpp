// CREATE TABLE, column definitions, table constraints and CREATE INDEX, in SQLAlchemy's
// shapes: four-space indent, ", \n" between entries, the primary key before the other
// constraints, the table options right after ")".
#include <algorithm>
#include <array>
#include <cctype>

#include "sdm/error.hpp"
#include "sdm/sql_dialect.hpp"

namespace sdm {
namespace {

constexpr const char* kIndent = "    ";
constexpr const char* kSeparator = ", \n";

std::string upper(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// Only the referential actions SQL defines; anything else would be spliced into the DDL as is.
const std::string& checked_action(const std::string& action, const char* clause) {
  static const std::array<std::string, 5> actions = {"RESTRICT", "CASCADE", "SET NULL", "NO ACTION",
                                                     "SET DEFAULT"};
  if (std::find(actions.begin(), actions.end(), upper(action)) == actions.end())
    throw Error(std::string("unsupported ") + clause + " action '" + action +
                "' (use RESTRICT, CASCADE, SET NULL, NO ACTION or SET DEFAULT)");
  return action;
}

}  // namespace

std::string SqlDialect::render_column(const Column& column) const {
  std::string sql = quote(column.name) + " " + render_type(column.type);
  const std::string not_null = column.nullable ? "" : " NOT NULL";
  const std::string default_clause =
      column.server_default ? " DEFAULT " + *column.server_default : "";
  sql += spec_.not_null_before_default ? not_null + default_clause : default_clause + not_null;
  return sql;
}

std::string SqlDialect::render_constraint(const Constraint& constraint) const {
  std::string sql = constraint.name.empty() ? "" : "CONSTRAINT " + quote(constraint.name) + " ";
  if (constraint.kind != ConstraintKind::Check && constraint.columns.empty())
    throw Error("a constraint" + (constraint.name.empty() ? "" : " (" + constraint.name + ")") +
                " names no columns");
  switch (constraint.kind) {
    case ConstraintKind::PrimaryKey:
      return sql + "PRIMARY KEY (" + quote_list(constraint.columns) + ")";
    case ConstraintKind::Unique:
      return sql + "UNIQUE (" + quote_list(constraint.columns) + ")";
    case ConstraintKind::ForeignKey:
      sql += "FOREIGN KEY(" + quote_list(constraint.columns) + ") REFERENCES " +
             quote(constraint.referred_table) + " (" + quote_list(constraint.referred_columns) +
             ")";
      if (!constraint.ondelete.empty())
        sql += " ON DELETE " + checked_action(constraint.ondelete, "ON DELETE");
      if (!constraint.onupdate.empty())
        sql += " ON UPDATE " + checked_action(constraint.onupdate, "ON UPDATE");
      return sql;
    case ConstraintKind::Check:
      if (constraint.condition.empty()) throw Error("a check constraint has no condition");
      return sql + "CHECK (" + constraint.condition + ")";
  }
  throw Error("unknown constraint kind " + std::to_string(static_cast<int>(constraint.kind)));
}

std::string SqlDialect::render_create_table(const Table& table) const {
  if (table.columns.empty())
    throw Error("create_table " + table.name + ": the table has no columns");
  std::string sql = "CREATE TABLE " + quote(table.name) + " (";
  std::string separator = "\n";
  auto add_entry = [&](const std::string& entry) {
    sql += separator + kIndent + entry;
    separator = kSeparator;
  };
  for (const auto& column : table.columns)
    add_entry(render_column(column));
  if (const Constraint* primary_key = table.primary_key())
    add_entry(render_constraint(*primary_key));
  for (const auto& constraint : table.constraints)
    if (constraint.kind != ConstraintKind::PrimaryKey) add_entry(render_constraint(constraint));
  return sql + "\n)" + render_table_options(table);
}

std::string SqlDialect::render_table_options(const Table& table) const {
  const std::string& prefix = spec_.table_option_prefix;
  if (prefix.empty()) return {};
  std::string options;
  for (const auto& [key, value] : table.options) {
    if (key.size() <= prefix.size() || key.compare(0, prefix.size(), prefix) != 0) continue;
    if (!options.empty()) options += " ";
    options += upper(key.substr(prefix.size())) + "=" + value;
  }
  return options;
}

std::string SqlDialect::render_create_index(const Index& index) const {
  if (index.table.empty()) throw Error("create_index " + index.name + ": no table given");
  if (index.columns.empty()) throw Error("create_index " + index.name + ": no columns given");
  return std::string("CREATE ") + (index.unique ? "UNIQUE " : "") + "INDEX " + quote(index.name) +
         " ON " + quote(index.table) + " (" + quote_list(index.columns) + ")";
}

}  // namespace sdm
