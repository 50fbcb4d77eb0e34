// Whether changing a column's type can lose or reject existing values.
#pragma once

#include <optional>
#include <string>

#include "sdm/types.hpp"

namespace sdm::schema {

/// The type in generic SQL words ("VARCHAR(45)", "BIGINT"), for messages.
std::string describe_type(const Type& type);

/// What converting values from `from` to `to` can do to them ("values longer than 15
/// characters are cut or rejected"), or std::nullopt when every value fits.
std::optional<std::string> conversion_risk(const Type& from, const Type& to);

}  // namespace sdm::schema
