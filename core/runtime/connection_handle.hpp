// The host's view of a live database session from a driver plugin: the plugin's
// exception-free calls turned back into sdm::DatabaseError (or LockTimeoutError for a lock
// wait that ran out), with the advice the session's limits call for.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sdm/detail/driver_guard.hpp"

namespace sdm::runtime {

/// Owns one plugin connection. Every failure throws DatabaseError, or LockTimeoutError when a
/// statement waited too long for a lock. What it reflects leaves out the database's own
/// objects: names starting with `internal_name_prefix` (the dialect's).
class ConnectionHandle {
 public:
  explicit ConnectionHandle(std::unique_ptr<abi::Connection> connection, SessionLimits limits = {},
                            std::string internal_name_prefix = {});

  /// The bounds the session was opened with.
  const SessionLimits& limits() const { return limits_; }

  std::int64_t execute(const std::string& sql);
  Rows query(const std::string& sql);
  /// A statement or query with `?` placeholders bound to `values` (code steps).
  std::int64_t execute_bound(const std::string& sql, const std::vector<Value>& values);
  Rows query_bound(const std::string& sql, const std::vector<Value>& values);
  void begin();
  void commit();
  void rollback();
  bool try_lock(const std::string& key);
  void unlock(const std::string& key);
  std::string lock_holder(const std::string& key);
  std::vector<std::string> table_names();
  std::optional<Table> reflect_table(const std::string& name);
  std::vector<HealthFinding> check_health(Access access);

 private:
  template <class Call>
  void checked(Call&& call) const;
  /// Throws the host error for a plugin's failure text.
  [[noreturn]] void fail(const std::string& text) const;
  bool internal(const std::string& name) const;

  std::unique_ptr<abi::Connection> connection_;
  SessionLimits limits_;
  std::string internal_name_prefix_;
};

}  // namespace sdm::runtime
