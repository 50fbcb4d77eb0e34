#include "schema/type_names.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "common/text.hpp"

namespace sdm::schema {

using text::trim;

namespace {

constexpr std::array<std::pair<TypeKind, const char*>, 13> kNames = {{
    {TypeKind::Integer, "Integer"},
    {TypeKind::BigInteger, "BigInteger"},
    {TypeKind::SmallInteger, "SmallInteger"},
    {TypeKind::Boolean, "Boolean"},
    {TypeKind::String, "String"},
    {TypeKind::Text, "Text"},
    {TypeKind::LongText, "LongText"},
    {TypeKind::Float, "Float"},
    {TypeKind::Numeric, "Numeric"},
    {TypeKind::Date, "Date"},
    {TypeKind::DateTime, "DateTime"},
    {TypeKind::Time, "Time"},
    {TypeKind::LargeBinary, "LargeBinary"},
}};

/// A whole non-negative number, or -1.
int whole_number(const std::string& text) {
  const std::string digits = trim(text);
  if (digits.empty() || digits.size() > 9) return -1;
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
  return std::stoi(digits);
}

}  // namespace

std::string type_name(const Type& type) {
  if (type.kind == TypeKind::Raw) return "Raw(" + type.raw + ")";
  std::string name;
  for (const auto& [kind, text] : kNames)
    if (kind == type.kind) name = text;
  if (type.kind == TypeKind::String && type.length > 0)
    return name + "(" + std::to_string(type.length) + ")";
  if (type.kind == TypeKind::Numeric && type.precision > 0)
    return name + "(" + std::to_string(type.precision) + ", " + std::to_string(type.scale) + ")";
  return name;
}

std::optional<Type> parse_type_name(const std::string& written) {
  const std::string name = trim(written);
  const auto open = name.find('(');
  const std::string head = trim(name.substr(0, open));
  std::string arguments;
  if (open != std::string::npos) {
    if (name.back() != ')') return std::nullopt;
    arguments = name.substr(open + 1, name.size() - open - 2);
  }
  if (head == "Raw") {
    if (open == std::string::npos || trim(arguments).empty()) return std::nullopt;
    return Raw(trim(arguments));
  }
  for (const auto& [kind, text] : kNames) {
    if (head != text) continue;
    Type type = make_type(kind);
    if (open == std::string::npos) return type;
    if (kind == TypeKind::String) {
      type.length = whole_number(arguments);
      if (type.length <= 0) return std::nullopt;
      return type;
    }
    if (kind == TypeKind::Numeric) {
      const auto comma = arguments.find(',');
      type.precision = whole_number(arguments.substr(0, comma));
      type.scale = comma == std::string::npos ? 0 : whole_number(arguments.substr(comma + 1));
      if (type.precision <= 0 || type.scale < 0) return std::nullopt;
      return type;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace sdm::schema
