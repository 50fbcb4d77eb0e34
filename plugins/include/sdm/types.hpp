// Column types a revision can use. Each dialect renders them; see the driver's dialect.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sdm {

/// The generic type families every dialect knows how to render.
enum class TypeKind {
  Integer,
  BigInteger,
  SmallInteger,
  Boolean,
  String,
  Text,
  LongText,
  Float,
  Numeric,
  Date,
  DateTime,
  Time,
  LargeBinary,
  Raw,  ///< a type name written out literally, used as-is
};

/// A column type: a generic kind with its parameters, plus optional per-dialect overrides.
struct Type {
  TypeKind kind = TypeKind::Raw;
  int length = 0;     ///< String(n); 0 means no length
  int precision = 0;  ///< Numeric(p, s); 0 means unspecified
  int scale = 0;
  std::string raw;  ///< the type name for TypeKind::Raw
  /// dialect name -> type name written out for that dialect (e.g. {"mysql", "LONGBLOB"}).
  std::vector<std::pair<std::string, std::string>> variants;

  /// The same type, rendered as `type_name` on `dialect`.
  Type with_variant(std::string dialect, std::string type_name) const {
    Type t = *this;
    t.variants.emplace_back(std::move(dialect), std::move(type_name));
    return t;
  }

  /// The override for `dialect`, or nullptr when the generic rendering applies.
  const std::string* variant_for(const std::string& dialect) const {
    for (const auto& [name, type_name] : variants)
      if (name == dialect) return &type_name;
    return nullptr;
  }

  friend bool operator==(const Type& a, const Type& b) {
    return a.kind == b.kind && a.length == b.length && a.precision == b.precision &&
           a.scale == b.scale && a.raw == b.raw && a.variants == b.variants;
  }
  friend bool operator!=(const Type& a, const Type& b) { return !(a == b); }
};

inline Type make_type(TypeKind kind) {
  Type t;
  t.kind = kind;
  return t;
}

/// INTEGER
inline Type Integer() {
  return make_type(TypeKind::Integer);
}
/// BIGINT
inline Type BigInteger() {
  return make_type(TypeKind::BigInteger);
}
/// SMALLINT
inline Type SmallInteger() {
  return make_type(TypeKind::SmallInteger);
}
/// BOOLEAN (BOOL on MySQL)
inline Type Boolean() {
  return make_type(TypeKind::Boolean);
}
/// VARCHAR(length), or VARCHAR without a length where the dialect allows it
inline Type String(int length = 0) {
  Type t = make_type(TypeKind::String);
  t.length = length;
  return t;
}
/// TEXT
inline Type Text() {
  return make_type(TypeKind::Text);
}
/// TEXT, LONGTEXT on MySQL
inline Type LongText() {
  return make_type(TypeKind::LongText);
}
/// FLOAT
inline Type Float() {
  return make_type(TypeKind::Float);
}
/// NUMERIC(precision, scale)
inline Type Numeric(int precision = 0, int scale = 0) {
  Type t = make_type(TypeKind::Numeric);
  t.precision = precision;
  t.scale = scale;
  return t;
}
/// DATE
inline Type Date() {
  return make_type(TypeKind::Date);
}
/// DATETIME (TIMESTAMP WITHOUT TIME ZONE on PostgreSQL)
inline Type DateTime() {
  return make_type(TypeKind::DateTime);
}
/// TIME (TIME WITHOUT TIME ZONE on PostgreSQL)
inline Type Time() {
  return make_type(TypeKind::Time);
}
/// BLOB (BYTEA on PostgreSQL)
inline Type LargeBinary() {
  return make_type(TypeKind::LargeBinary);
}
/// A type name written out literally, the same on every dialect.
inline Type Raw(std::string type_name) {
  Type t = make_type(TypeKind::Raw);
  t.raw = std::move(type_name);
  return t;
}

}  // namespace sdm
