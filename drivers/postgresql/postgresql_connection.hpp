// A session with a PostgreSQL database, on libpq.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "libpq_calls.hpp"
#include "postgresql/connection_options.hpp"
#include "sdm/connection.hpp"

struct pg_conn;  // libpq's PGconn

namespace sdm::postgresql {

class AdvisoryLockSession;

/// A PostgreSQL session. Statements and transactions go through libpq without blocking in it, so
/// each wait for the server is bounded, values come exactly as PostgreSQL writes them, and a string
/// may hold several statements. The run lock lives on a second session of its own
/// (AdvisoryLockSession), opened when first needed.
class PostgresqlConnection : public Connection {
 public:
  /// Connects; throws sdm::Error whose message never holds the password.
  explicit PostgresqlConnection(ConnectionOptions options);
  ~PostgresqlConnection() override;

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
  /// Refuses a read-only standby before anything is written (see server_role.hpp).
  std::vector<HealthFinding> check_health(Access access) override;

 private:
  pg_conn* handle() const { return connection_; }
  /// The handle with how long to wait for each answer.
  Link link() const { return {handle(), wait_ms_}; }
  AdvisoryLockSession& lock_session();
  /// Sets the server-side statement and lock timeouts the options ask for.
  void apply_limits();
  /// BEGIN, COMMIT or ROLLBACK; throws naming it.
  void transaction_statement(const char* statement);
  /// Runs a call on the main session, noting when it finds the connection lost.
  template <class Call>
  auto watched(Call&& call) -> decltype(call());

  ConnectionOptions options_;  // kept to open the lock session later
  int wait_ms_ = 0;            // how long to wait for each answer; 0: as long as it takes
  pg_conn* connection_ = nullptr;
  std::unique_ptr<AdvisoryLockSession> lock_session_;
  bool lost_ = false;  // the main session found the server gone or silent
};

}  // namespace sdm::postgresql
