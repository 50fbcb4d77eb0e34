#include "mysql_connection.hpp"

#include "mysql_reflection.hpp"
#include "sdm/error.hpp"

namespace sdm::mysql {

MysqlConnection::MysqlConnection(MysqlConnectOptions options)
    : options_(std::move(options)), session_(options_) {}

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
  return watched([&] { return session_.execute(sql); });
}

Rows MysqlConnection::query(const std::string& sql) {
  return watched([&] { return session_.query(sql); });
}

// Plain statements rather than mysql_autocommit(0): autocommit is never switched off, so it
// can never be left off after a transaction ends.
void MysqlConnection::begin() {
  execute("START TRANSACTION");
}

void MysqlConnection::commit() {
  execute("COMMIT");
}

void MysqlConnection::rollback() {
  execute("ROLLBACK");
}

MysqlRunLock& MysqlConnection::run_lock() {
  if (!run_lock_) run_lock_ = std::make_unique<MysqlRunLock>(options_);
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

}  // namespace sdm::mysql
