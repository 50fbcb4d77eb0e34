// Keeping a password out of text that may reach the operator: drivers pass every message
// through it before they throw, and the host does it once more.
#pragma once

#include <cctype>
#include <cstdio>
#include <string>

namespace sdm {

/// `text` with every occurrence of `secret`, as written or percent-encoded, replaced by "***".
inline std::string without_secret(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  std::string encoded;
  for (unsigned char c : secret) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      char escape[4];
      std::snprintf(escape, sizeof escape, "%%%02X", c);
      encoded += escape;
    }
  }
  for (const std::string& needle : {secret, encoded})
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 3))
      text.replace(at, needle.size(), "***");
  return text;
}

}  // namespace sdm
