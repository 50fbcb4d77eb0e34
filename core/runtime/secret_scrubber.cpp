#include "runtime/secret_scrubber.hpp"

#include <cctype>
#include <cstdio>

namespace sdm::runtime {
namespace {

void replace_all(std::string& text, const std::string& needle) {
  if (needle.empty()) return;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 3))
    text.replace(at, needle.size(), "***");
}

std::string percent_encoded(const std::string& raw) {
  std::string out;
  for (unsigned char c : raw) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

}  // namespace

std::string scrub_secret(std::string text, const std::string& secret) {
  replace_all(text, secret);
  replace_all(text, percent_encoded(secret));
  return text;
}

}  // namespace sdm::runtime
