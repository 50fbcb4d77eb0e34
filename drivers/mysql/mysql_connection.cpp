#include "mysql_connection.hpp"

#include "galera_run_lock.hpp"
#include "mysql_reflection.hpp"
#include "mysql_run_lock.hpp"

namespace sdm::mysql {

MysqlConnection::MysqlConnection(MysqlConnectOptions options)
    : options_(std::move(options)), session_(options_), galera_(galera_node(session_)) {
  // 1: every SELECT, SHOW and BEGIN first waits for what the cluster committed before it.
  if (galera_) session_.execute("SET SESSION wsrep_sync_wait = 1");
}

std::int64_t MysqlConnection::execute(const std::string& sql) {
  if (run_lock_) run_lock_->before_statement();
  return session_.execute(sql);
}

Rows MysqlConnection::query(const std::string& sql) {
  return session_.query(sql);
}

// Plain statements rather than mysql_autocommit(0): autocommit is never switched off, so it
// can never be left off after a transaction ends.
void MysqlConnection::begin() {
  session_.execute("START TRANSACTION");
}

void MysqlConnection::commit() {
  if (run_lock_) run_lock_->before_commit(session_);
  session_.execute("COMMIT");
}

void MysqlConnection::rollback() {
  session_.execute("ROLLBACK");
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
  if (run_lock_) run_lock_->unlock(key);
}

std::string MysqlConnection::lock_holder(const std::string& key) {
  return run_lock().holder(key);
}

std::vector<std::string> MysqlConnection::table_names() {
  return mysql_table_names(session_);
}

std::optional<Table> MysqlConnection::reflect_table(const std::string& name) {
  return reflect_mysql_table(session_, name);
}

std::vector<HealthFinding> MysqlConnection::check_health(Access access) {
  if (!galera_) return {};
  return galera_health(session_, *galera_, access);
}

}  // namespace sdm::mysql
