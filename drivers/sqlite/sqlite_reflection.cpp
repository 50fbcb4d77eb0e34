#include "sqlite_reflection.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "sdm/table_edit.hpp"

namespace sdm::sqlite {
namespace {

std::string literal(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string value(const Row& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : "";
}

std::vector<std::string> index_columns(Connection& connection, const std::string& index) {
  std::vector<std::pair<int, std::string>> ordered;
  for (const auto& row : connection.query("PRAGMA index_info(" + literal(index) + ")"))
    ordered.emplace_back(std::stoi(value(row, 0)), value(row, 2));
  std::sort(ordered.begin(), ordered.end());
  std::vector<std::string> columns;
  for (auto& [position, column] : ordered)
    columns.push_back(column);
  return columns;
}

/// "sqlite_autoindex_t_3" -> 3: SQLite numbers the indexes of UNIQUE constraints in
/// declaration order.
int autoindex_number(const std::string& name) {
  auto underscore = name.rfind('_');
  try {
    return std::stoi(name.substr(underscore + 1));
  } catch (...) {
    return 0;
  }
}

std::string action(const std::string& text) {
  return text == "NO ACTION" ? "" : text;
}

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

/// The unquoted words of a CREATE TABLE statement, lower case (string literals skipped).
std::vector<std::string> keywords(const std::string& sql) {
  std::vector<std::string> words;
  table_edit::detail::for_each_identifier(
      sql, [&](std::size_t, std::size_t, const std::string& word, char quote) {
        if (!quote) words.push_back(lower(word));
      });
  return words;
}

bool has_word_pair(const std::vector<std::string>& words, const char* first, const char* second) {
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i] == first && words[i + 1] == second) return true;
  return false;
}

}  // namespace

std::optional<Table> reflect_sqlite_table(Connection& connection, const std::string& name) {
  auto exists = connection.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = " +
                                 literal(name));
  if (exists.empty()) return std::nullopt;
  const std::vector<std::string> words = keywords(value(exists.front(), 0));

  Table table;
  table.name = name;
  std::vector<std::pair<int, std::string>> primary_key;
  for (const auto& row : connection.query("PRAGMA table_info(" + literal(name) + ")")) {
    Column column(value(row, 1), Raw(value(row, 2)));
    column.nullable = value(row, 3) == "0";
    if (row.size() > 4 && row[4]) column.server_default = *row[4];
    int pk_position = std::stoi(value(row, 5).empty() ? "0" : value(row, 5));
    if (pk_position > 0) primary_key.emplace_back(pk_position, column.name);
    table.columns.push_back(std::move(column));
  }
  // An INTEGER key of its own is the rowid, which SQLite numbers (unless WITHOUT ROWID).
  for (auto& column : table.columns) {
    column.keys.autoincrement =
        primary_key.size() == 1 && primary_key.front().second == column.name &&
        lower(column.type.raw) == "integer" && !has_word_pair(words, "without", "rowid");
  }
  if (has_word_pair(words, "primary", "key") &&
      std::find(words.begin(), words.end(), "autoincrement") != words.end())
    table.options.emplace_back("sqlite_autoincrement", "true");
  if (!primary_key.empty()) {
    std::sort(primary_key.begin(), primary_key.end());
    std::vector<std::string> columns;
    for (auto& [position, column] : primary_key)
      columns.push_back(column);
    table.constraints.push_back(PrimaryKey(columns));
  }

  std::vector<std::pair<int, Constraint>> uniques;
  for (const auto& row : connection.query("PRAGMA index_list(" + literal(name) + ")")) {
    std::string index = value(row, 1), origin = value(row, 3);
    if (origin == "u") {
      uniques.emplace_back(autoindex_number(index), Unique(index_columns(connection, index)));
    } else if (origin == "c") {
      table.indexes.push_back(
          Index{index, name, index_columns(connection, index), value(row, 2) == "1"});
    }
  }
  std::sort(uniques.begin(), uniques.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });

  // PRAGMA foreign_key_list numbers keys from the last declared; walk back to declaration order.
  std::map<int, Constraint, std::greater<int>> foreign_keys;
  for (const auto& row : connection.query("PRAGMA foreign_key_list(" + literal(name) + ")")) {
    int id = std::stoi(value(row, 0));
    auto& fk = foreign_keys[id];
    fk.kind = ConstraintKind::ForeignKey;
    fk.referred_table = value(row, 2);
    fk.columns.push_back(value(row, 3));
    fk.referred_columns.push_back(value(row, 4));
    fk.onupdate = action(value(row, 5));
    fk.ondelete = action(value(row, 6));
  }
  for (auto& [id, fk] : foreign_keys)
    table.constraints.push_back(std::move(fk));
  for (auto& [number, unique] : uniques)
    table.constraints.push_back(std::move(unique));
  std::sort(table.indexes.begin(), table.indexes.end(),
            [](const Index& a, const Index& b) { return a.name < b.name; });
  return table;
}

}  // namespace sdm::sqlite
