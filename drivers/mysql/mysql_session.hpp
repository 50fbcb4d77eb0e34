// One MySQL/MariaDB session through libmariadb's C API: text protocol, so every value arrives
// as text (or NULL) whatever its column type.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "mysql_connect_options.hpp"
#include "sdm/connection.hpp"

struct st_mysql;

namespace sdm::mysql {

/// An open session with autocommit on. Every failure throws sdm::Error with the server's
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
