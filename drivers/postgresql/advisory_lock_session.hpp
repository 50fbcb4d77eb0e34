// The run lock: a session-level advisory lock on a connection of its own.
#pragma once

#include <map>
#include <string>

#include "libpq_calls.hpp"
#include "postgresql/advisory_lock_key.hpp"
#include "postgresql/connection_options.hpp"

namespace sdm::postgresql {

/// Holds advisory locks on a second session to the same database. Being separate, the lock
/// stays put whatever the main session's transactions do (even an aborted one), and as a
/// session-level lock it goes away when this session or the process ends: nothing stale is
/// left behind by a crashed runner.
class AdvisoryLockSession {
 public:
  /// Connects with the same options as the main session; throws sdm::Error (no password).
  explicit AdvisoryLockSession(const ConnectionOptions& options);
  /// Releases every lock still held, then closes the session.
  ~AdvisoryLockSession();
  AdvisoryLockSession(const AdvisoryLockSession&) = delete;
  AdvisoryLockSession& operator=(const AdvisoryLockSession&) = delete;

  /// pg_try_advisory_lock on (database, key); true at once when this session holds it.
  bool try_lock(const std::string& key);
  /// pg_advisory_unlock; nothing when this session does not hold it.
  void unlock(const std::string& key);
  /// Forgets the locks without asking the server (which is gone or not answering): they end
  /// with this session.
  void abandon() { held_.clear(); }
  /// Who holds the lock, from pg_locks and pg_stat_activity, e.g. "PostgreSQL session pid 4711
  /// (sahara-db-manage, user sahara, from 10.0.0.5:40312) holding it since ..."; "" if nobody.
  std::string holder(const std::string& key);

 private:
  AdvisoryLockKey key_for(const std::string& key) const;

  Link link() const { return {connection_, wait_ms_}; }

  pg_conn* connection_ = nullptr;
  int wait_ms_ = 0;  // how long to wait for each answer; 0: as long as it takes
  std::string database_;
  std::map<std::string, AdvisoryLockKey> held_;
};

}  // namespace sdm::postgresql
