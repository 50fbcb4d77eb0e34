// The run lock as the MySQL driver holds it, on a session of its own: a server's named lock
// (GET_LOCK), or on a Galera cluster a lease in a replicated table.
#pragma once

#include <string>

#include "mysql_session.hpp"

namespace sdm::mysql {

/// A run lock held apart from the migration session.
class RunLockSession {
 public:
  virtual ~RunLockSession() = default;
  /// Takes the lock without waiting (the host polls with its own timeout).
  virtual bool try_lock(const std::string& key) = 0;
  /// Releases it, if held.
  virtual void unlock(const std::string& key) = 0;
  /// Who holds it, or "" when it is free.
  virtual std::string holder(const std::string& key) = 0;
  /// Before every statement of the migration session: throws when the lock may have been
  /// lost, so a runner that lost it writes nothing more.
  virtual void before_statement() {}
  /// Inside the migration session's open transaction, just before COMMIT: ties the commit to
  /// still holding the lock.
  virtual void before_commit(MysqlSession& migration) { (void)migration; }
};

}  // namespace sdm::mysql
