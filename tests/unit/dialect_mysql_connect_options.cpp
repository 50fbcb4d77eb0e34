// The MySQL driver's reading of sahara.conf URLs and its run-lock names, without a server.
#include <doctest/doctest.h>

#include <string>

#include "config/database_url.hpp"
#include "mysql/mysql_connect_options.hpp"
#include "mysql/mysql_lock_name.hpp"
#include "sdm/error.hpp"

namespace {

using sdm::mysql::connect_options;
using sdm::mysql::MysqlConnectOptions;

MysqlConnectOptions options_for(const std::string& url) {
  return connect_options(sdm::config::parse_database_url(url));
}

}  // namespace

TEST_CASE("a mysql+pymysql URL: every part, the password exactly as decoded") {
  const auto options = options_for(
      "mysql+pymysql://sahara:p%20w%3B%40%25%3D%27%5Cx@db.example:3307/sahara"
      "?charset=utf8&connect_timeout=5");
  CHECK(options.host == "db.example");
  CHECK(options.port == 3307);
  CHECK(options.user == "sahara");
  REQUIRE(options.password.has_value());
  CHECK(*options.password == "p w;@%='\\x");
  CHECK(options.database == "sahara");
  CHECK(options.charset == "utf8");
  CHECK(options.connect_timeout_seconds == 5);
  CHECK(options.unix_socket.empty());
  // PyMySQL connects over TCP even to localhost.
  CHECK(options.force_tcp);
  CHECK(options.describe() == "sahara@db.example:3307/sahara");
}

TEST_CASE("a mysql URL without parameters: utf8mb4, 10 s, the client's default transport") {
  const auto options = options_for("mysql://sahara:secret@localhost/sahara");
  CHECK(options.charset == "utf8mb4");
  CHECK(options.connect_timeout_seconds == 10);
  CHECK_FALSE(options.force_tcp);
  CHECK(options.port == 0);
  CHECK(options.describe() == "sahara@localhost/sahara");
  CHECK(options_for("mysql+mysqldb://sahara@localhost/sahara").force_tcp == false);
}

TEST_CASE("a password is absent, empty or given") {
  CHECK_FALSE(options_for("mysql://sahara@h/db").password.has_value());
  CHECK(options_for("mysql://sahara:@h/db").password == std::string());
  CHECK(options_for("mysql://sahara:a%3Bb@h/db").password == std::string("a;b"));
}

TEST_CASE("unix_socket picks the socket over TCP") {
  const auto options =
      options_for("mysql+pymysql://sahara:pw@127.0.0.1:3306/sahara?unix_socket=/run/my%20sql.sock");
  CHECK(options.unix_socket == "/run/my sql.sock");
  CHECK_FALSE(options.force_tcp);
  CHECK(options.describe() == "sahara@localhost/sahara via socket /run/my sql.sock");
}

TEST_CASE("connect_timeout must be a whole number of seconds") {
  CHECK(options_for("mysql://u:p@h/db?connect_timeout=86400").connect_timeout_seconds == 86400);
  for (const char* bad : {"0", "-1", "1.5", "abc", "86401", "99999999999"}) {
    CAPTURE(bad);
    CHECK_THROWS_WITH_AS(options_for(std::string("mysql://u:p@h/db?connect_timeout=") + bad),
                         doctest::Contains("connect_timeout"), sdm::Error);
  }
}

TEST_CASE("the run lock is named after the key and the database, within 64 characters") {
  using sdm::mysql::kMaxLockNameLength;
  using sdm::mysql::run_lock_name;
  CHECK(run_lock_name("sahara-db-manage:alembic_version", "sahara") ==
        "sahara-db-manage:alembic_version@sahara");
  // Exactly 64 characters stay readable.
  const std::string fits(64 - std::string("k@").size(), 'd');
  CHECK(run_lock_name("k", fits) == "k@" + fits);
  // Longer names keep a readable start and a hash of the whole name.
  const std::string long_db(80, 'd');
  const std::string name = run_lock_name("sahara-db-manage:alembic_version", long_db);
  CHECK(name.size() == kMaxLockNameLength);
  CHECK(name.rfind("sahara-db-manage:alembic_version@ddd", 0) == 0);
  CHECK(name[kMaxLockNameLength - 17] == '#');
  CHECK(name == run_lock_name("sahara-db-manage:alembic_version", long_db));
  CHECK(name != run_lock_name("sahara-db-manage:alembic_version", long_db + "e"));
  CHECK(run_lock_name("sahara-db-manage:alembic_version", "a") !=
        run_lock_name("sahara-db-manage:alembic_version", "b"));
}
