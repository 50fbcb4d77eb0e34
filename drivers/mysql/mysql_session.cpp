#include "mysql_session.hpp"

#include <mysql.h>

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
  if (options.read_timeout_seconds != 0) {
    set_option(handle, MYSQL_OPT_READ_TIMEOUT, options.read_timeout_seconds, "the read timeout");
    set_option(handle, MYSQL_OPT_WRITE_TIMEOUT, options.read_timeout_seconds, "the write timeout");
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
}

void MysqlSession::fail(const char* what) const {
  throw ServerError(std::string("MySQL ") + what + " failed: " + server_error(handle_.get()),
                    mysql_errno(handle_.get()));
}

void MysqlSession::send(const std::string& sql, const char* what) {
  if (mysql_real_query(handle_.get(), sql.data(), static_cast<unsigned long>(sql.size())) != 0)
    fail(what);
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
