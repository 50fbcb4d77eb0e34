// Keeping secrets out of text that may reach the operator. The one redaction path: drivers
// pass every message through without_secrets() before they throw, the host passes every line
// it writes to stderr through it once more, and shows URLs with secret parameters hidden.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "sdm/url.hpp"

namespace sdm {

/// What a hidden secret is replaced with.
inline constexpr const char* kHiddenSecret = "***";

/// Whether the URL query parameter `name` holds a secret: `password`, any name a driver
/// declares in `declared` (Driver::secret_parameters()), and, so that a parameter a driver
/// forgot to declare stays hidden too, any name containing "password", "passwd", "secret" or
/// "token" (ASCII case ignored).
inline bool is_secret_parameter(std::string_view name, const std::vector<std::string>& declared) {
  for (const std::string& secret : declared)
    if (name == secret) return true;
  std::string lowered(name);
  for (char& c : lowered)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const char* word : {"password", "passwd", "secret", "token"})
    if (lowered.find(word) != std::string::npos) return true;
  return false;
}

/// Every secret value `url` carries: its password and the value of each secret parameter.
inline std::vector<std::string> secrets_of(const Url& url,
                                           const std::vector<std::string>& declared) {
  std::vector<std::string> secrets;
  if (url.has_password && !url.password.empty()) secrets.push_back(url.password);
  for (const auto& [key, value] : url.query)
    if (!value.empty() && is_secret_parameter(key, declared)) secrets.push_back(value);
  return secrets;
}

namespace detail {

/// The ways a secret may be written in a URL or a message: as it is, percent-encoded with
/// upper- or lower-case hex, and form-encoded (space as '+').
inline std::vector<std::string> secret_spellings(const std::string& secret) {
  std::string upper, lower, form;
  for (unsigned char c : secret) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) {
      upper += static_cast<char>(c);
      lower += static_cast<char>(c);
      form += static_cast<char>(c);
      continue;
    }
    char escape[4];
    std::snprintf(escape, sizeof escape, "%%%02X", c);
    upper += escape;
    form += c == ' ' ? std::string("+") : std::string(escape);
    std::snprintf(escape, sizeof escape, "%%%02x", c);
    lower += escape;
  }
  return {secret, upper, lower, form};
}

}  // namespace detail

/// Secrets shorter than this are hidden only where they stand alone, not inside a word: a
/// password "p" must not turn "pymysql" into "***ymysql".
inline constexpr std::size_t kShortSecret = 8;

namespace detail {

inline bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Whether `needle` at `at` in `text` is to be hidden: always when long, else when it does not
/// continue a word on either side.
inline bool hides_at(const std::string& text, std::size_t at, const std::string& needle) {
  if (needle.size() >= kShortSecret) return true;
  const std::size_t end = at + needle.size();
  const bool joined_before = at > 0 && is_word_byte(text[at - 1]) && is_word_byte(needle.front());
  const bool joined_after =
      end < text.size() && is_word_byte(text[end]) && is_word_byte(needle.back());
  return !joined_before && !joined_after;
}

}  // namespace detail

/// `text` with every occurrence of each secret in `secrets`, in any spelling a URL allows,
/// replaced by "***" (a secret shorter than kShortSecret only where it is not part of a
/// longer word). Longer secrets are replaced first, so one that contains another is hidden
/// whole.
inline std::string without_secrets(std::string text, std::vector<std::string> secrets) {
  std::vector<std::string> needles;
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    for (std::string& spelling : detail::secret_spellings(secret))
      needles.push_back(std::move(spelling));
  }
  // Longest first: a shorter needle must not cut a longer one in two before it is found.
  for (std::size_t i = 1; i < needles.size(); ++i)
    for (std::size_t j = i; j > 0 && needles[j].size() > needles[j - 1].size(); --j)
      std::swap(needles[j], needles[j - 1]);
  const std::string hidden = kHiddenSecret;
  for (const std::string& needle : needles) {
    for (auto at = text.find(needle); at != std::string::npos;) {
      if (detail::hides_at(text, at, needle)) {
        text.replace(at, needle.size(), hidden);
        at = text.find(needle, at + hidden.size());
      } else {
        at = text.find(needle, at + 1);
      }
    }
  }
  return text;
}

/// `text` with every occurrence of `secret`, as written or percent-encoded, replaced by "***".
inline std::string without_secret(std::string text, const std::string& secret) {
  return without_secrets(std::move(text), {secret});
}

}  // namespace sdm
