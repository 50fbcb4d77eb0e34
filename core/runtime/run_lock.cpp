#include "runtime/run_lock.hpp"

#include <chrono>
#include <thread>

#include "common/errors.hpp"

namespace sdm::runtime {

std::string run_lock_key(const std::string& version_table) {
  return "sahara-db-manage:" + version_table;
}

RunLock::RunLock(ConnectionHandle& connection, std::string key, int timeout_seconds,
                 ProgressLog& log, const std::string& target_description)
    : connection_(connection), key_(std::move(key)) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::seconds(timeout_seconds);
  auto next_report = Clock::now();
  std::string last_holder;
  while (!connection_.try_lock(key_)) {
    std::string holder = connection_.lock_holder(key_);
    if (holder.empty()) holder = "another session";
    if (Clock::now() >= deadline) {
      throw LockTimeoutError("could not take the migration lock on " + target_description +
                             " within " + std::to_string(timeout_seconds) + " s: it is held by " +
                             holder +
                             ". Another sahara-db-manage is running; wait for it to finish, or "
                             "raise --lock-timeout");
    }
    // Say who holds it when that changes, and every 10 seconds while it does not.
    if (holder != last_holder || Clock::now() >= next_report) {
      log.info("Waiting for the migration lock on " + target_description + ", held by " + holder +
               " (timeout " + std::to_string(timeout_seconds) + " s)");
      last_holder = holder;
      next_report = Clock::now() + std::chrono::seconds(10);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

RunLock::~RunLock() {
  try {
    connection_.unlock(key_);
  } catch (...) {
    // The lock goes away with the session anyway.
  }
}

}  // namespace sdm::runtime
