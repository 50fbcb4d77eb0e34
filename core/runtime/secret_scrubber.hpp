// Keeps a password out of text that may reach the operator.
#pragma once

#include <string>

namespace sdm::runtime {

/// `text` with every occurrence of `secret` (raw and percent-encoded) replaced by "***".
std::string scrub_secret(std::string text, const std::string& secret);

}  // namespace sdm::runtime
