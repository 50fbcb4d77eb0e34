// BACKEND_TEST defines one end-to-end test body and registers it for SQLite and for every
// server backend whose driver is built.
#pragma once

#include <doctest/doctest.h>

#include <string>

#define SDM_BACKEND_CONCAT_(a, b) a##b
#define SDM_BACKEND_CONCAT(a, b) SDM_BACKEND_CONCAT_(a, b)

#ifdef SDM_TEST_POSTGRESQL
#define SDM_BACKEND_POSTGRESQL_CASE(NAME, BODY) \
  TEST_CASE("postgresql: " NAME) {              \
    BODY("postgresql");                         \
  }
#else
#define SDM_BACKEND_POSTGRESQL_CASE(NAME, BODY)
#endif

#ifdef SDM_TEST_MYSQL
#define SDM_BACKEND_MYSQL_CASE(NAME, BODY) \
  TEST_CASE("mysql: " NAME) {              \
    BODY("mysql");                         \
  }
#else
#define SDM_BACKEND_MYSQL_CASE(NAME, BODY)
#endif

/// Defines a test body `void(const std::string& backend)` run once per backend.
#define BACKEND_TEST(NAME) BACKEND_TEST_IMPL(NAME, SDM_BACKEND_CONCAT(backend_body_, __COUNTER__))

#define BACKEND_TEST_IMPL(NAME, BODY)           \
  static void BODY(const std::string& backend); \
  TEST_CASE("sqlite: " NAME) {                  \
    BODY("sqlite");                             \
  }                                             \
  SDM_BACKEND_POSTGRESQL_CASE(NAME, BODY)       \
  SDM_BACKEND_MYSQL_CASE(NAME, BODY)            \
  static void BODY(const std::string& backend)

/// Server backends only (for what SQLite has no counterpart of).
#define SERVER_TEST(NAME) SERVER_TEST_IMPL(NAME, SDM_BACKEND_CONCAT(server_body_, __COUNTER__))

#define SERVER_TEST_IMPL(NAME, BODY)                             \
  [[maybe_unused]] static void BODY(const std::string& backend); \
  SDM_BACKEND_POSTGRESQL_CASE(NAME, BODY)                        \
  SDM_BACKEND_MYSQL_CASE(NAME, BODY)                             \
  [[maybe_unused]] static void BODY(const std::string& backend)
