// Type names per dialect: a variant for the dialect wins, then one for the dialect it renders
// like, then the spec's name for the kind.
#include "sdm/error.hpp"
#include "sdm/sql_dialect.hpp"

namespace sdm {

std::string SqlDialect::render_type(const Type& type) const {
  if (const std::string* variant = type.variant_for(spec_.name)) return *variant;
  const std::string& like = spec_.traits.renders_like;
  if (!like.empty())
    if (const std::string* variant = type.variant_for(like)) return *variant;
  const TypeNames& names = spec_.types;
  switch (type.kind) {
    case TypeKind::Integer:
      return names.integer;
    case TypeKind::BigInteger:
      return names.big_integer;
    case TypeKind::SmallInteger:
      return names.small_integer;
    case TypeKind::Boolean:
      return names.boolean;
    case TypeKind::String:
      if (type.length > 0) return names.string + "(" + std::to_string(type.length) + ")";
      if (spec_.varchar_requires_length)
        throw Error(spec_.name + ": String() needs a length here (VARCHAR requires one on " +
                    spec_.name + ")");
      return names.string;
    case TypeKind::Text:
      return names.text;
    case TypeKind::LongText:
      return names.long_text;
    case TypeKind::Float:
      return names.floating;
    case TypeKind::Numeric:
      if (type.precision <= 0) return names.numeric;
      return names.numeric + "(" + std::to_string(type.precision) + ", " +
             std::to_string(type.scale) + ")";
    case TypeKind::Date:
      return names.date;
    case TypeKind::DateTime:
      return names.datetime;
    case TypeKind::Time:
      return names.time;
    case TypeKind::LargeBinary:
      return names.large_binary;
    case TypeKind::Raw:
      if (type.raw.empty()) throw Error(spec_.name + ": a Raw type has no type name");
      return type.raw;
  }
  throw Error(spec_.name + ": unknown type kind " + std::to_string(static_cast<int>(type.kind)));
}

}  // namespace sdm
