#include "schema/default_normalization.hpp"

#include <cctype>

#include "common/text.hpp"

namespace sdm::schema {

using text::trim;

namespace {

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

/// Whether the parenthesis at 0 closes at the very end ("(1) + (2)" is not wrapped).
bool wrapped_in_parentheses(const std::string& text) {
  if (text.size() < 2 || text.front() != '(' || text.back() != ')') return false;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\'') quoted = !quoted;
    if (quoted) continue;
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0 && i + 1 < text.size()) return false;
  }
  return true;
}

bool is_quoted(const std::string& text) {
  return text.size() >= 2 && text.front() == '\'' && text.back() == '\'';
}

/// PostgreSQL shows a default with the cast it stores: 'x'::character varying, 0::bigint.
std::string without_postgresql_casts(std::string text) {
  for (;;) {
    const auto cast = text.rfind("::");
    if (cast == std::string::npos) return text;
    const std::string type = text.substr(cast + 2);
    for (char c : type)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '_' || c == '(' ||
            c == ')' || c == '[' || c == ']'))
        return text;
    text = trim(text.substr(0, cast));
  }
}

bool is_number(const std::string& text) {
  if (text.empty()) return false;
  std::size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
  bool digit = false, point = false;
  for (; i < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      digit = true;
    } else if (text[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digit;
}

bool numeric_kind(TypeKind kind) {
  return kind == TypeKind::Integer || kind == TypeKind::BigInteger ||
         kind == TypeKind::SmallInteger || kind == TypeKind::Float || kind == TypeKind::Numeric;
}

}  // namespace

std::optional<std::string> canonical_default(const std::string& dialect, const Type& type,
                                             const std::optional<std::string>& sql) {
  if (!sql) return std::nullopt;
  std::string text = trim(*sql);
  while (wrapped_in_parentheses(text))
    text = trim(text.substr(1, text.size() - 2));
  if (dialect == "postgresql") text = without_postgresql_casts(text);
  if (text.empty() || lower(text) == "null") return std::nullopt;

  // A number stored in a numeric or boolean column reads the same quoted or not.
  std::string bare = is_quoted(text) ? text.substr(1, text.size() - 2) : text;
  if (type.kind == TypeKind::Boolean) {
    // MySQL and SQLite keep booleans as 0 and 1; PostgreSQL as false and true.
    const std::string value = lower(bare);
    if (value == "0" || value == "false" || value == "f") return "false";
    if (value == "1" || value == "true" || value == "t") return "true";
  }
  if (numeric_kind(type.kind) && is_number(bare)) return bare;
  if (is_quoted(text)) return text;
  // Expressions: case is not significant, and MariaDB writes current_timestamp().
  std::string expression = lower(text);
  if (expression == "current_timestamp()" || expression == "now()")
    expression = "current_timestamp";
  return expression;
}

}  // namespace sdm::schema
