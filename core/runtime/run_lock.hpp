// The database lock held for a whole run, so concurrent runners never apply a revision twice.
#pragma once

#include <string>

#include "runtime/connection_handle.hpp"
#include "runtime/progress_log.hpp"

namespace sdm::runtime {

/// Takes the run lock on construction (waiting up to a timeout) and releases it on destruction.
class RunLock {
 public:
  /// Waits up to `timeout_seconds` (0 = try once), saying who holds the lock while waiting.
  /// Throws LockTimeoutError when it cannot be taken.
  RunLock(ConnectionHandle& connection, std::string key, int timeout_seconds, ProgressLog& log,
          const std::string& target_description);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  ConnectionHandle& connection_;
  std::string key_;
};

/// The lock key for a version table: one lock per database and version table.
std::string run_lock_key(const std::string& version_table);

}  // namespace sdm::runtime
