// Identifier quoting with SQLAlchemy's rules: a name stays bare only when it is all lower case,
// made of letters, digits, `_` and `$`, does not start with a digit or `$`, and is not a
// reserved word of the dialect. Anything else is quoted, the quote character doubled inside.
#include <cctype>

#include "sdm/error.hpp"
#include "sdm/sql_dialect.hpp"

namespace sdm {
namespace {

bool legal_bare_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

bool needs_quotes(const std::string& identifier, const ReservedWords& reserved) {
  const char first = identifier.front();
  if (std::isdigit(static_cast<unsigned char>(first)) || first == '$') return true;
  std::string lowered;
  for (char c : identifier) {
    if (!legal_bare_character(c)) return true;
    lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  // Upper case must survive: unquoted names fold case on every supported database.
  return lowered != identifier || reserved.count(lowered) > 0;
}

}  // namespace

std::string SqlDialect::quote(const std::string& identifier) const {
  if (identifier.empty())
    throw Error(spec_.name +
                ": an identifier (table, column, index or "
                "constraint name) is empty");
  if (!needs_quotes(identifier, spec_.reserved_words)) return identifier;
  const char q = spec_.identifier_quote;
  std::string quoted(1, q);
  for (char c : identifier)
    quoted.append(c == q ? 2 : 1, c);
  quoted += q;
  return quoted;
}

std::string SqlDialect::quote_list(const std::vector<std::string>& identifiers) const {
  std::string list;
  for (const auto& identifier : identifiers) {
    if (!list.empty()) list += ", ";
    list += quote(identifier);
  }
  return list;
}

}  // namespace sdm
