// SQLAlchemy's ways of listing several PostgreSQL servers in one URL, turned into libpq's
// comma-separated host and port lists (libpq then tries them in turn, and with
// target_session_attrs=primary keeps the first primary).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sdm::postgresql {

/// libpq's host and port parameters for the URL's `host` and `port` query parameters.
struct HostList {
  std::string host;                 ///< "h1,h2" (or one host, or a socket folder)
  std::optional<std::string> port;  ///< "p1,p2" ("" entries: libpq's default); none to keep
};

/// The URL's `?host=` values in order, and its `?port=` value if any, read as SQLAlchemy 2.0
/// reads them: `host=h1:p1&host=h2:p2` (a port per host, `[v6]:port` bracketed), or
/// `host=h1,h2&port=p1,p2` (libpq's comma lists), or one `host=h:p`. Throws sdm::Error naming
/// the mistake (mixed forms, a port that is no number, unequal counts); never a password.
HostList host_list(const std::vector<std::string>& host_values,
                   const std::optional<std::string>& port_value);

/// The servers libpq tries for `host` and `port` parameters ("h1,h2" and "p1,p2", one port for
/// all, or none), as "h1:p1", "h2:p2" ("h:5432" where no port is given).
std::vector<std::string> listed_servers(const std::string& host, const std::string& port);

}  // namespace sdm::postgresql
