// Scratch databases on the servers tests/run-tests.sh starts. A test that needs a server
// fails (never skips) when the server is not there.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace sdm::test {

/// A database server and an administrator's login on it.
struct ServerAdmin {
  std::string backend;    ///< "postgresql" or "mysql"
  std::string admin_url;  ///< scheme://user:password@host:port/database
  /// PostgreSQL: a socket folder where local users are trusted (spares each client call a
  /// password exchange), or "" to use TCP.
  std::string socket_dir;

  /// The server tests/run-tests.sh started for `backend` (SDM_TEST_PG_ADMIN and
  /// SDM_TEST_PG_SOCKET_DIR, or SDM_TEST_MYSQL_ADMIN); throws when it is not set.
  static ServerAdmin from_environment(const std::string& backend);
};

/// A database created for one test and dropped at its end, with its own login.
class ScratchDatabase {
 public:
  /// Creates a database on `backend` ("postgresql", "mysql" or "sqlite"). For servers, the
  /// owner's password is `password` (default: a fixed test password). Throws when the
  /// server's admin URL (SDM_TEST_PG_ADMIN / SDM_TEST_MYSQL_ADMIN) is not set or unusable.
  explicit ScratchDatabase(const std::string& backend, const std::string& password = "");
  /// Creates a database on `server` (a cluster node, a primary with standbys, ...).
  explicit ScratchDatabase(const ServerAdmin& server, const std::string& password = "");
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& backend() const { return backend_; }
  /// A SQLAlchemy URL for the database (password percent-encoded).
  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }
  const std::string& user() const { return user_; }
  const std::string& password() const { return password_; }
  /// The URL with another port of the same host: another node of a cluster, a standby.
  std::string url_with_port(int port) const;

  /// Runs SQL through the server's own client (psql / mariadb / sqlite3); returns its output
  /// as tab-separated rows. Throws with the client's message on failure.
  std::string sql(const std::string& statements) const;
  /// The same, as the owner, through another port of the same host (another cluster node).
  std::string sql_via_port(int port, const std::string& statements) const;
  /// The same in the background (e.g. a transaction holding a lock while the tool runs).
  std::unique_ptr<ChildProcess> start_sql(const std::string& statements) const;
  /// The names of the tables, sorted.
  std::vector<std::string> tables() const;
  /// Whether the table exists.
  bool has_table(const std::string& name) const;
  /// The rows of alembic_version, sorted; empty when the table does not exist.
  std::vector<std::string> versions() const;
  /// Tables, columns (type, nullability, default, order), constraints and indexes as the
  /// server's catalog reports them, one line each: equal text means an equal schema.
  std::string schema_fingerprint() const;
  /// The same, read through another port of the same host (another cluster node).
  std::string schema_fingerprint_via_port(int port) const;

 private:
  void create_on_server();

  ServerAdmin server_;
  std::string backend_, name_, user_, password_, url_, sqlite_dir_;
};

/// The non-empty lines of a client's output, in order.
std::vector<std::string> output_lines(const std::string& text);

/// Percent-encodes a URL component.
std::string url_encode(const std::string& text);

}  // namespace sdm::test
