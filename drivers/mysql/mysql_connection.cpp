#include "mysql_connection.hpp"

#include <cstdio>

#include "galera_run_lock.hpp"
#include "mysql_reflection.hpp"
#include "mysql_run_lock.hpp"
#include "sdm/error.hpp"
#include "sdm/placeholders.hpp"

namespace sdm::mysql {

MysqlConnection::MysqlConnection(MysqlConnectOptions options)
    : options_(std::move(options)), session_(options_), galera_(galera_node(session_)) {
  // 1: every SELECT, SHOW and BEGIN first waits for what the cluster committed before it.
  if (galera_) session_.execute("SET SESSION wsrep_sync_wait = 1");
}

template <class Call>
auto MysqlConnection::watched(Call&& call) -> decltype(call()) {
  try {
    return call();
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::ConnectionLost) lost_ = true;
    throw;
  }
}

std::int64_t MysqlConnection::execute(const std::string& sql) {
  return watched([&] {
    if (run_lock_) run_lock_->before_statement();
    return session_.execute(sql);
  });
}

Rows MysqlConnection::query(const std::string& sql) {
  return watched([&] { return session_.query(sql); });
}

// Bound on the client side, as MySQL's Python drivers bind: each value becomes a literal
// escaped for the session's character set and sql_mode (MysqlSession::literal).
std::string MysqlConnection::with_values(const std::string& sql,
                                         const std::vector<Value>& values) const {
  const std::vector<std::string> pieces = split_at_placeholders(sql);
  check_placeholder_count(pieces, values.size());
  std::string text = pieces.front();
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    const Value& value = values[i - 1];
    if (const auto* s = std::get_if<std::string>(&value)) {
      text += session_.literal(*s);
    } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      text += std::to_string(*integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", *real);
      text += buffer;
    } else if (const auto* flag = std::get_if<bool>(&value)) {
      text += *flag ? "1" : "0";
    } else {
      text += "NULL";
    }
    text += pieces[i];
  }
  return text;
}

std::int64_t MysqlConnection::execute_bound(const std::string& sql,
                                            const std::vector<Value>& values) {
  return execute(with_values(sql, values));
}

Rows MysqlConnection::query_bound(const std::string& sql, const std::vector<Value>& values) {
  return query(with_values(sql, values));
}

// Plain statements rather than mysql_autocommit(0): autocommit is never switched off, so it
// can never be left off after a transaction ends.
void MysqlConnection::begin() {
  execute("START TRANSACTION");
}

void MysqlConnection::commit() {
  watched([&] {
    if (run_lock_) run_lock_->before_commit(session_);
    return session_.execute("COMMIT");
  });
}

void MysqlConnection::rollback() {
  // Undoing is always safe: with the lock lost, a transaction left open would keep reading its
  // old snapshot and hide that another runner has moved the database on.
  watched([&] { return session_.execute("ROLLBACK"); });
}

RunLockSession& MysqlConnection::run_lock() {
  if (!run_lock_) {
    if (galera_)
      run_lock_ = std::make_unique<GaleraRunLock>(options_, *galera_);
    else
      run_lock_ = std::make_unique<MysqlRunLock>(options_);
  }
  return *run_lock_;
}

bool MysqlConnection::try_lock(const std::string& key) {
  return run_lock().try_lock(key);
}

void MysqlConnection::unlock(const std::string& key) {
  // With the server gone or not answering, asking it would only wait; the lock ends with the
  // lock session, which closes with this connection.
  if (run_lock_ && !lost_) run_lock_->unlock(key);
}

std::string MysqlConnection::lock_holder(const std::string& key) {
  return run_lock().holder(key);
}

std::vector<std::string> MysqlConnection::table_names() {
  return watched([&] { return mysql_table_names(session_); });
}

std::optional<Table> MysqlConnection::reflect_table(const std::string& name) {
  return watched([&] { return reflect_mysql_table(session_, name); });
}

std::vector<HealthFinding> MysqlConnection::check_health(Access access) {
  if (!galera_) return {};
  return galera_health(session_, *galera_, access);
}

}  // namespace sdm::mysql
