// Runs plugin code and turns any exception into text, so none crosses the plugin boundary.
#pragma once

#include <exception>
#include <string>
#include <utility>

#include "sdm/error.hpp"

namespace sdm::detail {

/// The text of a failure of another kind than General starts with this marker and the
/// kind's number, so the host can tell a timeout from any other failure.
inline constexpr char kKindMarker = '\x01';

/// `message` as it crosses the boundary for a failure of `kind`.
inline std::string encode_failure(ErrorKind kind, const std::string& message) {
  if (kind == ErrorKind::General) return message;
  return std::string(1, kKindMarker) + std::to_string(static_cast<int>(kind)) + kKindMarker +
         message;
}

/// The kind and message out of a text encode_failure wrote (any other text is General).
inline std::pair<ErrorKind, std::string> decode_failure(const std::string& text) {
  if (text.size() < 3 || text[0] != kKindMarker || text[2] != kKindMarker)
    return {ErrorKind::General, text};
  const int kind = text[1] - '0';
  if (kind < 0 || kind > static_cast<int>(ErrorKind::ConnectionLost))
    return {ErrorKind::General, text.substr(3)};
  return {static_cast<ErrorKind>(kind), text.substr(3)};
}

/// Calls `body()`; on an exception stores its message (and kind) in `error` and returns false.
template <class Body>
bool guarded(std::string& error, Body&& body) noexcept {
  try {
    body();
    return true;
  } catch (const Error& e) {
    try {
      error = encode_failure(e.kind(), e.what());
    } catch (...) {
    }
  } catch (const std::exception& e) {
    try {
      error = e.what();
    } catch (...) {
    }
  } catch (...) {
    try {
      error = "unknown exception (not derived from std::exception)";
    } catch (...) {
    }
  }
  return false;
}

/// The init function of a plugin that needs none.
inline void no_init() {}

}  // namespace sdm::detail
