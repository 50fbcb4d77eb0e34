// The run lock of a Galera cluster. GET_LOCK holds on one node only, so there the lock is a
// row in a replicated table: a lease that its holder renews every second from a thread of its
// own, and that certification guards (two nodes writing the row at once cannot both commit).
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "galera_lease.hpp"
#include "galera_node.hpp"
#include "mysql_connect_options.hpp"
#include "mysql_session.hpp"
#include "run_lock_session.hpp"

namespace sdm::mysql {

/// The table holding the lock rows, in the migrated database.
inline constexpr const char* kGaleraLockTable = "sahara_db_manage_lock";

/// A lease lock in kGaleraLockTable. A runner that dies leaves its row behind; another one
/// takes it over once it has seen the row unrenewed for lease::kLeaseSeconds. A runner that
/// may have lost its lease (stopped, or its node cut off) writes nothing more: every statement
/// of the migration session needs a recent confirmation, and every COMMIT renews the row inside
/// its own transaction, so a commit after a takeover fails certification.
class GaleraRunLock : public RunLockSession {
 public:
  /// Opens the lock session on the node; throws sdm::Error.
  GaleraRunLock(const MysqlConnectOptions& options, GaleraNode node);
  /// Releases every lock still held (the row goes, so the next runner need not wait).
  ~GaleraRunLock() override;
  GaleraRunLock(const GaleraRunLock&) = delete;
  GaleraRunLock& operator=(const GaleraRunLock&) = delete;

  bool try_lock(const std::string& key) override;
  void unlock(const std::string& key) override;
  /// "sahara-db-manage pid 4711 on host h (MySQL connection 42 as u@h) through Galera node
  /// node1 (db1:3306), holding it since ...", or "" when the lock is free.
  std::string holder(const std::string& key) override;
  void before_statement() override;
  void before_commit(MysqlSession& migration) override;

 private:
  /// A lock this runner holds: its row's name and our token in it.
  using HeldLocks = std::map<std::string, std::string>;

  /// The lock session, opened again if the renewing thread lost it; needs session_mutex_.
  MysqlSession& lock_session();
  void ensure_table();
  bool take(const std::string& name, const std::string& holder_token, const Row& row);
  /// Renews every held row through `session`; false when one is no longer ours.
  bool renew(MysqlSession& session, const HeldLocks& held);
  void renew_until_stopped();
  void start_renewing();
  void stop_renewing();
  [[noreturn]] void fail_lost() const;
  HeldLocks held_copy() const;

  MysqlConnectOptions options_;
  GaleraNode node_;
  std::string who_;  // this runner, as the row shows it to others
  std::string database_;
  bool table_ready_ = false;
  std::map<std::string, lease::LeaseWatch> watched_;

  // The lock session serves try_lock/holder, then the renewing thread.
  std::mutex session_mutex_;
  std::unique_ptr<MysqlSession> session_;

  mutable std::mutex state_mutex_;
  HeldLocks held_;
  lease::Clock::time_point confirmed_at_{};
  bool lost_ = false;

  std::mutex stop_mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::thread renewer_;
};

}  // namespace sdm::mysql
