// The driver conformance suite: every driver plugin passes the same tests. CONFORMANCE_TEST
// defines one body and registers it once per backend in kConformanceBackends.
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

#define SDM_CONFORMANCE_CONCAT_(a, b) a##b
#define SDM_CONFORMANCE_CONCAT(a, b) SDM_CONFORMANCE_CONCAT_(a, b)

/// Defines a conformance test body `void(sdm::test::DriverUnderTest& db)` for every backend.
#define CONFORMANCE_TEST(NAME) \
  CONFORMANCE_TEST_IMPL(NAME, SDM_CONFORMANCE_CONCAT(conformance_body_, __LINE__))

#define CONFORMANCE_TEST_IMPL(NAME, BODY)           \
  static void BODY(sdm::test::DriverUnderTest& db); \
  TEST_CASE("sqlite: " NAME) {                      \
    sdm::test::DriverUnderTest db("sqlite");        \
    BODY(db);                                       \
  }                                                 \
  CONFORMANCE_SERVER_CASES(NAME, BODY)              \
  static void BODY(sdm::test::DriverUnderTest& db)

#ifdef SDM_TEST_POSTGRESQL
#define CONFORMANCE_POSTGRESQL_CASE(NAME, BODY)  \
  TEST_CASE("postgresql: " NAME) {               \
    sdm::test::DriverUnderTest db("postgresql"); \
    BODY(db);                                    \
  }
#else
#define CONFORMANCE_POSTGRESQL_CASE(NAME, BODY)
#endif

#ifdef SDM_TEST_MYSQL
#define CONFORMANCE_MYSQL_CASE(NAME, BODY)  \
  TEST_CASE("mysql: " NAME) {               \
    sdm::test::DriverUnderTest db("mysql"); \
    BODY(db);                               \
  }
#else
#define CONFORMANCE_MYSQL_CASE(NAME, BODY)
#endif

/// The server backends whose drivers are built.
#define CONFORMANCE_SERVER_CASES(NAME, BODY) \
  CONFORMANCE_POSTGRESQL_CASE(NAME, BODY)    \
  CONFORMANCE_MYSQL_CASE(NAME, BODY)
