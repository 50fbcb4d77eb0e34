#include "drivers/driver_test_support.hpp"

#include "config/database_url.hpp"

namespace sdm::test {
namespace {

runtime::DriverCatalog& catalog() {
  static runtime::DriverCatalog drivers(SDM_DRIVER_DIR);
  return drivers;
}

}  // namespace

DriverUnderTest::DriverUnderTest(const std::string& backend)
    : database_(backend), url_(config::parse_database_url(database_.url())) {
  driver_ = &catalog().driver_for(url_.scheme);
}

}  // namespace sdm::test
