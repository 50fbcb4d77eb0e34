#include "schema/type_normalization.hpp"

#include <cctype>
#include <utility>
#include <vector>

namespace sdm::schema {
namespace {

/// Upper case, single spaces, none next to parentheses and commas.
std::string case_and_spacing(const std::string& sql) {
  std::string words;
  for (char c : sql) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!words.empty() && words.back() != ' ') words += ' ';
    } else {
      words += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool punctuation_near =
        (i > 0 && (words[i - 1] == '(' || words[i - 1] == ',')) ||
        (i + 1 < words.size() &&
         (words[i + 1] == '(' || words[i + 1] == ')' || words[i + 1] == ','));
    if (words[i] == ' ' && (punctuation_near || i + 1 == words.size())) continue;
    out += words[i];
  }
  return out;
}

/// "NAME(ARGS)" -> {"NAME", "ARGS"}; {"NAME", ""} without parentheses.
std::pair<std::string, std::string> split(const std::string& canonical) {
  const auto open = canonical.find('(');
  if (open == std::string::npos || canonical.back() != ')') return {canonical, ""};
  return {canonical.substr(0, open), canonical.substr(open + 1, canonical.size() - open - 2)};
}

std::string join(const std::string& name, const std::string& arguments) {
  return arguments.empty() ? name : name + "(" + arguments + ")";
}

/// Replaces a whole leading type name by another, keeping any parameters.
std::string rename(const std::string& canonical,
                   const std::vector<std::pair<const char*, const char*>>& names) {
  auto [name, arguments] = split(canonical);
  for (const auto& [from, to] : names)
    if (name == from) return join(to, arguments);
  return canonical;
}

std::string postgresql(const std::string& canonical) {
  // format_type() spells the SQL standard's long names; the dialect writes the short ones.
  return rename(canonical, {{"CHARACTER VARYING", "VARCHAR"},
                            {"CHARACTER", "CHAR"},
                            {"TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP"},
                            {"TIME WITHOUT TIME ZONE", "TIME"},
                            {"DOUBLE PRECISION", "FLOAT"},
                            {"FLOAT8", "FLOAT"},
                            {"INT", "INTEGER"},
                            {"INT4", "INTEGER"},
                            {"INT8", "BIGINT"},
                            {"INT2", "SMALLINT"},
                            {"BOOL", "BOOLEAN"},
                            {"DECIMAL", "NUMERIC"}});
}

std::string mysql(const std::string& canonical) {
  auto [name, arguments] = split(canonical);
  // BOOL is stored as TINYINT(1); integer display widths (INT(11)) change nothing stored.
  if (name == "BOOL" || name == "BOOLEAN") return "TINYINT(1)";
  if (name == "TINYINT" && arguments == "1") return canonical;
  if (name == "INTEGER") name = "INT";
  if (name == "NUMERIC") name = "DECIMAL";
  for (const char* integer : {"TINYINT", "SMALLINT", "MEDIUMINT", "INT", "BIGINT"})
    if (name == integer) return name;
  return join(name, arguments);
}

std::string sqlite(const std::string& canonical) {
  return rename(canonical, {{"INT", "INTEGER"}, {"BOOL", "BOOLEAN"}});
}

/// SQLite's column affinity, by its rules on the declared type name (in this order).
std::string sqlite_affinity(const std::string& canonical) {
  if (canonical.find("INT") != std::string::npos) return "INTEGER";
  for (const char* text : {"CHAR", "CLOB", "TEXT"})
    if (canonical.find(text) != std::string::npos) return "TEXT";
  if (canonical.empty() || canonical.find("BLOB") != std::string::npos) return "BLOB";
  for (const char* real : {"REAL", "FLOA", "DOUB"})
    if (canonical.find(real) != std::string::npos) return "REAL";
  return "NUMERIC";
}

}  // namespace

std::string canonical_sql_type(const std::string& dialect, const std::string& sql) {
  const std::string canonical = case_and_spacing(sql);
  if (dialect == "postgresql") return postgresql(canonical);
  if (dialect == "mysql") return mysql(canonical);
  if (dialect == "sqlite") return sqlite(canonical);
  return canonical;
}

bool same_sql_type(const std::string& dialect, const std::string& a, const std::string& b) {
  const std::string left = canonical_sql_type(dialect, a), right = canonical_sql_type(dialect, b);
  if (left == right) return true;
  // SQLite stores by affinity: integer names all hold the same 64-bit values, and text names
  // without a length hold the same strings. Lengths and the other affinities still count,
  // because SQLAlchemy reads BOOLEAN, DATETIME and NUMERIC columns differently.
  if (dialect != "sqlite" || !split(left).second.empty() || !split(right).second.empty())
    return false;
  const std::string affinity = sqlite_affinity(left);
  return affinity == sqlite_affinity(right) && (affinity == "INTEGER" || affinity == "TEXT");
}

Type type_from_database(const std::string& dialect, const std::string& sql) {
  const auto [name, arguments] = split(canonical_sql_type(dialect, sql));
  const bool is_mysql = dialect == "mysql";
  if (name == "VARCHAR") return arguments.empty() ? String() : String(std::stoi(arguments));
  if (name == "INTEGER" || name == "INT") return Integer();
  if (name == "BIGINT") return BigInteger();
  if (name == "SMALLINT") return SmallInteger();
  if (name == "BOOLEAN" || (is_mysql && name == "TINYINT" && arguments == "1")) return Boolean();
  if (name == "TEXT") return Text();
  if (is_mysql && name == "LONGTEXT") return LongText();
  if (name == "FLOAT") return Float();
  if ((name == "NUMERIC" || name == "DECIMAL") && !arguments.empty()) {
    const auto comma = arguments.find(',');
    return Numeric(std::stoi(arguments.substr(0, comma)),
                   comma == std::string::npos ? 0 : std::stoi(arguments.substr(comma + 1)));
  }
  if (name == "DATE") return Date();
  if (name == "TIME") return Time();
  if (name == "DATETIME" || (dialect == "postgresql" && name == "TIMESTAMP")) return DateTime();
  if (name == "BLOB" || (dialect == "postgresql" && name == "BYTEA")) return LargeBinary();
  if (is_mysql && name == "LONGBLOB") return LargeBinary().with_variant("mysql", "LONGBLOB");
  return Raw(sql);
}

}  // namespace sdm::schema
