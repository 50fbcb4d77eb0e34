#include "mysql_session.hpp"

#include <mysql.h>

#include <chrono>
#include <memory>

#include "sdm/error.hpp"
#include "sdm/secret.hpp"

namespace sdm::mysql {
namespace {

/// "error 1146 (42S02): Table 'db.t' doesn't exist"
std::string server_error(MYSQL* handle) {
  return "error " + std::to_string(mysql_errno(handle)) + " (" + mysql_sqlstate(handle) +
         "): " + mysql_error(handle);
}

template <class T>
void set_option(MYSQL* handle, mysql_option option, const T& value, const char* name) {
  if (mysql_options(handle, option, &value) != 0)
    throw Error(std::string("MySQL client: cannot set ") + name);
}

/// Whole seconds, rounded up: the unit of libmariadb's timeouts and of lock_wait_timeout.
unsigned whole_seconds(int milliseconds) {
  return static_cast<unsigned>((milliseconds + 999) / 1000);
}

}  // namespace

void MysqlSession::Close::operator()(MYSQL* handle) const {
  mysql_close(handle);
}

MysqlSession::MysqlSession(const MysqlConnectOptions& options) : handle_(mysql_init(nullptr)) {
  MYSQL* handle = handle_.get();
  if (!handle) throw Error("MySQL client: out of memory");
  // Every setting goes to libmariadb as a value of its own: nothing is parsed back out of a
  // connection string, so a password may hold any character.
  set_option(handle, MYSQL_OPT_CONNECT_TIMEOUT, options.connect_timeout_seconds,
             "the connect timeout");
  // A stopped server enforces no timeout of its own: the client stops waiting too. The
  // driver's own lock sessions bring a read timeout of their own; the shorter bound wins.
  unsigned wait_seconds = options.read_timeout_seconds;
  if (const int wait = options.limits.client_wait_ms(); wait > 0) {
    client_wait_ms_ = wait;
    if (wait_seconds == 0 || whole_seconds(wait) < wait_seconds) wait_seconds = whole_seconds(wait);
  }
  if (wait_seconds != 0) {
    set_option(handle, MYSQL_OPT_READ_TIMEOUT, wait_seconds, "the read timeout");
    set_option(handle, MYSQL_OPT_WRITE_TIMEOUT, wait_seconds, "the write timeout");
  }
  // A silent reconnect would drop the run lock and an open transaction unnoticed.
  set_option(handle, MYSQL_OPT_RECONNECT, my_bool{0}, "reconnect");
  // A server must not be able to make the client send it local files.
  set_option(handle, MYSQL_OPT_LOCAL_INFILE, 0u, "local infile");
  if (mysql_options(handle, MYSQL_SET_CHARSET_NAME, options.charset.c_str()) != 0)
    throw Error("MySQL client: cannot use character set " + options.charset);
  const char* host = options.host.empty() ? nullptr : options.host.c_str();
  const char* socket = nullptr;
  if (!options.unix_socket.empty()) {
    // libmariadb takes the socket only for host "localhost" (or none).
    host = nullptr;
    socket = options.unix_socket.c_str();
    set_option(handle, MYSQL_OPT_PROTOCOL, unsigned{MYSQL_PROTOCOL_SOCKET}, "the protocol");
  } else if (options.force_tcp) {
    set_option(handle, MYSQL_OPT_PROTOCOL, unsigned{MYSQL_PROTOCOL_TCP}, "the protocol");
  }
  // Without a password in the URL, libmariadb falls back to MYSQL_PWD as the C client does.
  const char* password = options.password ? options.password->c_str() : nullptr;
  // Found rows: an UPDATE that rewrites a value unchanged still counts the row, as
  // SQLAlchemy's MySQL drivers count it (the version-table update relies on it).
  if (!mysql_real_connect(handle, host, options.user.c_str(), password,
                          options.database.empty() ? nullptr : options.database.c_str(),
                          static_cast<unsigned>(options.port), socket, CLIENT_FOUND_ROWS))
    throw Error(
        without_secret("MySQL/MariaDB at " + options.describe() + ": " + server_error(handle),
                       options.password.value_or("")));
  // A server configured with autocommit=0 would keep every statement in an implicit
  // transaction that closing the session throws away. Transactions are explicit here.
  if (mysql_autocommit(handle, 1) != 0) fail("turning autocommit on");
  apply_limits(options.limits);
}

void MysqlSession::apply_limits(const SessionLimits& limits) {
  if (limits.statement_timeout_ms > 0) {
    statement_timeout_ms_ = limits.statement_timeout_ms;
    // MariaDB bounds every statement, DDL included; MySQL's own setting bounds SELECT only,
    // so there the client's read timeout is the bound for the rest.
    execute(is_mariadb() ? "SET SESSION max_statement_time = " +
                               std::to_string(limits.statement_timeout_ms / 1000.0)
                         : "SET SESSION max_execution_time = " +
                               std::to_string(limits.statement_timeout_ms));
  }
  if (limits.lock_wait_timeout_ms > 0) {
    // Metadata locks (DDL behind an open transaction) and InnoDB row locks alike.
    const std::string seconds = std::to_string(whole_seconds(limits.lock_wait_timeout_ms));
    execute("SET SESSION lock_wait_timeout = " + seconds);
    execute("SET SESSION innodb_lock_wait_timeout = " + seconds);
  }
}

void MysqlSession::fail(const char* what) const {
  using namespace error_code;
  const unsigned number = mysql_errno(handle_.get());
  const std::string message =
      std::string("MySQL ") + what + " failed: " + server_error(handle_.get());
  switch (number) {
    case kLockWaitTimeout:
      throw ServerError(message, number, ErrorKind::LockWaitTimeout);
    case kStatementTimeout:
    case kMysqlQueryTimeout:
      throw ServerError(message, number, ErrorKind::StatementTimeout);
    case kQueryInterrupted:
      // Some statements (CREATE INDEX) report the statement timeout as a plain interruption.
      if (statement_timeout_ms_ > 0)
        throw ServerError(message, number, ErrorKind::StatementTimeout);
      break;
    case kServerGone:
    case kServerLost:
    case kServerLostExtended:
    case kClientInteractionTimeout:
      if (client_wait_ms_ > 0 && waited_ms_ >= client_wait_ms_ - 100)
        throw ServerError(std::string("MySQL ") + what +
                              " failed: the server did not answer within " +
                              std::to_string(whole_seconds(client_wait_ms_)) +
                              " s (the statement timeout and a grace period): it may be stopped "
                              "or overloaded; the connection is closed (" +
                              server_error(handle_.get()) + ")",
                          number, ErrorKind::ConnectionLost);
      throw ServerError(message, number, ErrorKind::ConnectionLost);
    default:
      break;
  }
  throw ServerError(message, number);
}

void MysqlSession::send(const std::string& sql, const char* what) {
  const auto start = std::chrono::steady_clock::now();
  const int status =
      mysql_real_query(handle_.get(), sql.data(), static_cast<unsigned long>(sql.size()));
  waited_ms_ = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - start)
                                    .count());
  if (status != 0) fail(what);
}

std::int64_t MysqlSession::execute(const std::string& sql) {
  send(sql, "statement");
  if (MYSQL_RES* result = mysql_store_result(handle_.get())) {
    mysql_free_result(result);
    return -1;
  }
  if (mysql_field_count(handle_.get()) != 0) fail("statement");
  return static_cast<std::int64_t>(mysql_affected_rows(handle_.get()));
}

Rows MysqlSession::query(const std::string& sql) {
  send(sql, "query");
  std::unique_ptr<MYSQL_RES, decltype(&mysql_free_result)> result(mysql_store_result(handle_.get()),
                                                                  &mysql_free_result);
  if (!result) {
    if (mysql_field_count(handle_.get()) != 0) fail("query");
    return {};
  }
  const unsigned columns = mysql_num_fields(result.get());
  Rows rows;
  rows.reserve(mysql_num_rows(result.get()));
  while (MYSQL_ROW values = mysql_fetch_row(result.get())) {
    const unsigned long* lengths = mysql_fetch_lengths(result.get());
    Row row;
    row.reserve(columns);
    for (unsigned c = 0; c < columns; ++c)
      row.push_back(values[c] ? std::optional<std::string>(std::in_place, values[c], lengths[c])
                              : std::nullopt);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<std::string> MysqlSession::query_value(const std::string& sql) {
  Rows rows = query(sql);
  if (rows.empty() || rows.front().empty()) return std::nullopt;
  return std::move(rows.front().front());
}

std::string MysqlSession::literal(const std::string& text) const {
  std::string escaped(text.size() * 2 + 1, '\0');
  const unsigned long length = mysql_real_escape_string(handle_.get(), escaped.data(), text.data(),
                                                        static_cast<unsigned long>(text.size()));
  escaped.resize(length);
  return "'" + escaped + "'";
}

bool MysqlSession::is_mariadb() const {
  return mariadb_connection(handle_.get()) != 0;
}

}  // namespace sdm::mysql
