#include "schema/type_change.hpp"

namespace sdm::schema {
namespace {

// Rank within the integer family: a higher rank holds every value of a lower one.
int integer_rank(TypeKind kind) {
  switch (kind) {
    case TypeKind::SmallInteger:
      return 1;
    case TypeKind::Integer:
      return 2;
    case TypeKind::BigInteger:
      return 3;
    default:
      return 0;
  }
}

// Rank within the text family; a String's length is compared separately.
int text_rank(TypeKind kind) {
  switch (kind) {
    case TypeKind::String:
      return 1;
    case TypeKind::Text:
      return 2;
    case TypeKind::LongText:
      return 3;
    default:
      return 0;
  }
}

std::string numeric_risk(const Type& from, const Type& to) {
  if (to.precision > 0 && (from.precision == 0 || to.precision < from.precision))
    return "values with more than " + std::to_string(to.precision) +
           " digits are rounded or rejected";
  if (to.precision > 0 && to.scale < from.scale)
    return "digits after position " + std::to_string(to.scale) + " of the fraction are rounded";
  return {};
}

}  // namespace

std::string describe_type(const Type& type) {
  switch (type.kind) {
    case TypeKind::Integer:
      return "INTEGER";
    case TypeKind::BigInteger:
      return "BIGINT";
    case TypeKind::SmallInteger:
      return "SMALLINT";
    case TypeKind::Boolean:
      return "BOOLEAN";
    case TypeKind::String:
      return type.length > 0 ? "VARCHAR(" + std::to_string(type.length) + ")" : "VARCHAR";
    case TypeKind::Text:
      return "TEXT";
    case TypeKind::LongText:
      return "LONGTEXT";
    case TypeKind::Float:
      return "FLOAT";
    case TypeKind::Numeric:
      return type.precision > 0 ? "NUMERIC(" + std::to_string(type.precision) + ", " +
                                      std::to_string(type.scale) + ")"
                                : "NUMERIC";
    case TypeKind::Date:
      return "DATE";
    case TypeKind::DateTime:
      return "DATETIME";
    case TypeKind::Time:
      return "TIME";
    case TypeKind::LargeBinary:
      return "BLOB";
    case TypeKind::Raw:
      return type.raw;
  }
  return "?";
}

std::optional<std::string> conversion_risk(const Type& from, const Type& to) {
  if (from == to) return std::nullopt;
  const int from_int = integer_rank(from.kind), to_int = integer_rank(to.kind);
  if (from_int && to_int) {
    if (to_int >= from_int) return std::nullopt;
    return "values too large for " + describe_type(to) + " are rejected";
  }
  const int from_text = text_rank(from.kind), to_text = text_rank(to.kind);
  if (from_text && to_text) {
    if (to.kind == TypeKind::String && to.length > 0 &&
        (from.kind != TypeKind::String || from.length == 0 || from.length > to.length))
      return "values longer than " + std::to_string(to.length) + " characters are cut or rejected";
    if (to_text >= from_text) return std::nullopt;
    return "values longer than " + describe_type(to) + " holds are cut or rejected";
  }
  if (from.kind == TypeKind::Numeric && to.kind == TypeKind::Numeric) {
    std::string risk = numeric_risk(from, to);
    if (risk.empty()) return std::nullopt;
    return risk;
  }
  if (from_int && to.kind == TypeKind::Numeric) {
    // An integer fits when the digits before the point can hold it (19 digits for BIGINT).
    if (to.precision == 0 || to.precision - to.scale >= 19) return std::nullopt;
    return "integers with more than " + std::to_string(to.precision - to.scale) +
           " digits are rejected";
  }
  if (from.kind == TypeKind::Date && to.kind == TypeKind::DateTime) return std::nullopt;
  if (from.kind == TypeKind::DateTime && to.kind == TypeKind::Date)
    return "the time of day is lost";
  if (from.kind == TypeKind::Float && to_int) return "fractions are lost and large values rejected";
  return "values are converted from " + describe_type(from) + " to " + describe_type(to) +
         "; values that do not convert are lost or rejected";
}

}  // namespace sdm::schema
