// What the tests of one driver's own behaviour share: a scratch database on its backend, the
// built drivers (SDM_DRIVER_DIR) loaded as the host loads them, and a one-value query. (What every
// driver must do is the conformance program's, see conformance_program_test.cpp.)
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "runtime/connection_handle.hpp"
#include "runtime/driver_catalog.hpp"
#include "sdm/url.hpp"
#include "support/test_databases.hpp"

namespace sdm::test {

/// The built driver for `backend` ("postgresql", "mysql", "sqlite"), loaded once per program.
const runtime::LoadedDriver& built_driver(const std::string& backend);

/// A connection to `url` through the built PostgreSQL driver.
std::unique_ptr<runtime::ConnectionHandle> connect_postgresql(const std::string& url);

/// The one value `sql` selects, "NULL" for SQL NULL.
std::string single_value(runtime::ConnectionHandle& c, const std::string& sql);

/// A scratch database on one backend, with the driver that serves it.
class DriverUnderTest {
 public:
  explicit DriverUnderTest(const std::string& backend);

  const runtime::LoadedDriver& driver() const { return *driver_; }
  const DialectTraits& traits() const { return driver_->dialect().traits(); }
  ScratchDatabase& database() { return database_; }
  const Url& url() const { return url_; }
  /// A new session with the scratch database.
  std::unique_ptr<runtime::ConnectionHandle> connect() const { return driver_->connect(url_); }

 private:
  ScratchDatabase database_;
  Url url_;
  const runtime::LoadedDriver* driver_ = nullptr;
};

}  // namespace sdm::test
