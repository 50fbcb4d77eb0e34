// Keeps the password out of messages the driver hands to the host.
#pragma once

#include <string>

namespace sdm::postgresql {

/// `text` with every occurrence of `secret` replaced by "***" (unchanged when `secret` is "").
std::string without_secret(std::string text, const std::string& secret);

}  // namespace sdm::postgresql
