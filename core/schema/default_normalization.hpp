// Server defaults as databases report them, brought to one spelling so a declared default and
// a reflected one compare equal when they give the same value. Rules in
// docs/schema-model.md; each has a unit test.
#pragma once

#include <optional>
#include <string>

#include "sdm/types.hpp"

namespace sdm::schema {

/// The one spelling of a default for a column of `type` on `dialect`; std::nullopt for none
/// (an absent default and DEFAULT NULL are the same).
std::optional<std::string> canonical_default(const std::string& dialect, const Type& type,
                                             const std::optional<std::string>& sql);

}  // namespace sdm::schema
