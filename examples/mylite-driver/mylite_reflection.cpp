// Reading a live table back from SQLite's catalog pragmas. It reports every index SQLite has,
// also the sqlite_autoindex_* ones behind UNIQUE and PRIMARY KEY: the host leaves those out.
#include <algorithm>
#include <cctype>
#include <map>

#include "mylite_connection.hpp"

namespace mylite {
namespace {

std::string literal(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string text(const sdm::Row& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : "";
}

std::string lower(std::string value) {
  for (char& c : value)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return value;
}

/// NO ACTION is what an unset ON DELETE/ON UPDATE means.
std::string action(const std::string& value) {
  return value == "NO ACTION" ? "" : value;
}

}  // namespace

std::optional<sdm::Table> Connection::reflect_table(const std::string& name) {
  const std::string table_literal = literal(name);
  const auto exists =
      query("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = " + table_literal);
  if (exists.empty()) return std::nullopt;
  sdm::Table table;
  table.name = name;

  // Columns in order; pk is the column's position in the primary key (0: not in it).
  std::map<int, std::string> key;
  for (const auto& row : query("SELECT name, type, \"notnull\", dflt_value, pk FROM "
                               "pragma_table_info(" +
                               table_literal + ") ORDER BY cid")) {
    sdm::Column column(text(row, 0), sdm::Raw(text(row, 1)));
    column.nullable = text(row, 2) == "0";
    if (row[3]) column.server_default = *row[3];
    if (text(row, 4) != "0") key[std::stoi(text(row, 4))] = column.name;
    table.columns.push_back(std::move(column));
  }
  std::vector<std::string> key_columns;
  for (const auto& [position, column] : key)
    key_columns.push_back(column);
  if (!key_columns.empty()) table.constraints.push_back(sdm::PrimaryKey(key_columns));
  // A key of one column declared INTEGER is the rowid: SQLite numbers it.
  const bool without_rowid =
      lower(text(exists.front(), 0)).find("without rowid") != std::string::npos;
  for (auto& column : table.columns)
    column.keys.autoincrement = !without_rowid && key_columns.size() == 1 &&
                                key_columns.front() == column.name &&
                                lower(column.type.raw) == "integer";

  // Foreign keys: one row per column, grouped by id.
  std::map<int, sdm::Constraint> foreign_keys;
  for (const auto& row : query("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM "
                               "pragma_foreign_key_list(" +
                               table_literal + ") ORDER BY id, seq")) {
    sdm::Constraint& fk = foreign_keys[std::stoi(text(row, 0))];
    fk.kind = sdm::ConstraintKind::ForeignKey;
    fk.referred_table = text(row, 1);
    fk.columns.push_back(text(row, 2));
    fk.referred_columns.push_back(text(row, 3));
    fk.onupdate = action(text(row, 4));
    fk.ondelete = action(text(row, 5));
  }
  for (auto& [id, fk] : foreign_keys)
    table.constraints.push_back(std::move(fk));

  // Every index; those behind a UNIQUE constraint (origin 'u') are that constraint too.
  for (const auto& row : query("SELECT name, \"unique\", origin FROM pragma_index_list(" +
                               table_literal + ") ORDER BY name")) {
    sdm::Index index{text(row, 0), name, {}, text(row, 1) == "1"};
    for (const auto& column :
         query("SELECT name FROM pragma_index_info(" + literal(index.name) + ") ORDER BY seqno"))
      index.columns.push_back(text(column, 0));
    if (text(row, 2) == "u") table.constraints.push_back(sdm::Unique(index.columns));
    table.indexes.push_back(std::move(index));
  }
  return table;
}

}  // namespace mylite
