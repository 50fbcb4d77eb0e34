// One MySQL/MariaDB session through libmariadb's C API: text protocol, so every value arrives
// as text (or NULL) whatever its column type.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "mysql_connect_options.hpp"
#include "sdm/connection.hpp"
#include "sdm/error.hpp"

struct st_mysql;

namespace sdm::mysql {

/// A statement the server (or the client library, for a lost connection) failed, with its
/// error number: some are answers rather than failures (a duplicate key, a Galera
/// certification conflict), some the host treats apart (a timeout, a lost connection).
class ServerError : public Error {
 public:
  ServerError(const std::string& message, unsigned code, ErrorKind kind = ErrorKind::General)
      : Error(message, kind), code_(code) {}
  unsigned code() const { return code_; }

 private:
  unsigned code_;
};

/// Server and client error numbers the driver acts on (mysqld_error.h, errmsg.h).
namespace error_code {
inline constexpr unsigned kNodeNotReady = 1047;              // WSREP has not yet prepared node
inline constexpr unsigned kDuplicateEntry = 1062;            // ER_DUP_ENTRY
inline constexpr unsigned kNoSuchTable = 1146;               // ER_NO_SUCH_TABLE
inline constexpr unsigned kLockWaitTimeout = 1205;           // ER_LOCK_WAIT_TIMEOUT
inline constexpr unsigned kDeadlock = 1213;                  // also a Galera conflict
inline constexpr unsigned kQueryInterrupted = 1317;          // ER_QUERY_INTERRUPTED
inline constexpr unsigned kStatementTimeout = 1969;          // MariaDB ER_STATEMENT_TIMEOUT
inline constexpr unsigned kMysqlQueryTimeout = 3024;         // MySQL ER_QUERY_TIMEOUT
inline constexpr unsigned kServerGone = 2006;                // CR_SERVER_GONE_ERROR
inline constexpr unsigned kServerLost = 2013;                // CR_SERVER_LOST
inline constexpr unsigned kServerLostExtended = 2055;        // CR_SERVER_LOST_EXTENDED
inline constexpr unsigned kClientInteractionTimeout = 4031;  // ER_CLIENT_INTERACTION_TIMEOUT
}  // namespace error_code

/// An open session with autocommit on. Every failure throws ServerError with the server's
/// error number and message (and the ErrorKind of a timeout or a lost connection); none holds
/// the password. With a statement timeout in the options, the server bounds each statement
/// and the client bounds each wait for the server.
class MysqlSession {
 public:
  /// Connects; throws sdm::Error naming the server, user and database.
  explicit MysqlSession(const MysqlConnectOptions& options);

  /// Runs one statement; the rows it matched (found rows, as SQLAlchemy counts them), or -1
  /// when it returned a result set.
  std::int64_t execute(const std::string& sql);
  /// Runs one statement and returns its rows; none for a statement without a result set.
  Rows query(const std::string& sql);
  /// The first column of the first row, or nullopt (no row, or NULL).
  std::optional<std::string> query_value(const std::string& sql);
  /// `text` as a quoted string literal, escaped for this session's character set and sql_mode.
  std::string literal(const std::string& text) const;
  /// Whether the server is MariaDB (rather than Oracle's MySQL).
  bool is_mariadb() const;

 private:
  /// Sends `sql`; throws naming `what` on failure.
  void send(const std::string& sql, const char* what);
  [[noreturn]] void fail(const char* what) const;
  /// Sets the server-side statement and lock-wait timeouts.
  void apply_limits(const SessionLimits& limits);

  /// Closes the session (mysql_close), also when the constructor fails half-way.
  struct Close {
    void operator()(st_mysql* handle) const;
  };
  std::unique_ptr<st_mysql, Close> handle_;
  int statement_timeout_ms_ = 0;  // 0: none
  int client_wait_ms_ = 0;        // 0: the client waits as long as it takes
  int waited_ms_ = 0;             // how long the last statement waited for the server
};

}  // namespace sdm::mysql
