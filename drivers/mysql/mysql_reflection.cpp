#include "mysql_reflection.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace sdm::mysql {
namespace {

std::string value(const Row& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : "";
}

std::string upper(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

/// "t_ibfk_2" before "t_ibfk_10": InnoDB numbers unnamed foreign keys in creation order.
bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool digit_a = std::isdigit(static_cast<unsigned char>(a[i]));
    const bool digit_b = std::isdigit(static_cast<unsigned char>(b[j]));
    if (digit_a && digit_b) {
      std::size_t end_a = i, end_b = j;
      while (end_a < a.size() && std::isdigit(static_cast<unsigned char>(a[end_a])))
        ++end_a;
      while (end_b < b.size() && std::isdigit(static_cast<unsigned char>(b[end_b])))
        ++end_b;
      const std::string run_a = a.substr(i, end_a - i), run_b = b.substr(j, end_b - j);
      if (run_a.size() != run_b.size()) return run_a.size() < run_b.size();
      if (run_a != run_b) return run_a < run_b;
      i = end_a;
      j = end_b;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

/// The default as an SQL expression to restate in a column definition, or nullopt for none.
/// MariaDB (10.2.7+) reports it as SQL already ('text', 3, current_timestamp(), NULL); MySQL
/// reports literals bare and marks expressions DEFAULT_GENERATED.
std::optional<std::string> column_default(MysqlSession& session, const Row& column, bool mariadb) {
  if (column.size() < 5 || !column[3]) return std::nullopt;
  const std::string& reported = *column[3];
  if (mariadb) return reported == "NULL" ? std::nullopt : std::optional<std::string>(reported);
  const std::string type = upper(value(column, 1)), extra = upper(value(column, 4));
  if (starts_with(upper(reported), "CURRENT_TIMESTAMP")) return reported;
  if (extra.find("DEFAULT_GENERATED") != std::string::npos) return "(" + reported + ")";
  for (const char* numeric : {"TINYINT", "SMALLINT", "MEDIUMINT", "INT", "BIGINT", "DECIMAL",
                              "NUMERIC", "FLOAT", "DOUBLE", "REAL", "BIT"})
    if (starts_with(type, numeric)) return reported;
  return session.literal(reported);
}

/// Where a query is about one table of the current database.
std::string of_table(MysqlSession& session, const std::string& name) {
  return " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = " + session.literal(name);
}

std::string action(const std::string& rule) {
  return rule == "RESTRICT" ? "" : rule;
}

void read_columns(MysqlSession& session, Table& table) {
  const bool mariadb = session.is_mariadb();
  for (const Row& row :
       session.query("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA "
                     "FROM information_schema.COLUMNS" +
                     of_table(session, table.name) + " ORDER BY ORDINAL_POSITION")) {
    Column column(value(row, 0), Raw(value(row, 1)));
    column.nullable = value(row, 2) == "YES";
    column.server_default = column_default(session, row, mariadb);
    column.keys.autoincrement = upper(value(row, 4)).find("AUTO_INCREMENT") != std::string::npos;
    table.columns.push_back(std::move(column));
  }
}

/// Primary key, unique constraints, foreign keys and checks, in that order; returns the names
/// of the indexes that back unique and primary keys.
std::vector<std::string> read_constraints(MysqlSession& session, Table& table) {
  std::map<std::string, std::string> kinds;  // name -> CONSTRAINT_TYPE
  for (const Row& row : session.query("SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE "
                                      "FROM information_schema.TABLE_CONSTRAINTS" +
                                      of_table(session, table.name)))
    kinds[value(row, 0)] = value(row, 1);

  // Key columns; a foreign key and a unique key may share a name, so they are kept apart.
  std::map<std::string, Constraint> keys, foreign_keys;
  for (const Row& row : session.query(
           "SELECT CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME "
           "FROM information_schema.KEY_COLUMN_USAGE" +
           of_table(session, table.name) + " ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION")) {
    const std::string name = value(row, 0);
    if (row.size() > 2 && row[2]) {
      Constraint& fk = foreign_keys[name];
      fk.kind = ConstraintKind::ForeignKey;
      fk.name = name;
      fk.referred_table = value(row, 2);
      fk.columns.push_back(value(row, 1));
      fk.referred_columns.push_back(value(row, 3));
    } else {
      keys[name].columns.push_back(value(row, 1));
    }
  }
  for (const Row& row : session.query("SELECT CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE "
                                      "FROM information_schema.REFERENTIAL_CONSTRAINTS "
                                      "WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = " +
                                      session.literal(table.name))) {
    auto fk = foreign_keys.find(value(row, 0));
    if (fk == foreign_keys.end()) continue;
    fk->second.onupdate = action(value(row, 1));
    fk->second.ondelete = action(value(row, 2));
  }

  std::vector<std::string> names;
  for (const auto& [name, kind] : kinds)
    names.push_back(name);
  std::sort(names.begin(), names.end(), natural_less);
  std::vector<std::string> key_indexes;
  std::vector<Constraint> uniques, foreigns, checks;
  for (const auto& name : names) {
    const std::string& kind = kinds[name];
    if (kind == "PRIMARY KEY") {
      table.constraints.push_back(PrimaryKey(keys[name].columns));
      key_indexes.push_back(name);
    } else if (kind == "UNIQUE") {
      uniques.push_back(Unique(keys[name].columns, name));
      key_indexes.push_back(name);
    } else if (kind == "FOREIGN KEY" && foreign_keys.count(name)) {
      foreigns.push_back(foreign_keys[name]);
    } else if (kind == "CHECK") {
      // MariaDB names checks per table, MySQL per schema (and has no TABLE_NAME there).
      const auto clause = session.query_value(
          "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
          "WHERE CONSTRAINT_SCHEMA = DATABASE() AND CONSTRAINT_NAME = " +
          session.literal(name) +
          (session.is_mariadb() ? " AND TABLE_NAME = " + session.literal(table.name) : ""));
      if (clause) checks.push_back(Check(*clause, name));
    }
  }
  for (auto* group : {&uniques, &foreigns, &checks})
    table.constraints.insert(table.constraints.end(), group->begin(), group->end());
  return key_indexes;
}

void read_indexes(MysqlSession& session, Table& table,
                  const std::vector<std::string>& key_indexes) {
  std::map<std::string, Index> indexes;
  for (const Row& row :
       session.query("SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME "
                     "FROM information_schema.STATISTICS" +
                     of_table(session, table.name) + " ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
    const std::string name = value(row, 0);
    if (std::find(key_indexes.begin(), key_indexes.end(), name) != key_indexes.end()) continue;
    Index& index = indexes[name];
    index.name = name;
    index.table = table.name;
    index.unique = value(row, 1) == "0";
    index.columns.push_back(value(row, 2));
  }
  for (auto& [name, index] : indexes)
    table.indexes.push_back(std::move(index));
}

}  // namespace

std::vector<std::string> mysql_table_names(MysqlSession& session) {
  std::vector<std::string> names;
  for (const Row& row : session.query("SELECT TABLE_NAME FROM information_schema.TABLES "
                                      "WHERE TABLE_SCHEMA = DATABASE() "
                                      "AND TABLE_TYPE = 'BASE TABLE'"))
    names.push_back(value(row, 0));
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<Table> reflect_mysql_table(MysqlSession& session, const std::string& name) {
  const Rows found = session.query(
      "SELECT TABLE_NAME, ENGINE, TABLE_COLLATION "
      "FROM information_schema.TABLES" +
      of_table(session, name) + " AND TABLE_TYPE = 'BASE TABLE'");
  // The name column's collation ignores case; only the exact name is this table.
  auto exact = std::find_if(found.begin(), found.end(),
                            [&](const Row& row) { return value(row, 0) == name; });
  if (exact == found.end()) return std::nullopt;

  Table table;
  table.name = name;
  if (!value(*exact, 1).empty()) table.options.emplace_back("mysql_engine", value(*exact, 1));
  // A collation's name starts with its character set's: utf8mb3_general_ci -> utf8mb3.
  const std::string collation = value(*exact, 2);
  if (!collation.empty())
    table.options.emplace_back("mysql_charset", collation.substr(0, collation.find('_')));
  read_columns(session, table);
  read_indexes(session, table, read_constraints(session, table));
  return table;
}

}  // namespace sdm::mysql
