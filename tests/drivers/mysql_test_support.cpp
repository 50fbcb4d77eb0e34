#include "drivers/mysql_test_support.hpp"

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "config/database_url.hpp"
#include "loader/plugin_directory.hpp"
#include "loader/plugin_library.hpp"

namespace sdm::test {

Url mysql_url(const ScratchDatabase& database, const std::string& password,
              const std::string& query) {
  Url url =
      config::parse_database_url(query.empty() ? database.url() : database.url() + "?" + query);
  url.password = password;
  url.has_password = true;
  return url;
}

std::string mysql_plugin_connect_error(const Url& url) {
  const auto scan = loader::scan_plugin_directory(SDM_DRIVER_DIR, PluginKind::Driver);
  for (const auto& file : scan.plugins) {
    if (file.metadata.drivers.front().name != "mysql") continue;
    const PluginDescriptor& descriptor = loader::load_plugin(file);
    std::string error;
    std::unique_ptr<abi::Driver> driver(descriptor.driver->create(error));
    if (!driver) throw std::runtime_error("the mysql driver could not be created: " + error);
    std::unique_ptr<abi::Connection> connection(driver->connect(url, {}, error));
    return connection ? "" : error;
  }
  throw std::runtime_error(std::string("no mysql driver in ") + SDM_DRIVER_DIR);
}

std::string mysql_test_socket() {
  const char* socket = std::getenv("SDM_TEST_MYSQL_SOCKET");
  if (socket == nullptr || *socket == '\0')
    throw std::runtime_error(
        "SDM_TEST_MYSQL_SOCKET is not set: this test needs the MariaDB server's socket; run it "
        "through tests/run-tests.sh, which starts one");
  return socket;
}

}  // namespace sdm::test
