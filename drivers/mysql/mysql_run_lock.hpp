// The run lock as a MySQL named lock (GET_LOCK), held by a session of its own.
#pragma once

#include <set>
#include <string>

#include "mysql_connect_options.hpp"
#include "mysql_session.hpp"
#include "run_lock_session.hpp"

namespace sdm::mysql {

/// Named locks on a dedicated session: DDL, COMMIT or a failed statement on the migration
/// session never touch them, and the server drops them when this session ends, so a crashed
/// runner leaves no stale lock behind.
/// A named lock is node-local on a Galera cluster: GaleraRunLock serves there.
class MysqlRunLock : public RunLockSession {
 public:
  /// Opens the lock session; throws sdm::Error.
  explicit MysqlRunLock(const MysqlConnectOptions& options);

  /// GET_LOCK without waiting (the host polls with its own timeout).
  bool try_lock(const std::string& key) override;
  /// RELEASE_LOCK, if this session holds it.
  void unlock(const std::string& key) override;
  /// "connection 42 (sahara@10.0.0.5:53422), holding it since ..." or "" when the lock is free.
  std::string holder(const std::string& key) override;

 private:
  std::string database_;
  MysqlSession session_;
  std::set<std::string> held_;  // GET_LOCK nests; take each name once
};

}  // namespace sdm::mysql
