// How the MySQL driver turns sahara.conf URLs into sessions: any password, the socket, the
// character set, the connect timeout, and errors that never show the password.
#ifdef SDM_TEST_MYSQL

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "common/errors.hpp"
#include "config/database_url.hpp"
#include "drivers/driver_test_support.hpp"
#include "drivers/mysql_test_support.hpp"
#include "runtime/driver_catalog.hpp"

namespace {

using sdm::test::mysql_url;
using sdm::test::ScratchDatabase;
using sdm::test::single_value;

// Every character Poco's "key=value;..." connection string cannot carry, and more.
const std::string kHardPassword = "p w;@%='\\x";

const sdm::runtime::LoadedDriver& mysql_driver() {
  static sdm::runtime::DriverCatalog catalog(SDM_DRIVER_DIR);
  return catalog.driver_for("mysql");
}

/// How the server sees this session's client: "localhost" over the socket, "ip:port" on TCP.
std::string client_host(sdm::runtime::ConnectionHandle& c) {
  return single_value(c,
                      "SELECT HOST FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()");
}

std::string connect_error(const sdm::Url& url) {
  try {
    mysql_driver().connect(url);
  } catch (const sdm::DatabaseError& e) {
    return e.what();
  }
  FAIL("connected");
  return {};
}

/// A TCP port that accepts connections but never answers: a server that hangs.
class SilentServer {
 public:
  SilentServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), length) == 0);
    REQUIRE(::listen(fd_, 4) == 0);
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port_ = ntohs(address.sin_port);
  }
  ~SilentServer() { ::close(fd_); }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

double seconds_to_fail(const std::string& url) {
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(mysql_driver().connect(sdm::config::parse_database_url(url)), sdm::DatabaseError);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("mysql: a password with spaces, semicolons, @, %, =, quotes and backslashes works") {
  ScratchDatabase database("mysql", kHardPassword);
  // The URL carries it percent-encoded, as sahara.conf must.
  CHECK(database.url().find("p%20w%3B%40%25%3D%27%5Cx@") != std::string::npos);
  const sdm::Url url = sdm::config::parse_database_url(database.url());
  REQUIRE(url.password == kHardPassword);
  auto c = mysql_driver().connect(url);
  CHECK(single_value(*c, "SELECT CURRENT_USER()") == database.user() + "@%");
  CHECK(single_value(*c, "SELECT DATABASE()") == database.name());
}

TEST_CASE("mysql: a wrong password fails with the server's reason and never the password") {
  ScratchDatabase database("mysql", kHardPassword);
  const std::string wrong = "p w;@%='\\y";
  const sdm::Url url = mysql_url(database, wrong);
  // The plugin's own message, before the host scrubs anything.
  const std::string plugin_error = sdm::test::mysql_plugin_connect_error(url);
  CHECK(plugin_error.find("Access denied for user '" + database.user() + "'") != std::string::npos);
  CHECK(plugin_error.find("error 1045") != std::string::npos);
  CHECK(plugin_error.find(database.name()) != std::string::npos);
  // And what the operator sees.
  const std::string error = connect_error(url);
  CHECK(error.find("Access denied") != std::string::npos);
  for (const std::string& secret :
       {wrong, kHardPassword, sdm::test::url_encode(wrong), sdm::test::url_encode(kHardPassword)}) {
    CAPTURE(secret);
    CHECK(plugin_error.find(secret) == std::string::npos);
    CHECK(error.find(secret) == std::string::npos);
  }
}

TEST_CASE("mysql: an unreachable server is named in the error, the password is not") {
  int port = 0;
  {
    SilentServer released;  // a port that was free a moment ago; nothing listens once it closes
    port = released.port();
  }
  const std::string url = "mysql://sahara:" + sdm::test::url_encode(kHardPassword) +
                          "@127.0.0.1:" + std::to_string(port) + "/sahara";
  const std::string error =
      sdm::test::mysql_plugin_connect_error(sdm::config::parse_database_url(url));
  CHECK(error.find("sahara@127.0.0.1:" + std::to_string(port) + "/sahara") != std::string::npos);
  CHECK(error.find("error 2002") != std::string::npos);
  CHECK(error.find(kHardPassword) == std::string::npos);
}

TEST_CASE("mysql: unix_socket connects through the socket, whatever host and port say") {
  ScratchDatabase database("mysql");
  const std::string url = "mysql+pymysql://" + database.user() + ":" +
                          sdm::test::url_encode(database.password()) + "@127.0.0.1:1/" +
                          database.name() +
                          "?unix_socket=" + sdm::test::url_encode(sdm::test::mysql_test_socket());
  auto c = mysql_driver().connect(sdm::config::parse_database_url(url));
  CHECK(client_host(*c) == "localhost");
  // Over TCP the server sees an address and port.
  auto tcp = mysql_driver().connect(sdm::config::parse_database_url(database.url()));
  CHECK(client_host(*tcp).rfind("127.0.0.1:", 0) == 0);
}

TEST_CASE("mysql: mysql+pymysql to localhost goes over TCP, as PyMySQL does") {
  ScratchDatabase database("mysql");
  const sdm::Url test_url = sdm::config::parse_database_url(database.url());
  const std::string url = "mysql+pymysql://" + database.user() + ":" +
                          sdm::test::url_encode(database.password()) +
                          "@localhost:" + std::to_string(test_url.port) + "/" + database.name();
  auto c = mysql_driver().connect(sdm::config::parse_database_url(url));
  CHECK(client_host(*c) != "localhost");
}

TEST_CASE("mysql: sessions speak utf8mb4 unless the URL's charset says otherwise") {
  ScratchDatabase database("mysql");
  auto c = mysql_driver().connect(sdm::config::parse_database_url(database.url()));
  CHECK(single_value(*c, "SELECT @@character_set_client") == "utf8mb4");
  CHECK(single_value(*c, "SELECT @@character_set_results") == "utf8mb4");
  c->execute("CREATE TABLE notes (body VARCHAR(20)) CHARACTER SET utf8mb4");
  const std::string four_bytes = "\xF0\x9F\x98\x80 ok";  // U+1F600, beyond utf8mb3
  c->execute("INSERT INTO notes (body) VALUES ('" + four_bytes + "')");
  CHECK(single_value(*c, "SELECT body FROM notes") == four_bytes);
  CHECK(single_value(*c, "SELECT CHAR_LENGTH(body) FROM notes") == "4");

  auto latin1 = mysql_driver().connect(mysql_url(database, database.password(), "charset=latin1"));
  CHECK(single_value(*latin1, "SELECT @@character_set_client") == "latin1");
  auto utf8 = mysql_driver().connect(mysql_url(database, database.password(), "charset=utf8"));
  CHECK(single_value(*utf8, "SELECT @@character_set_client").rfind("utf8", 0) == 0);
}

TEST_CASE("mysql: connect_timeout bounds the wait for a server that never answers") {
  SilentServer hanging;
  const std::string url =
      "mysql://sahara:pw@127.0.0.1:" + std::to_string(hanging.port()) + "/sahara";
  const double bounded = seconds_to_fail(url + "?connect_timeout=1");
  CHECK(bounded >= 0.9);
  CHECK(bounded < 5);
  // Without the parameter the driver waits 10 s, not the client library's default.
  const double by_default = seconds_to_fail(url);
  CHECK(by_default >= 9.5);
  CHECK(by_default < 15);
}

#endif  // SDM_TEST_MYSQL
