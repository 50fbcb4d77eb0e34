// A session with a MySQL/MariaDB database through libmariadb.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "galera_node.hpp"
#include "mysql_connect_options.hpp"
#include "mysql_session.hpp"
#include "run_lock_session.hpp"
#include "sdm/connection.hpp"

namespace sdm::mysql {

/// A MySQL/MariaDB session. Autocommit stays on for the whole session: transactions are
/// START TRANSACTION ... COMMIT/ROLLBACK, so no statement after one can end up in an
/// implicit transaction that closing the session discards. The run lock lives on a second
/// session, opened the first time the lock is asked for: a named lock, or on a Galera node a
/// cluster-wide lease (GaleraRunLock). On a Galera node every read waits until the node has
/// applied what the cluster committed before it (wsrep_sync_wait), so a runner never acts on
/// a version row another node's runner has already changed.
class MysqlConnection : public Connection {
 public:
  /// Connects; throws sdm::Error (without the password).
  explicit MysqlConnection(MysqlConnectOptions options);

  std::int64_t execute(const std::string& sql) override;
  Rows query(const std::string& sql) override;
  std::int64_t execute_bound(const std::string& sql, const std::vector<Value>& values) override;
  Rows query_bound(const std::string& sql, const std::vector<Value>& values) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  bool try_lock(const std::string& key) override;
  void unlock(const std::string& key) override;
  std::string lock_holder(const std::string& key) override;
  std::vector<std::string> table_names() override;
  std::optional<Table> reflect_table(const std::string& name) override;
  /// On a Galera node: its state, the schema-change method, and tables Galera cannot
  /// replicate. Nothing on a single server.
  std::vector<HealthFinding> check_health(Access access) override;

 private:
  RunLockSession& run_lock();
  /// `sql` with its `?` placeholders replaced by `values` as escaped literals.
  std::string with_values(const std::string& sql, const std::vector<Value>& values) const;
  /// Runs a call on the session, noting when it finds the connection lost.
  template <class Call>
  auto watched(Call&& call) -> decltype(call());

  MysqlConnectOptions options_;
  MysqlSession session_;
  std::optional<GaleraNode> galera_;
  std::unique_ptr<RunLockSession> run_lock_;
  bool lost_ = false;  // the session found the server gone or silent
};

}  // namespace sdm::mysql
