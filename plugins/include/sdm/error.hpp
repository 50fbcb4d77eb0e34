// The exception a plugin throws to report a failure. The SDK catches it inside the plugin
// and hands its text to the host; no exception crosses the plugin boundary.
#pragma once

#include <stdexcept>
#include <string>

#include "sdm/export.hpp"

namespace sdm {

/// A failure inside a plugin, with a message for the operator.
class SDM_EXPORT Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sdm
