// The PostgreSQL driver's libpq-free parts: a URL as libpq connection parameters (several
// servers in one URL as libpq's host lists), counting statements, the lock key.
#include <doctest/doctest.h>
#include <string>

#include "config/database_url.hpp"
#include "postgresql/advisory_lock_key.hpp"
#include "postgresql/connection_options.hpp"
#include "postgresql/host_list.hpp"
#include "sdm/error.hpp"

namespace {

using namespace sdm;
using namespace sdm::postgresql;

ConnectionOptions options_for(const std::string& url) {
  return connection_options(config::parse_database_url(url));
}

/// What connection_options says when it refuses `url`, or "".
std::string refusal(const std::string& url) {
  try {
    options_for(url);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a URL becomes libpq parameters, the password kept apart") {
  const auto options =
      options_for("postgresql+psycopg2://sahara:s3cret@db.example.org:5433/sahara");
  CHECK(options.parameters == ConnectionParameters{{"host", "db.example.org"},
                                                   {"port", "5433"},
                                                   {"dbname", "sahara"},
                                                   {"user", "sahara"},
                                                   {"connect_timeout", "10"},
                                                   {"application_name", "sahara-db-manage"},
                                                   {"client_encoding", "UTF8"}});
  REQUIRE(options.password.has_value());
  CHECK(*options.password == "s3cret");
}

TEST_CASE("a percent-encoded password arrives decoded, with spaces and quotes intact") {
  const auto options = options_for("postgresql://u:p%20w%3B%40%25%3D%27%5Cx@127.0.0.1:55432/db");
  REQUIRE(options.password.has_value());
  CHECK(*options.password == "p w;@%='\\x");
  CHECK(options.parameter("password") == nullptr);
}

TEST_CASE("parts the URL leaves out are left to libpq") {
  const auto options = options_for("postgresql:///sahara");
  CHECK(options.parameter("host") == nullptr);
  CHECK(options.parameter("port") == nullptr);
  CHECK(options.parameter("user") == nullptr);
  CHECK(*options.parameter("dbname") == "sahara");
  CHECK_FALSE(options.password.has_value());
  // An empty password is still a password the URL gives.
  CHECK(options_for("postgresql://u:@h/db").password == std::optional<std::string>(""));
}

TEST_CASE("an IPv6 host loses its brackets") {
  const auto options = options_for("postgresql://u:p@[::1]:5432/db");
  CHECK(*options.parameter("host") == "::1");
  CHECK(*options.parameter("port") == "5432");
}

TEST_CASE("query parameters reach libpq and override the URL's parts and our defaults") {
  const auto options = options_for(
      "postgresql://u:p@/sahara?host=/var/run/postgresql&sslmode=require&connect_timeout=3"
      "&application_name=ops&target_session_attrs=read-write");
  CHECK(*options.parameter("host") == "/var/run/postgresql");
  CHECK(*options.parameter("sslmode") == "require");
  CHECK(*options.parameter("connect_timeout") == "3");
  CHECK(*options.parameter("application_name") == "ops");
  CHECK(*options.parameter("target_session_attrs") == "read-write");
  CHECK(*options_for("postgresql://u:p@h:1/db?port=2").parameter("port") == "2");
  // Each keyword once, the URL's position kept.
  CHECK(options.parameters.front().first == "dbname");
}

TEST_CASE("a password given as a query parameter is the password, not a parameter") {
  const auto options = options_for("postgresql://u@h/db?password=from%20query");
  CHECK(options.password == std::optional<std::string>("from query"));
  CHECK(options.parameter("password") == nullptr);
}

TEST_CASE("the lock key is FNV-1a of the database name and of the key, as int4") {
  // Published FNV-1a 32-bit values: "" -> 0x811c9dc5, "a" -> 0xe40c292c.
  const AdvisoryLockKey empty = advisory_lock_key("", "a");
  CHECK(as_oid(empty.database) == 0x811c9dc5u);
  CHECK(as_oid(empty.name) == 0xe40c292cu);
  CHECK(empty.database < 0);  // read as int4, as pg_advisory_lock takes it
  const AdvisoryLockKey sahara = advisory_lock_key("sahara", "sahara-db-manage:alembic_version");
  CHECK(sahara.database == advisory_lock_key("sahara", "other").database);
  CHECK(sahara.name != advisory_lock_key("sahara", "other").name);
  CHECK(sahara.database != advisory_lock_key("sahara2", "x").database);
}

TEST_CASE("a URL that could only fail once connecting is refused beforehand, naming no secret") {
  CHECK_NOTHROW(check_connection_options(options_for("postgresql://u:p@h/d?connect_timeout=5")));
  for (const char* timeout : {"-1", "0", "86401", "abc", "99999999999999999999", "1.5"}) {
    CAPTURE(timeout);
    CHECK_THROWS_WITH_AS(check_connection_options(options_for(
                             std::string("postgresql://u:p@h/d?connect_timeout=") + timeout)),
                         ("postgresql URL: connect_timeout=" + std::string(timeout) +
                          " is not a whole number of seconds between 1 and 86400")
                             .c_str(),
                         Error);
  }
  // libpq takes each value whole: spaces, quotes, line breaks in a password.
  CHECK_NOTHROW(check_connection_options(
      options_for("postgresql://u:p%20w%0A'@h/d?options=-c%20a%3D1%20-c%20b%3D2")));
  ConnectionOptions odd_keyword = options_for("postgresql://u:p@h/d");
  odd_keyword.set("bad key", "secret");
  CHECK_THROWS_WITH_AS(check_connection_options(odd_keyword),
                       "postgresql: 'bad key' in the database URL is not a libpq connection "
                       "parameter",
                       Error);
}

TEST_CASE("host=h1:p1&host=h2:p2 lists each server with its port, in order") {
  const auto options = options_for(
      "postgresql+psycopg2://sahara:pw@/sahara?host=db1:5433&host=db2:5434"
      "&target_session_attrs=primary");
  CHECK(*options.parameter("host") == "db1,db2");
  CHECK(*options.parameter("port") == "5433,5434");
  CHECK(*options.parameter("target_session_attrs") == "primary");
  CHECK(*options.parameter("dbname") == "sahara");
}

TEST_CASE("a server listed without a port gets libpq's default, an IPv6 one its brackets off") {
  const auto options = options_for("postgresql://u:p@/db?host=db1&host=[fd00::2]:5434");
  CHECK(*options.parameter("host") == "db1,fd00::2");
  CHECK(*options.parameter("port") == ",5434");
  CHECK(listed_servers("db1,fd00::2", ",5434") ==
        std::vector<std::string>{"db1:5432", "[fd00::2]:5434"});
}

TEST_CASE("libpq's own lists pass as they are, one port for all or one each") {
  auto options = options_for("postgresql://u:p@/db?host=db1,db2&port=5433,5434");
  CHECK(*options.parameter("host") == "db1,db2");
  CHECK(*options.parameter("port") == "5433,5434");
  options = options_for("postgresql://u:p@/db?host=db1,db2&port=6432");
  CHECK(*options.parameter("port") == "6432");
  CHECK(listed_servers("db1,db2", "6432") == std::vector<std::string>{"db1:6432", "db2:6432"});
  // Several hosts without ports: libpq's default port for each, as psycopg2 passes them, even
  // where the URL names a port before the path.
  options = options_for("postgresql://u:p@x:7777/db?host=db1,db2");
  CHECK(*options.parameter("host") == "db1,db2");
  CHECK(*options.parameter("port") == ",");
}

TEST_CASE("one host=h:p is a host and a port, a socket folder stays a host") {
  auto options = options_for("postgresql://u:p@/db?host=db1:5433");
  CHECK(*options.parameter("host") == "db1");
  CHECK(*options.parameter("port") == "5433");
  options = options_for("postgresql://u:p@/db?host=/var/run/postgresql");
  CHECK(*options.parameter("host") == "/var/run/postgresql");
  CHECK(options.parameter("port") == nullptr);
}

TEST_CASE("mixed forms, ports that are no numbers and unequal counts are refused by name") {
  CHECK(refusal("postgresql://u:p@/db?host=db1:5433&host=db2:5434&port=5432")
            .find("a port parameter cannot be mixed with ports given in the host parameters") !=
        std::string::npos);
  CHECK(refusal("postgresql://u:p@/db?host=db1:x&host=db2").find("the port 'x' in the host list") !=
        std::string::npos);
  CHECK(refusal("postgresql://u:p@/db?host=db1,db2,db3&port=1,2").find("3 hosts but 2 ports") !=
        std::string::npos);
  CHECK(refusal("postgresql://u:p@/db?host=fd00::1&host=db2").find("in brackets") !=
        std::string::npos);
  CHECK(refusal("postgresql://u:p@/db?host=db1,,db2").find("an empty host") != std::string::npos);
}

TEST_CASE("the password stays out of the host list's messages") {
  const std::string message = refusal("postgresql://u:s3cr3t@/db?host=db1:x&host=db2");
  REQUIRE_FALSE(message.empty());
  CHECK(message.find("s3cr3t") == std::string::npos);
}
