// Literal values, for BulkInsert and the version table: offline scripts must run as they are,
// so values are written into the SQL instead of bound.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>
#include <type_traits>
#include <variant>

#include "sdm/error.hpp"
#include "sdm/sql_dialect.hpp"

namespace sdm {
namespace {

// Shortest text that reads back as the same double, always with a '.' or an exponent so the
// database sees a real number, not an integer.
std::string real_literal(double value) {
  if (!std::isfinite(value))
    throw Error("bulk_insert: " + std::to_string(value) + " has no SQL literal");
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (result.ec != std::errc()) throw Error("bulk_insert: cannot write a real number");
  std::string text(buffer, result.ptr);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

}  // namespace

std::string SqlDialect::render_string_literal(const std::string& text) const {
  std::string literal = "'";
  for (char c : text) {
    if (c == '\'')
      literal += "''";
    else if (c == '\\' && spec_.literals.backslash_escapes)
      literal += "\\\\";
    else
      literal += c;
  }
  return literal + "'";
}

std::string SqlDialect::render_literal(const Value& value) const {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "NULL";
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? spec_.literals.true_value : spec_.literals.false_value;
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return real_literal(v);
        } else {
          return render_string_literal(v);
        }
      },
      value);
}

std::vector<std::string> SqlDialect::render_bulk_insert(const BulkInsert& op) const {
  if (op.columns.empty()) throw Error(describe(Op(op)) + ": no columns given");
  const std::string head = "INSERT INTO " + quote(op.table) + " (" + quote_list(op.columns) + ")";
  std::vector<std::string> statements;
  for (std::size_t row = 0; row < op.rows.size(); ++row) {
    const auto& values = op.rows[row];
    if (values.size() != op.columns.size())
      throw Error(describe(Op(op)) + ": row " + std::to_string(row + 1) + " has " +
                  std::to_string(values.size()) + " values for " +
                  std::to_string(op.columns.size()) + " columns");
    std::string list;
    for (const auto& value : values)
      list += (list.empty() ? "" : ", ") + render_literal(value);
    statements.push_back(head + " VALUES (" + list + ")");
  }
  return statements;
}

}  // namespace sdm
