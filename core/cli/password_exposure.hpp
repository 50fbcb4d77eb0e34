// A config file holding the database password that others can read gets a warning, as ssh
// gives one for a private key.
#pragma once

#include <optional>
#include <string>

namespace sdm::cli {

/// The warning for a file holding the database password that others can read (its mode lets
/// them, and every directory above it lets them through); nullopt otherwise.
std::optional<std::string> password_readable_by_others(const std::string& file);

}  // namespace sdm::cli
