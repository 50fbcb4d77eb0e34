// Several PostgreSQL servers in one URL, as SQLAlchemy lists them, become libpq's comma lists.
#include <doctest/doctest.h>

#include <string>

#include "config/database_url.hpp"
#include "postgresql/connection_options.hpp"
#include "postgresql/host_list.hpp"
#include "sdm/error.hpp"

namespace {

using namespace sdm;
using namespace sdm::postgresql;

ConnectionOptions options_for(const std::string& url) {
  return connection_options(config::parse_database_url(url));
}

std::string refusal(const std::string& url) {
  try {
    options_for(url);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

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
