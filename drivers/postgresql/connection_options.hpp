// A PostgreSQL URL as libpq connection parameters.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sdm/connection.hpp"
#include "sdm/url.hpp"

namespace sdm::postgresql {

/// libpq keyword/value pairs in order, each keyword once.
using ConnectionParameters = std::vector<std::pair<std::string, std::string>>;

/// Seconds to wait for the server when the URL sets no connect_timeout (libpq's is forever).
inline constexpr int kDefaultConnectTimeoutSeconds = 10;
/// What our sessions show as application_name in pg_stat_activity.
inline constexpr const char* kApplicationName = "sahara-db-manage";

/// What a URL says about connecting, with the password kept apart from everything else.
struct ConnectionOptions {
  /// "host", "port", "dbname", "user", the URL's query parameters and our defaults.
  ConnectionParameters parameters;
  /// The password, when the URL gives one; never part of `parameters`.
  std::optional<std::string> password;
  /// How long statements may run and wait for locks, on every session opened (none by
  /// default).
  SessionLimits limits;

  /// The value of a parameter, or nullptr.
  const std::string* parameter(std::string_view keyword) const;
  /// Sets a parameter, replacing an earlier value of the same keyword.
  void set(const std::string& keyword, std::string value);
};

/// Reads a `postgresql[+driver]://` URL as psycopg2 does: user, host (an IPv6 address without
/// its brackets), port and database, then every query parameter handed to libpq as it is
/// (`?host=/socket/dir`, `sslmode`, `target_session_attrs`, ...), overriding the URL's own
/// parts as in SQLAlchemy; `?password=` is the password. Several servers are listed as
/// `?host=h1:p1&host=h2:p2` or `?host=h1,h2&port=p1,p2` (see host_list.hpp). Parts the URL leaves
/// out are left to libpq (PGHOST, the default socket, ...). Adds connect_timeout (10 s),
/// application_name and client_encoding UTF8 unless the URL sets them.
ConnectionOptions connection_options(const Url& url);

/// Longest connect_timeout a URL may ask for, in seconds.
inline constexpr int kMaxConnectTimeoutSeconds = 24 * 3600;

/// Throws sdm::Error, naming the parameter (never a value that may be secret), for options
/// that could only fail once connecting: a connect_timeout that is not 1 to 86400 seconds, a
/// keyword that is no libpq parameter name.
void check_connection_options(const ConnectionOptions& options);

}  // namespace sdm::postgresql
