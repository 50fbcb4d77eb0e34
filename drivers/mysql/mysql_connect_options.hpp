// What a session needs to reach the server, taken from a SQLAlchemy MySQL URL.
#pragma once

#include <optional>
#include <string>

#include "sdm/connection.hpp"
#include "sdm/url.hpp"

namespace sdm::mysql {

/// Connection settings; handed to libmariadb as they are, never through a key=value string.
struct MysqlConnectOptions {
  std::string host;  ///< empty: localhost
  int port = 0;      ///< 0: the client library's default (3306)
  std::string user;
  std::optional<std::string> password;  ///< never print it
  std::string database;
  std::string unix_socket;  ///< a socket path instead of TCP
  std::string charset = "utf8mb4";
  unsigned connect_timeout_seconds = 10;
  /// Seconds to wait for each answer; 0 waits as long as the server takes (a real ALTER can
  /// take hours). Not a URL parameter: the driver sets it for its own lock sessions.
  unsigned read_timeout_seconds = 0;
  /// TCP even to "localhost", as PyMySQL connects (libmariadb would take the default socket).
  bool force_tcp = false;
  /// How long statements may run and wait for locks (none by default).
  SessionLimits limits;

  /// "user@host:port/database" or "user@localhost/database via socket /path", for messages.
  std::string describe() const;
};

/// The settings in `url`: user, password (also `?password=` or `?passwd=`, as PyMySQL takes
/// it), host, port, database, and the query parameters charset, unix_socket and
/// connect_timeout. Throws sdm::Error for an unusable parameter.
MysqlConnectOptions connect_options(const Url& url);

}  // namespace sdm::mysql
