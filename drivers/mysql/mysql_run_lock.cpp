#include "mysql_run_lock.hpp"

#include "mysql_lock_name.hpp"
#include "sdm/error.hpp"

namespace sdm::mysql {

MysqlRunLock::MysqlRunLock(const MysqlConnectOptions& options)
    : database_(options.database), session_(options) {}

bool MysqlRunLock::try_lock(const std::string& key) {
  const std::string name = run_lock_name(key, database_);
  if (held_.count(name)) return true;
  const auto taken = session_.query_value("SELECT GET_LOCK(" + session_.literal(name) + ", 0)");
  if (!taken) throw Error("MySQL GET_LOCK(" + name + ") failed");
  if (*taken != "1") return false;
  held_.insert(name);
  return true;
}

void MysqlRunLock::unlock(const std::string& key) {
  const std::string name = run_lock_name(key, database_);
  if (!held_.erase(name)) return;
  session_.query("SELECT RELEASE_LOCK(" + session_.literal(name) + ")");
}

std::string MysqlRunLock::holder(const std::string& key) {
  const std::string name = run_lock_name(key, database_);
  const auto id = session_.query_value("SELECT IS_USED_LOCK(" + session_.literal(name) + ")");
  if (!id) return "";
  // A runner's lock session runs nothing after GET_LOCK, so the time its last statement
  // started is when it took the lock.
  const Rows rows = session_.query(
      "SELECT USER, HOST, DATE_FORMAT(NOW() - INTERVAL TIME SECOND, '%Y-%m-%d %H:%i:%s'), TIME "
      "FROM information_schema.PROCESSLIST WHERE ID = " +
      session_.literal(*id));
  std::string text = "MySQL connection " + *id;
  // Other users' sessions are visible only with the PROCESS privilege.
  if (rows.empty() || rows.front().size() < 4) return text + " (of another user)";
  const Row& row = rows.front();
  return text + " (" + row[0].value_or("?") + "@" + row[1].value_or("?") + "), holding it since " +
         row[2].value_or("?") + " server time (" + row[3].value_or("?") + " s)";
}

}  // namespace sdm::mysql
