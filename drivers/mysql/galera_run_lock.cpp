#include "galera_run_lock.hpp"

#include <mysql.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <random>

#include "mysql_lock_name.hpp"
#include "sdm/error.hpp"

namespace sdm::mysql {
namespace {

using lease::Clock;

/// Seconds a lock session waits for one answer: long enough for a renewal queued behind
/// another runner's schema change, short enough that a node gone silent does not hang exit.
constexpr unsigned kLockSessionReadTimeoutSeconds = 30;

std::string new_token() {
  std::random_device random;
  char text[33];
  for (int i = 0; i < 4; ++i)
    std::snprintf(text + 8 * i, 9, "%08x", static_cast<unsigned>(random()));
  return text;
}

std::string cell(const Row& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : "";
}

std::chrono::seconds lease_of(const std::string& seconds) {
  // A row written by another version keeps its own lease; nonsense falls back to ours.
  int value = 0;
  try {
    value = std::stoi(seconds);
  } catch (const std::exception&) {
  }
  return std::chrono::seconds(value >= 1 && value <= 3600 ? value : lease::kLeaseSeconds);
}

std::string lock_table() {
  return std::string("`") + kGaleraLockTable + "`";
}

MysqlConnectOptions lock_session_options(MysqlConnectOptions options) {
  options.read_timeout_seconds = kLockSessionReadTimeoutSeconds;
  return options;
}

}  // namespace

GaleraRunLock::GaleraRunLock(const MysqlConnectOptions& options, GaleraNode node)
    : options_(lock_session_options(options)),
      node_(std::move(node)),
      database_(options.database),
      session_(std::make_unique<MysqlSession>(options_)) {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  const Rows rows = session_->query("SELECT CONNECTION_ID(), USER()");
  const Row row = rows.empty() ? Row{} : rows.front();
  who_ = "sahara-db-manage pid " + std::to_string(getpid()) + " on host " + host +
         " (MySQL connection " + cell(row, 0) + " as " + cell(row, 1) + ")";
}

GaleraRunLock::~GaleraRunLock() {
  stop_renewing();
  for (const auto& [name, token] : held_copy()) {
    try {
      std::lock_guard<std::mutex> session_lock(session_mutex_);
      if (session_)
        session_->execute("DELETE FROM " + lock_table() + " WHERE name = " +
                          session_->literal(name) + " AND token = '" + token + "'");
    } catch (...) {
      // The row stays; the next runner takes it over once its lease has run out.
    }
  }
}

MysqlSession& GaleraRunLock::lock_session() {
  if (!session_) session_ = std::make_unique<MysqlSession>(options_);
  return *session_;
}

void GaleraRunLock::ensure_table() {
  if (table_ready_) return;
  // Replicated like every table: InnoDB with a primary key. Creating it is a schema change in
  // total order, so runners on two nodes agree on it.
  lock_session().execute(
      "CREATE TABLE IF NOT EXISTS " + lock_table() +
      " (name VARCHAR(64) NOT NULL, token CHAR(32) NOT NULL, renewals BIGINT NOT "
      "NULL, holder VARCHAR(255) NOT NULL, node VARCHAR(255) NOT NULL, taken_at "
      "DATETIME(6) NOT NULL, renewed_at DATETIME(6) NOT NULL, lease_seconds INT "
      "NOT NULL, CONSTRAINT sahara_db_manage_lock_pkc PRIMARY KEY (name)) "
      "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
  table_ready_ = true;
}

GaleraRunLock::HeldLocks GaleraRunLock::held_copy() const {
  std::lock_guard<std::mutex> state_lock(state_mutex_);
  return held_;
}

bool GaleraRunLock::take(const std::string& name, const std::string& holder_token, const Row& row) {
  MysqlSession& session = lock_session();
  const std::string values = "token = '" + holder_token +
                             "', renewals = 0, holder = " + session.literal(who_.substr(0, 255)) +
                             ", node = " + session.literal(node_.describe().substr(0, 255)) +
                             ", taken_at = NOW(6), renewed_at = NOW(6), lease_seconds = " +
                             std::to_string(lease::kLeaseSeconds);
  try {
    if (row.empty()) {
      session.execute("INSERT INTO " + lock_table() + " SET name = " + session.literal(name) +
                      ", " + values);
      return true;
    }
    // Only the row as we watched it: a renewal or another taker in between wins.
    return session.execute("UPDATE " + lock_table() + " SET " + values + " WHERE name = " +
                           session.literal(name) + " AND token = " + session.literal(cell(row, 0)) +
                           " AND renewals = " + session.literal(cell(row, 1))) == 1;
  } catch (const ServerError& e) {
    // Another runner wrote the row first: here (duplicate key) or on another node
    // (certification conflict).
    if (e.code() == error_code::kDuplicateEntry || e.code() == error_code::kDeadlock) return false;
    throw;
  }
}

bool GaleraRunLock::try_lock(const std::string& key) {
  const std::string name = run_lock_name(key, database_);
  if (held_copy().count(name)) return true;
  std::lock_guard<std::mutex> session_lock(session_mutex_);
  ensure_table();
  const Rows rows =
      lock_session().query("SELECT token, renewals, lease_seconds FROM " + lock_table() +
                           " WHERE name = " + lock_session().literal(name));
  const Row row = rows.empty() ? Row{} : rows.front();
  if (!row.empty() &&
      !watched_[name].expired(cell(row, 0), cell(row, 1), lease_of(cell(row, 2)), Clock::now()))
    return false;
  const std::string token = new_token();
  const auto started = Clock::now();
  if (!take(name, token, row)) return false;
  watched_.erase(name);
  {
    std::lock_guard<std::mutex> state_lock(state_mutex_);
    held_[name] = token;
    confirmed_at_ = started;
    lost_ = false;
  }
  start_renewing();
  return true;
}

void GaleraRunLock::unlock(const std::string& key) {
  const std::string name = run_lock_name(key, database_);
  std::string token;
  bool last = false;
  {
    std::lock_guard<std::mutex> state_lock(state_mutex_);
    auto found = held_.find(name);
    if (found == held_.end()) return;
    token = found->second;
    held_.erase(found);
    last = held_.empty();
  }
  if (last) stop_renewing();
  std::lock_guard<std::mutex> session_lock(session_mutex_);
  MysqlSession& session = lock_session();
  session.execute("DELETE FROM " + lock_table() + " WHERE name = " + session.literal(name) +
                  " AND token = '" + token + "'");
}

std::string GaleraRunLock::holder(const std::string& key) {
  const std::string name = run_lock_name(key, database_);
  std::lock_guard<std::mutex> session_lock(session_mutex_);
  Rows rows;
  try {
    MysqlSession& session = lock_session();
    rows = session.query(
        "SELECT holder, node, DATE_FORMAT(taken_at, '%Y-%m-%d %H:%i:%s'), lease_seconds FROM " +
        lock_table() + " WHERE name = " + session.literal(name));
  } catch (const ServerError& e) {
    if (e.code() == error_code::kNoSuchTable) return "";
    throw;
  }
  if (rows.empty()) return "";
  const Row& row = rows.front();
  std::string text = cell(row, 0) + " through " + cell(row, 1) + ", holding it since " +
                     cell(row, 2) + " server time";
  auto watch = watched_.find(name);
  // Stable wording while it stalls, so a waiting runner reports it once, not every second.
  if (watch != watched_.end() &&
      watch->second.unchanged_for(Clock::now()) >= lease::kReportStalledAfter)
    text += "; its lease is not being renewed, so it is taken over once it has not been for " +
            std::to_string(lease_of(cell(row, 3)).count()) + " s";
  return text;
}

bool GaleraRunLock::renew(MysqlSession& session, const HeldLocks& held) {
  for (const auto& [name, token] : held) {
    const std::int64_t matched = session.execute(
        "UPDATE " + lock_table() +
        " SET renewals = renewals + 1, renewed_at = NOW(6) WHERE name = " + session.literal(name) +
        " AND token = '" + token + "'");
    if (matched != 1) {
      // Released meanwhile by unlock() is no loss.
      std::lock_guard<std::mutex> state_lock(state_mutex_);
      auto still = held_.find(name);
      if (still != held_.end() && still->second == token) return false;
    }
  }
  return true;
}

[[noreturn]] void GaleraRunLock::fail_lost() const {
  throw Error(
      "lost the migration lock on " + node_.describe() +
      ": its lease could not be confirmed (this runner was stopped, or cut off from the cluster, "
      "for " +
      std::to_string(lease::kConfirmWithin.count()) +
      " s or more, and another runner may have taken the lock over), so this run stopped before "
      "its next statement; run the command again once no other runner is at work");
}

void GaleraRunLock::before_statement() {
  HeldLocks held;
  Clock::time_point confirmed;
  {
    std::lock_guard<std::mutex> state_lock(state_mutex_);
    if (held_.empty()) return;
    if (lost_) fail_lost();
    held = held_;
    confirmed = confirmed_at_;
  }
  if (Clock::now() - confirmed < lease::kConfirmWithin) return;
  // The renewing thread has not confirmed lately (its session lost, or its renewal queued
  // behind a long schema change): confirm now, before writing. On the lock session, in a
  // transaction of its own: inside the migration session's it would hold the row, and stall
  // the renewals, until that transaction ends.
  const auto started = Clock::now();
  bool ours = false;
  try {
    std::lock_guard<std::mutex> session_lock(session_mutex_);
    ours = renew(lock_session(), held);
  } catch (const ServerError& e) {
    if (e.code() != error_code::kDeadlock) throw;
  }
  std::lock_guard<std::mutex> state_lock(state_mutex_);
  if (!ours) {
    lost_ = true;
    fail_lost();
  }
  confirmed_at_ = std::max(confirmed_at_, started);
}

void GaleraRunLock::before_commit(MysqlSession& migration) {
  HeldLocks held;
  {
    std::lock_guard<std::mutex> state_lock(state_mutex_);
    if (held_.empty()) return;
    if (lost_) fail_lost();
    held = held_;
  }
  // Renewed inside the transaction: if another runner took the row over first, this commit
  // conflicts with its write and fails certification instead of landing.
  if (!renew(migration, held)) {
    std::lock_guard<std::mutex> state_lock(state_mutex_);
    lost_ = true;
    fail_lost();
  }
}

void GaleraRunLock::start_renewing() {
  if (renewer_.joinable()) return;
  {
    std::lock_guard<std::mutex> stop_lock(stop_mutex_);
    stopping_ = false;
  }
  renewer_ = std::thread([this] { renew_until_stopped(); });
}

void GaleraRunLock::stop_renewing() {
  if (!renewer_.joinable()) return;
  {
    std::lock_guard<std::mutex> stop_lock(stop_mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  renewer_.join();
}

void GaleraRunLock::renew_until_stopped() {
  mysql_thread_init();
  while (true) {
    {
      std::unique_lock<std::mutex> stop_lock(stop_mutex_);
      if (stop_signal_.wait_for(stop_lock, lease::kRenewEvery, [this] { return stopping_; })) break;
    }
    const HeldLocks held = held_copy();
    if (held.empty()) continue;
    const auto started = Clock::now();
    std::lock_guard<std::mutex> session_lock(session_mutex_);
    try {
      const bool ours = renew(lock_session(), held);
      std::lock_guard<std::mutex> state_lock(state_mutex_);
      if (ours)
        confirmed_at_ = std::max(confirmed_at_, started);
      else
        lost_ = true;
    } catch (const ServerError& e) {
      // A conflict or a timeout leaves this renewal unconfirmed; a lost session is opened
      // again next time.
      if (e.code() == error_code::kServerGone || e.code() == error_code::kServerLost)
        session_.reset();
    } catch (const std::exception&) {
      session_.reset();
    }
  }
  mysql_thread_end();
}

}  // namespace sdm::mysql
