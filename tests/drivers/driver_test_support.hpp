// What the tests of one driver's own behaviour share: a scratch database on its backend and the
// driver that serves it, loaded as the host loads it. (What every driver must do is the
// conformance program's, see conformance_program_test.cpp.)
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "runtime/connection_handle.hpp"
#include "runtime/driver_catalog.hpp"
#include "sdm/url.hpp"
#include "support/test_databases.hpp"

namespace sdm::test {

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
