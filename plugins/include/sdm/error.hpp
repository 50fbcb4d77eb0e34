// The exception a plugin throws to report a failure. The SDK catches it inside the plugin
// and hands its text (and kind) to the host; no exception crosses the plugin boundary.
#pragma once

#include <stdexcept>
#include <string>

#include "sdm/export.hpp"

namespace sdm {

/// What the host does differently for a failure: the exit code and the advice it prints.
enum class ErrorKind {
  General,           ///< anything else
  StatementTimeout,  ///< a statement ran longer than the session's statement timeout
  LockWaitTimeout,   ///< a statement waited longer than the lock-wait timeout for a lock
  ConnectionLost,    ///< the session is gone (server stopped, killed or not answering)
};

/// A failure inside a plugin, with a message for the operator.
class SDM_EXPORT Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, ErrorKind kind = ErrorKind::General)
      : std::runtime_error(message), kind_(kind) {}
  explicit Error(const char* message, ErrorKind kind = ErrorKind::General)
      : std::runtime_error(message), kind_(kind) {}

  ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace sdm
