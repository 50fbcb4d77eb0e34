// SQLAlchemy-form database URLs: parsing, errors that keep the password out, and display.
#include <doctest/doctest.h>

#include "config/database_url.hpp"
#include "sdm/secret.hpp"
#include "unit/config_test_support.hpp"

namespace sdm::config {
namespace {

using test::config_error_of;
using test::contains;
using Query = std::vector<std::pair<std::string, std::string>>;

std::string url_error(const std::string& text) {
  return config_error_of([&] { parse_database_url(text); });
}

TEST_CASE("url: the SQLite forms") {
  sdm::Url relative = parse_database_url("sqlite:///sahara.sqlite");
  CHECK(relative.scheme == "sqlite");
  CHECK(relative.driver == "");
  CHECK(relative.database == "sahara.sqlite");
  CHECK(relative.host == "");
  CHECK(parse_database_url("sqlite:///sub/dir/x.db").database == "sub/dir/x.db");
  CHECK(parse_database_url("sqlite:////var/lib/sahara/sahara.sqlite").database ==
        "/var/lib/sahara/sahara.sqlite");
  CHECK(parse_database_url("sqlite://").database == "");
  CHECK(parse_database_url("sqlite:///:memory:").database == "");
  CHECK(parse_database_url("sqlite:///").database == "");
  sdm::Url with_query = parse_database_url("sqlite+pysqlite:///x.db?mode=ro&uri=true");
  CHECK(with_query.driver == "pysqlite");
  CHECK(with_query.database == "x.db");
  CHECK(with_query.query == Query{{"mode", "ro"}, {"uri", "true"}});
}

TEST_CASE("url: SQLite refuses network parts and too few slashes") {
  for (const char* bad :
       {"sqlite://host/x.db", "sqlite://u:pw@/x.db", "sqlite://:5/x.db", "sqlite://user@/x.db"}) {
    CAPTURE(std::string(bad));
    CHECK(contains(url_error(bad), "a SQLite URL has no user, password, host or port"));
  }
  CHECK(contains(url_error("sqlite:/x.db"), "needs three slashes before a relative path"));
  CHECK(contains(url_error("sqlite:x.db"), "sqlite:////absolute/path/to/file.db"));
}

TEST_CASE("url: a full MySQL URL") {
  sdm::Url url =
      parse_database_url("mysql+pymysql://sahara:pw@db.example.org:3307/sahara?charset=utf8");
  CHECK(url.scheme == "mysql");
  CHECK(url.driver == "pymysql");
  CHECK(url.username == "sahara");
  CHECK(url.password == "pw");
  CHECK(url.has_password);
  CHECK(url.host == "db.example.org");
  CHECK(url.port == 3307);
  CHECK(url.database == "sahara");
  CHECK(url.query == Query{{"charset", "utf8"}});
}

TEST_CASE("url: PostgreSQL with a user and no password, port or database") {
  sdm::Url url = parse_database_url("postgresql://sahara@localhost");
  CHECK(url.username == "sahara");
  CHECK_FALSE(url.has_password);
  CHECK(url.password == "");
  CHECK(url.host == "localhost");
  CHECK(url.port == 0);
  CHECK(url.database == "");
}

TEST_CASE("url: user name and password are percent-decoded") {
  sdm::Url url = parse_database_url("mysql://sa%3Ahara:p%40ss%25w%20rd;=:/?x@h/db");
  CHECK(url.username == "sa:hara");
  CHECK(url.password == "p@ss%w rd;=:/?x");
  CHECK(url.host == "h");
  CHECK(url.database == "db");
  // A '%' without two hex digits stays, '+' is not a space here.
  sdm::Url raw = parse_database_url("mysql://u+1:p%zz%4+x%@h/db");
  CHECK(raw.username == "u+1");
  CHECK(raw.password == "p%zz%4+x%");
}

TEST_CASE("url: an empty password and an empty user name are kept apart from none") {
  sdm::Url empty_password = parse_database_url("mysql://u:@h/db");
  CHECK(empty_password.has_password);
  CHECK(empty_password.password == "");
  sdm::Url only_password = parse_database_url("mysql://:pw@h");
  CHECK(only_password.username == "");
  CHECK(only_password.password == "pw");
}

TEST_CASE("url: without a password the user name runs to the last '@'") {
  sdm::Url url = parse_database_url("mysql://user@corp@h/db");
  CHECK(url.username == "user@corp");
  CHECK(url.host == "h");
}

TEST_CASE("url: the database path is kept as written") {
  CHECK(parse_database_url("mysql://h/d%20b").database == "d%20b");
  CHECK(parse_database_url("postgresql://h/").database == "");
}

TEST_CASE("url: IPv6 hosts in brackets, with and without a port") {
  sdm::Url with_port = parse_database_url("postgresql://u:pw@[2001:db8::1]:5432/sahara");
  CHECK(with_port.host == "2001:db8::1");
  CHECK(with_port.port == 5432);
  CHECK(with_port.database == "sahara");
  sdm::Url bare = parse_database_url("postgresql://[::1]/sahara");
  CHECK(bare.host == "::1");
  CHECK(bare.port == 0);
  CHECK(parse_database_url("postgresql://[fe80::1%25eth0]/db").host == "fe80::1%25eth0");
  CHECK(contains(url_error("postgresql://[::1]x/db"), "unexpected text after the bracketed IPv6"));
  CHECK(contains(url_error("postgresql://[::1/db"), "an IPv6 address is written in brackets"));
}

TEST_CASE("url: socket and driver options stay query parameters") {
  sdm::Url mysql = parse_database_url(
      "mysql+pymysql://sahara:pw@localhost/sahara?unix_socket=/var/run/mysqld/"
      "mysqld.sock&charset=utf8mb4");
  CHECK(mysql.host == "localhost");
  CHECK(mysql.query ==
        Query{{"unix_socket", "/var/run/mysqld/mysqld.sock"}, {"charset", "utf8mb4"}});
  sdm::Url pg = parse_database_url(
      "postgresql+psycopg2://sahara@/sahara?host=/var/run/"
      "postgresql&sslmode=require&connect_timeout=10");
  CHECK(pg.host == "");
  CHECK(pg.database == "sahara");
  CHECK(pg.query ==
        Query{{"host", "/var/run/postgresql"}, {"sslmode", "require"}, {"connect_timeout", "10"}});
  REQUIRE(pg.param("connect_timeout") != nullptr);
  CHECK(*pg.param("connect_timeout") == "10");
  CHECK(parse_database_url("postgresql:///sahara?host=/tmp").param("host") != nullptr);
}

TEST_CASE("url: query parameters are decoded, repeated keys kept in order, blank ones dropped") {
  sdm::Url url = parse_database_url("mysql://h/db?b=2&a=x+y%2Bz&b=1&flag&empty=&=v&&d=%zz");
  CHECK(url.query == Query{{"b", "2"}, {"a", "x y+z"}, {"b", "1"}, {"", "v"}, {"d", "%zz"}});
  CHECK(*url.param("b") == "1");
  CHECK(url.param("flag") == nullptr);
}

TEST_CASE("url: the port must be a number") {
  CHECK(url_error("mysql://h:abc/db") ==
        "database URL: the port after the host is not a number: write host:port with digits "
        "only, e.g. localhost:5432");
  CHECK(contains(url_error("mysql://h:/db"), "the port after the host is not a number"));
  CHECK(contains(url_error("mysql://h:33:06/db"), "the port after the host is not a number"));
  CHECK(contains(url_error("mysql://h:-1/db"), "the port after the host is not a number"));
  CHECK(contains(url_error("mysql://h:65536/db"), "the port is larger than 65535"));
  CHECK(parse_database_url("mysql://h:65535/db").port == 65535);
}

TEST_CASE("url: malformed schemes are errors that say what to write") {
  std::string error = url_error("sahara.sqlite");
  CHECK(contains(error, "not in the form dialect[+driver]://"));
  CHECK(contains(error, "mysql+pymysql://sahara:PASSWORD@localhost/sahara"));
  CHECK(contains(url_error("my-sql://h/db"), "not in the form"));
  CHECK(contains(url_error(" mysql://h/db"), "not in the form"));
  CHECK(contains(url_error("a+b+c://h"), "more than one '+'"));
  CHECK(contains(url_error("+pymysql://h"), "the dialect before '+' is missing"));
  CHECK(contains(url_error("mysql+://h"), "the driver after '+' is missing"));
  CHECK(contains(url_error(""), "not in the form"));
}

TEST_CASE("url: a line break from a continued config value is an error") {
  CHECK(contains(url_error("mysql://h/db\nmore"), "contains a line break"));
  CHECK(contains(url_error("mysql://h/db?x=1\ty"), "control character"));
}

TEST_CASE("url: a NUL byte (%00) in a part a client takes as a C string is refused by name") {
  const std::string why = " holds a NUL byte (%00), which no database client can take";
  CHECK(url_error("mysql://sa%00hara:pw@h/db") == "database URL: the user name" + why);
  CHECK(url_error("postgresql://u:Zq7%00Secret@h/db") == "database URL: the password" + why);
  CHECK(url_error("postgresql://u@h/db?options=-c%00x") ==
        "database URL: the query parameter options" + why);
  CHECK(url_error("postgresql://u@h/db?ssl%00mode=x") ==
        "database URL: the query parameter ssl%00mode" + why);
  CHECK(url_error("mysql://u@h/db?passwd=Zq7%00Secret") ==
        "database URL: the query parameter passwd" + why);
  // Anywhere else %00 is not decoded, and a value without it is taken as it is.
  CHECK(parse_database_url("sqlite:////tmp/a%00b.db").database == "/tmp/a%00b.db");
  CHECK(parse_database_url("postgresql://u:p%20w@h/db").password == "p w");
}

TEST_CASE("url: an unescaped '@' in the password is caught and the fix named") {
  CHECK(url_error("mysql://sahara:p@ss@h/db") ==
        "database URL: the host part contains '@'; a '@' in the user name or password must be "
        "written %40 (and '%' as %25)");
  CHECK(contains(url_error("mysql://sahara:p@ss:word@h/db"), "must be written %40"));
}

TEST_CASE("url: no error message contains the password or a piece of it") {
  const std::string password = "Zq7-Secret";
  for (const std::string& bad : std::vector<std::string>{
           "mysql://sahara:" + password + "@h:port/db",
           "mysql://sahara:" + password + "/db",
           "mysql://sahara:" + password + "@[::1]junk/db",
           "mysql://sahara:" + password + "@h:99999/db",
           "mysql://sahara:Zq7@-Secret@h/db",
           "mysql://sahara:Zq7@-Secret:x@h/db",
           "mysql://sahara:" + password + "@h/db\n",
           "sqlite://sahara:" + password + "@/x.db",
           "a+b+c://sahara:" + password + "@h/db",
           "sahara:" + password + "@h/db",
       }) {
    std::string error = url_error(bad);
    CAPTURE(error);
    CHECK(contains(error, "database URL: "));
    CHECK_FALSE(contains(error, "Zq7"));
    CHECK_FALSE(contains(error, "Secret"));
  }
}

TEST_CASE("url: redacted renders as SQLAlchemy does with the password hidden") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"mysql+pymysql://u:p%40s%25s%20x;=@h:3306/db?charset=utf8&charset=latin1&unix_socket=/tmp/s",
       "mysql+pymysql://u:***@h:3306/db?charset=utf8&charset=latin1&unix_socket=%2Ftmp%2Fs"},
      {"postgresql://u@[::1]:5432/db?host=/var/run/pg&sslmode=require&connect_timeout=10",
       "postgresql://u@[::1]:5432/db?connect_timeout=10&host=%2Fvar%2Frun%2Fpg&sslmode=require"},
      {"postgresql://[fe80::1%25eth0]/db", "postgresql://[fe80::1%25eth0]/db"},
      {"mysql://user@foo@h/db", "mysql://user%40foo@h/db"},
      {"mysql://:pw@h", "mysql://:***@h"},
      {"mysql://h/db?a=1+2%2B&b&c=&d=%zz", "mysql://h/db?a=1+2%2B&d=%25zz"},
      {"mysql://u%3Ax:p%zz@h/d%20b", "mysql://u%3Ax:***@h/d%20b"},
      {"mysql://u:p@h/db?b=2&a=1&b=1", "mysql://u:***@h/db?a=1&b=2&b=1"},
      {"postgresql:///db?host=/tmp", "postgresql:///db?host=%2Ftmp"},
      {"mysql://u:pw@/db", "mysql://u:***@/db"},
      {"mysql://u:p?x@h", "mysql://u:***@h"},
      {"sqlite:////abs/x.db", "sqlite:////abs/x.db"},
      {"sqlite:///rel.db", "sqlite:///rel.db"},
      {"sqlite://", "sqlite://"},
      {"mysql://h/db?q=a%20b~c.d_e-f", "mysql://h/db?q=a+b~c.d_e-f"},
  };
  for (const auto& [input, expected] : cases) {
    const std::string& url = input;
    CAPTURE(url);
    CHECK(redacted(parse_database_url(input)) == expected);
  }
}

TEST_CASE("url: redacted never shows the password") {
  sdm::Url url = parse_database_url("postgresql://sahara:Zq7-Secret@db:5432/sahara");
  CHECK(url.password == "Zq7-Secret");
  CHECK(redacted(url) == "postgresql://sahara:***@db:5432/sahara");
}

TEST_CASE("url: redacted hides the value of every secret parameter") {
  sdm::Url url = parse_database_url(
      "postgresql://u@db/s?password=Pq%2Bw&sslpassword=K3y&sslmode=require&api_token=t0k&x=1");
  CHECK(redacted(url) ==
        "postgresql://u@db/s?api_token=***&password=***&sslmode=require&sslpassword=***&x=1");
  // A parameter only a driver knows to be secret.
  CHECK(redacted(parse_database_url("vendor://h/d?pin=1234&x=1"), {"pin"}) ==
        "vendor://h/d?pin=***&x=1");
}

TEST_CASE("url: a port of 0 or past 65535 is refused") {
  CHECK(url_error("postgresql://u:p@h:0/d") ==
        "database URL: the port is 0: write a port between 1 and 65535, or none");
  CHECK(url_error("postgresql://u:p@h:99999999999999999999/d") ==
        "database URL: the port is larger than 65535");
}

TEST_CASE("secrets: the URL's secrets and every spelling of them are hidden") {
  sdm::Url url = parse_database_url(
      "postgresql://u:p%40ss%20w0rd@db/s?sslpassword=k%2Fey+one&sslmode=require");
  const auto secrets = sdm::secrets_of(url, {"sslpassword"});
  CHECK(secrets == std::vector<std::string>{"p@ss w0rd", "k/ey one"});
  CHECK(sdm::without_secrets("a p@ss w0rd b p%40ss%20w0rd c p%40ss+w0rd d p%40ss%20w0rd",
                             secrets) == "a *** b *** c *** d ***");
  CHECK(sdm::without_secrets("k%2fey%20one k/ey one", secrets) == "*** ***");
  CHECK(sdm::without_secrets("require", secrets) == "require");
}

TEST_CASE("secrets: a short secret is hidden where it stands alone, not inside words") {
  CHECK(sdm::without_secrets("mysql+pymysql://u:p@h, password p.", {"p"}) ==
        "mysql+pymysql://u:***@h, password ***.");
  // A secret that contains another is hidden whole.
  CHECK(sdm::without_secrets("x longsecretvalue y", {"secret", "longsecretvalue"}) == "x *** y");
}

TEST_CASE("secrets: which parameter names hold secrets") {
  for (const char* name : {"password", "sslpassword", "PASSWD", "client_secret", "auth_token"})
    CHECK_MESSAGE(sdm::is_secret_parameter(name, {}), name);
  for (const char* name : {"sslmode", "host", "passfile", "connect_timeout", "charset"})
    CHECK_MESSAGE(!sdm::is_secret_parameter(name, {}), name);
  CHECK(sdm::is_secret_parameter("pin", {"pin"}));
}

}  // namespace
}  // namespace sdm::config
