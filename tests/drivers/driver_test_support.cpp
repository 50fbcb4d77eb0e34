#include "drivers/driver_test_support.hpp"

#include "config/database_url.hpp"

namespace sdm::test {

const runtime::LoadedDriver& built_driver(const std::string& backend) {
  static runtime::DriverCatalog drivers(SDM_DRIVER_DIR);
  return drivers.driver_for(backend);
}

std::unique_ptr<runtime::ConnectionHandle> connect_postgresql(const std::string& url) {
  return built_driver("postgresql").connect(config::parse_database_url(url));
}

std::string single_value(runtime::ConnectionHandle& c, const std::string& sql) {
  const auto rows = c.query(sql);
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].size() == 1);
  return rows[0][0].value_or("NULL");
}

DriverUnderTest::DriverUnderTest(const std::string& backend)
    : database_(backend), url_(config::parse_database_url(database_.url())) {
  driver_ = &built_driver(url_.scheme);
}

}  // namespace sdm::test
