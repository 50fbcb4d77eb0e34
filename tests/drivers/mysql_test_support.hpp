// Helpers of the MySQL driver tests: URLs for a scratch database and the driver's own words.
#pragma once

#include <string>

#include "drivers/driver_test_support.hpp"
#include "sdm/url.hpp"

namespace sdm::test {

/// The scratch database's URL with `password` instead of its own and `query` appended
/// ("charset=latin1&connect_timeout=2"; empty for none).
Url mysql_url(const ScratchDatabase& database, const std::string& password,
              const std::string& query = "");

/// What the MySQL plugin itself reports when it cannot connect to `url` (before the host's own
/// scrubbing of secrets), or "" when it connects.
std::string mysql_plugin_connect_error(const Url& url);

/// The socket of the test server, from SDM_TEST_MYSQL_SOCKET; throws when it is not set.
std::string mysql_test_socket();

}  // namespace sdm::test
