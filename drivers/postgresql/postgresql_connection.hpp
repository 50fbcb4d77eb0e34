// A session with a PostgreSQL database through Poco::Data's PostgreSQL connector.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "postgresql/connection_options.hpp"
#include "sdm/connection.hpp"

namespace Poco::Data {
class Session;
}
struct pg_conn;  // libpq's PGconn

namespace sdm::postgresql {

class AdvisoryLockSession;

/// A PostgreSQL session. Poco's session connects and runs single statements and the
/// transactions; its libpq handle serves what Poco cannot: values exactly as PostgreSQL writes
/// them, strings of several statements, silencing NOTICEs. The run lock lives on a second
/// session of its own (AdvisoryLockSession), opened when first needed.
class PostgresqlConnection : public Connection {
 public:
  /// Connects; throws sdm::Error whose message never holds the password.
  explicit PostgresqlConnection(ConnectionOptions options);
  ~PostgresqlConnection() override;

  std::int64_t execute(const std::string& sql) override;
  Rows query(const std::string& sql) override;
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
  pg_conn* handle() const;
  AdvisoryLockSession& lock_session();
  /// The server's message for a failed Poco call, or Poco's own when libpq has none.
  std::string failure_text(const std::exception& e) const;

  ConnectionOptions options_;  // kept to open the lock session later
  std::unique_ptr<Poco::Data::Session> session_;
  std::unique_ptr<AdvisoryLockSession> lock_session_;
};

}  // namespace sdm::postgresql
