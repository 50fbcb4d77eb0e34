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
/// certification conflict).
class ServerError : public Error {
 public:
  ServerError(const std::string& message, unsigned code) : Error(message), code_(code) {}
  unsigned code() const { return code_; }

 private:
  unsigned code_;
};

/// Error numbers the driver acts on.
namespace error_code {
inline constexpr unsigned kDuplicateEntry = 1062;  // ER_DUP_ENTRY
inline constexpr unsigned kDeadlock = 1213;        // ER_LOCK_DEADLOCK: also a Galera conflict
inline constexpr unsigned kNodeNotReady = 1047;    // WSREP has not yet prepared node
inline constexpr unsigned kNoSuchTable = 1146;     // ER_NO_SUCH_TABLE
inline constexpr unsigned kServerGone = 2006;      // CR_SERVER_GONE_ERROR
inline constexpr unsigned kServerLost = 2013;      // CR_SERVER_LOST
}  // namespace error_code

/// An open session with autocommit on. Every failure throws ServerError with the server's
/// error number and message; none holds the password.
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

  /// Closes the session (mysql_close), also when the constructor fails half-way.
  struct Close {
    void operator()(st_mysql* handle) const;
  };
  std::unique_ptr<st_mysql, Close> handle_;
};

}  // namespace sdm::mysql
