#include "mysql_connect_options.hpp"

#include <cctype>

#include "sdm/error.hpp"

namespace sdm::mysql {
namespace {

constexpr unsigned kMaxConnectTimeoutSeconds = 24 * 3600;

unsigned seconds(const std::string& text) {
  bool digits = !text.empty() && text.size() <= 6;
  for (char c : text)
    digits = digits && std::isdigit(static_cast<unsigned char>(c));
  const unsigned value = digits ? static_cast<unsigned>(std::stoul(text)) : 0;
  if (value == 0 || value > kMaxConnectTimeoutSeconds)
    throw Error("mysql URL: connect_timeout=" + text +
                " is not a whole number of seconds between 1 and " +
                std::to_string(kMaxConnectTimeoutSeconds));
  return value;
}

}  // namespace

std::string MysqlConnectOptions::describe() const {
  // With a socket the host and port play no part.
  const bool tcp = unix_socket.empty();
  std::string where =
      (user.empty() ? "" : user + "@") + (tcp && !host.empty() ? host : "localhost");
  if (tcp && port != 0) where += ":" + std::to_string(port);
  where += "/" + database;
  if (!unix_socket.empty()) where += " via socket " + unix_socket;
  return where;
}

MysqlConnectOptions connect_options(const Url& url) {
  MysqlConnectOptions options;
  options.host = url.host;
  options.port = url.port;
  options.user = url.username;
  if (url.has_password) options.password = url.password;
  // PyMySQL also takes the password as a query parameter, under either of its names.
  for (const char* name : {"passwd", "password"})
    if (const std::string* password = url.param(name)) options.password = *password;
  options.database = url.database;
  if (const std::string* socket = url.param("unix_socket")) options.unix_socket = *socket;
  if (const std::string* charset = url.param("charset")) options.charset = *charset;
  if (const std::string* timeout = url.param("connect_timeout"))
    options.connect_timeout_seconds = seconds(*timeout);
  options.force_tcp = url.driver == "pymysql" && options.unix_socket.empty();
  return options;
}

}  // namespace sdm::mysql
