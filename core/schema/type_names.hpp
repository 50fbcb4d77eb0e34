// SDK type names as text ("String(80)", "Numeric(10, 2)", "Raw(JSONB)"): how the YAML model
// writes a column's type and reads it back.
#pragma once

#include <optional>
#include <string>

#include "sdm/types.hpp"

namespace sdm::schema {

/// The type as the SDK spells it, without its per-dialect variants.
std::string type_name(const Type& type);

/// The type a name stands for (variants empty), or std::nullopt when it names none.
std::optional<Type> parse_type_name(const std::string& name);

}  // namespace sdm::schema
