// Runs plugin code and turns any exception into text, so none crosses the plugin boundary.
#pragma once

#include <exception>
#include <string>

namespace sdm::detail {

/// Calls `body()`; on an exception stores its message in `error` and returns false.
template <class Body>
bool guarded(std::string& error, Body&& body) noexcept {
  try {
    body();
    return true;
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
