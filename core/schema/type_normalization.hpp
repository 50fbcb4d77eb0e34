// Type names as databases report them, brought to one spelling per dialect so a declared type
// (rendered by the dialect) and a reflected one compare equal when they mean the same type.
// The rules are listed in docs/schema-model.md; each has a unit test.
#pragma once

#include <string>

#include "sdm/types.hpp"

namespace sdm::schema {

/// The one spelling of an SQL type name on `dialect` ("postgresql", "mysql", "sqlite"; other
/// dialects get only the case and spacing rules).
std::string canonical_sql_type(const std::string& dialect, const std::string& sql);

/// Whether two SQL type names stand for the same type on `dialect`.
bool same_sql_type(const std::string& dialect, const std::string& a, const std::string& b);

/// The SDK type a reflected type name stands for on `dialect`, or Raw(sql) when none does.
Type type_from_database(const std::string& dialect, const std::string& sql);

}  // namespace sdm::schema
