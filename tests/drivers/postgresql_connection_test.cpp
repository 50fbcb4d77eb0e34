// The PostgreSQL driver beyond the shared contract: URLs as sahara.conf writes them (passwords
// with any character, unix sockets), errors that never show the password, values exactly as
// PostgreSQL writes them, statement strings, NOTICEs and transactions that fail.
#ifdef SDM_TEST_POSTGRESQL

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "common/errors.hpp"
#include "config/database_url.hpp"
#include "drivers/driver_test_support.hpp"
#include "loader/plugin_directory.hpp"
#include "loader/plugin_library.hpp"
#include "runtime/driver_catalog.hpp"
#include "sdm/detail/driver_guard.hpp"
#include "support/test_databases.hpp"

namespace {

using sdm::test::connect_postgresql;
using sdm::test::ScratchDatabase;
using sdm::test::url_encode;

// A password with every character a connection string, libpq's quoting or a URL could stumble
// over.
const std::string kAwkwardPassword = "p w;@%='\\x";

/// The plugin's own connect error, before the host scrubs anything out of it.
std::string raw_connect_error(const std::string& url) {
  static sdm::abi::Driver* driver = [] {
    for (const auto& file :
         sdm::loader::scan_plugin_directory(SDM_DRIVER_DIR, sdm::PluginKind::Driver).plugins) {
      if (file.metadata.drivers.front().name != "postgresql") continue;
      std::string error;
      return sdm::loader::load_plugin(file).driver->create(error);
    }
    return static_cast<sdm::abi::Driver*>(nullptr);
  }();
  REQUIRE(driver != nullptr);
  std::string error;
  std::unique_ptr<sdm::abi::Connection> connection(
      driver->connect(sdm::config::parse_database_url(url), {}, error));
  CHECK(connection == nullptr);
  return error;
}

std::string cell(const sdm::Rows& rows, std::size_t row = 0, std::size_t column = 0) {
  REQUIRE(rows.size() > row);
  REQUIRE(rows[row].size() > column);
  return rows[row][column].value_or("NULL");
}

/// "postgresql://user:password@host:port/name" with another password.
std::string with_password(const ScratchDatabase& db, const std::string& password) {
  const sdm::Url url = sdm::config::parse_database_url(db.url());
  return "postgresql://" + db.user() + ":" + url_encode(password) + "@" + url.host + ":" +
         std::to_string(url.port) + "/" + db.name();
}

/// Whatever the code writes to file descriptor 2 while `body` runs.
template <class Body>
std::string stderr_of(Body&& body) {
  std::fflush(stderr);
  FILE* capture = std::tmpfile();
  REQUIRE(capture != nullptr);
  const int saved = ::dup(2);
  ::dup2(::fileno(capture), 2);
  body();
  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  std::string text;
  std::rewind(capture);
  for (int c = std::fgetc(capture); c != EOF; c = std::fgetc(capture))
    text += static_cast<char>(c);
  std::fclose(capture);
  return text;
}

}  // namespace

TEST_CASE("postgresql: a password with spaces, ';', '@', '%', '=', quote and backslash works") {
  ScratchDatabase db("postgresql", kAwkwardPassword);
  // The URL holds the password percent-encoded, as sahara.conf must.
  CHECK(db.url().find(url_encode(kAwkwardPassword)) != std::string::npos);
  auto c = connect_postgresql(db.url());
  CHECK(cell(c->query("SELECT current_user")) == db.user());
  CHECK(cell(c->query("SELECT current_database()")) == db.name());
  // PGPASSWORD does not override the URL's password.
  ::setenv("PGPASSWORD", "not the password", 1);
  std::unique_ptr<sdm::runtime::ConnectionHandle> again;
  CHECK_NOTHROW(again = connect_postgresql(db.url()));
  ::unsetenv("PGPASSWORD");
  CHECK(cell(again->query("SELECT 1")) == "1");
}

TEST_CASE("postgresql: an empty password in the URL is sent empty, never PGPASSWORD") {
  ScratchDatabase db("postgresql", kAwkwardPassword);
  // psycopg2 passes password='' too: libpq then looks only in the password file.
  ::setenv("PGPASSWORD", kAwkwardPassword.c_str(), 1);
  ::setenv("PGPASSFILE", "/dev/null", 1);
  const std::string error = raw_connect_error(with_password(db, ""));
  CAPTURE(error);
  CHECK(error.find("no password supplied") != std::string::npos);

  // A password file entry for this database alone: found only when the database asked for is
  // the URL's.
  std::string escaped;
  for (char c : kAwkwardPassword) {
    if (c == ':' || c == '\\') escaped += '\\';
    escaped += c;
  }
  char passfile[] = "/tmp/sdm-pgpass.XXXXXX";
  const int fd = ::mkstemp(passfile);
  REQUIRE(fd >= 0);
  const std::string entry = "*:*:" + db.name() + ":*:" + escaped + "\n";
  REQUIRE(::write(fd, entry.data(), entry.size()) == static_cast<ssize_t>(entry.size()));
  ::close(fd);
  ::setenv("PGPASSFILE", passfile, 1);
  std::unique_ptr<sdm::runtime::ConnectionHandle> c;
  CHECK_NOTHROW(c = connect_postgresql(with_password(db, "")));
  ::unsetenv("PGPASSWORD");
  ::unsetenv("PGPASSFILE");
  ::unlink(passfile);
  REQUIRE(c != nullptr);
  CHECK(cell(c->query("SELECT current_database()")) == db.name());
}

TEST_CASE("postgresql: the lock session gets the same awkward password") {
  ScratchDatabase db("postgresql", kAwkwardPassword);
  auto c = connect_postgresql(db.url());
  CHECK(c->try_lock("sahara-db-manage:alembic_version"));
  c->unlock("sahara-db-manage:alembic_version");
}

TEST_CASE("postgresql: a wrong password fails without showing the password") {
  ScratchDatabase db("postgresql", kAwkwardPassword);
  const std::string wrong = "wr0ng p;w@%='\\d";
  const std::string error = raw_connect_error(with_password(db, wrong));
  CAPTURE(error);
  CHECK(error.find("password authentication failed") != std::string::npos);
  CHECK(error.find(db.user()) != std::string::npos);
  CHECK(error.find(wrong) == std::string::npos);
  CHECK(error.find(url_encode(wrong)) == std::string::npos);
  CHECK(error.find(kAwkwardPassword) == std::string::npos);
  CHECK(error.find('\n') == std::string::npos);
  // Through the host, the message says what failed.
  CHECK_THROWS_WITH_AS(connect_postgresql(with_password(db, wrong)),
                       doctest::Contains("cannot connect to postgresql database: "),
                       sdm::DatabaseError);
}

TEST_CASE("postgresql: a refused connection names the server, not the password") {
  const std::string error =
      raw_connect_error("postgresql://someone:" + url_encode(kAwkwardPassword) +
                        "@127.0.0.1:1/nowhere?connect_timeout=3");
  CAPTURE(error);
  CHECK(error.find("127.0.0.1") != std::string::npos);
  CHECK(error.find("refused") != std::string::npos);
  CHECK(error.find(kAwkwardPassword) == std::string::npos);
  CHECK(error.find('\n') == std::string::npos);
}

TEST_CASE("postgresql: ?host= names a unix socket directory, as psycopg2 reads it") {
  const char* socket_dir = std::getenv("SDM_TEST_PG_SOCKET_DIR");
  REQUIRE_MESSAGE(socket_dir != nullptr,
                  "SDM_TEST_PG_SOCKET_DIR is not set; run through tests/run-tests.sh");
  ScratchDatabase db("postgresql");
  const sdm::Url tcp = sdm::config::parse_database_url(db.url());
  auto c = connect_postgresql(
      "postgresql+psycopg2://" + db.user() + ":" + url_encode(db.password()) + "@/" + db.name() +
      "?host=" + url_encode(socket_dir) + "&port=" + std::to_string(tcp.port));
  // No server address: the session came over the socket.
  CHECK(cell(c->query("SELECT inet_server_addr()")) == "NULL");
  CHECK(cell(c->query("SELECT current_database()")) == db.name());
}

TEST_CASE("postgresql: libpq parameters in the URL reach libpq") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url() +
                              "?sslmode=disable&application_name=ops-console&connect_timeout=5");
  CHECK(cell(c->query("SELECT current_setting('application_name')")) == "ops-console");
  CHECK_THROWS_WITH_AS(connect_postgresql(db.url() + "?no_such_option=1"),
                       doctest::Contains("no_such_option"), sdm::DatabaseError);
}

TEST_CASE("postgresql: a parameter value with spaces reaches the server as it is") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url() + "?options=" + url_encode("-c work_mem=5MB -c geqo=off") +
                              "&application_name=" + url_encode("ops console 'east'"));
  CHECK(cell(c->query("SHOW work_mem")) == "5MB");
  CHECK(cell(c->query("SHOW geqo")) == "off");
  CHECK(cell(c->query("SELECT current_setting('application_name')")) == "ops console 'east'");
  // The lock session opens with the same parameters.
  CHECK(c->try_lock("sahara-db-manage:alembic_version"));
  c->unlock("sahara-db-manage:alembic_version");
}

TEST_CASE("postgresql: sessions call themselves sahara-db-manage and speak UTF-8") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  CHECK(cell(c->query("SELECT current_setting('application_name')")) == "sahara-db-manage");
  CHECK(cell(c->query("SHOW client_encoding")) == "UTF8");
  CHECK(cell(c->query("SELECT 'grüße ✓'")) == "grüße ✓");
}

TEST_CASE("postgresql: values come back as PostgreSQL writes them") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  const auto rows = c->query(
      "SELECT 0.1::numeric(30, 20), TIMESTAMP '2020-01-02 03:04:05.123456', true, false, "
      "'\\x01ff'::bytea, 1.5::float8, 12345678901234::bigint, 'a'::char(3), NULL::text, ''");
  REQUIRE(rows.size() == 1);
  CHECK(cell(rows, 0, 0) == "0.10000000000000000000");
  CHECK(cell(rows, 0, 1) == "2020-01-02 03:04:05.123456");
  CHECK(cell(rows, 0, 2) == "t");
  CHECK(cell(rows, 0, 3) == "f");
  CHECK(cell(rows, 0, 4) == "\\x01ff");
  CHECK(cell(rows, 0, 5) == "1.5");
  CHECK(cell(rows, 0, 6) == "12345678901234");
  CHECK(cell(rows, 0, 7) == "a  ");
  CHECK_FALSE(rows[0][8].has_value());
  REQUIRE(rows[0][9].has_value());
  CHECK(rows[0][9]->empty());
}

TEST_CASE("postgresql: a string of several statements runs them all and counts their rows") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  CHECK(c->execute("CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1), (2), (3); "
                   "UPDATE a SET x = x + 10 WHERE x > 1") == 5);
  CHECK(cell(c->query("SELECT sum(x) FROM a")) == "26");
  // One statement with semicolons inside its body goes through Poco's prepared statement.
  CHECK(c->execute("DO $$ BEGIN INSERT INTO a VALUES (4); INSERT INTO a VALUES (5); END $$") == 0);
  CHECK(c->execute("INSERT INTO a VALUES (length('6;7') + 3)") == 1);
  CHECK(cell(c->query("SELECT count(*) FROM a")) == "6");
  CHECK(c->execute("  -- nothing to do\n") == 0);
  // The first failure of a script is the error; nothing of it stays outside a transaction.
  CHECK_THROWS_WITH_AS(c->execute("INSERT INTO a VALUES (7); INSERT INTO missing VALUES (1)"),
                       doctest::Contains("relation \"missing\" does not exist"),
                       sdm::DatabaseError);
  CHECK(cell(c->query("SELECT count(*) FROM a")) == "6");
}

TEST_CASE("postgresql: statement errors are one line with the server's message and detail") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  c->execute("CREATE TABLE u (id INTEGER PRIMARY KEY)");
  c->execute("INSERT INTO u VALUES (1)");
  try {
    c->execute("INSERT INTO u VALUES (1)");
    FAIL("no error");
  } catch (const sdm::DatabaseError& e) {
    const std::string message = e.what();
    CAPTURE(message);
    CHECK(message.find("duplicate key value violates unique constraint \"u_pkey\"") !=
          std::string::npos);
    CHECK(message.find("(DETAIL: Key (id)=(1) already exists.)") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
  try {
    c->query("SELECT nope FROM u");
    FAIL("no error");
  } catch (const sdm::DatabaseError& e) {
    const std::string message = e.what();
    CAPTURE(message);
    CHECK(message.find("column \"nope\" does not exist") != std::string::npos);
    CHECK(message.find("LINE 1") == std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
}

TEST_CASE("postgresql: NOTICEs never reach stderr") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  const std::string printed = stderr_of([&] {
    c->execute("DROP TABLE IF EXISTS not_there");
    c->execute("DO $$ BEGIN RAISE NOTICE 'hello'; RAISE WARNING 'careful'; END $$");
    c->execute("DROP TABLE IF EXISTS one; DROP TABLE IF EXISTS two");
    c->query("SELECT 1");
    c->try_lock("k");
    c->unlock("k");
  });
  CHECK(printed == "");
}

TEST_CASE(
    "postgresql: committing a transaction whose statement failed is an error, not a rollback "
    "in disguise") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  c->execute("CREATE TABLE t (id INTEGER)");
  c->begin();
  c->execute("INSERT INTO t VALUES (1)");
  CHECK_THROWS_AS(c->execute("INSERT INTO missing VALUES (1)"), sdm::DatabaseError);
  CHECK_THROWS_WITH_AS(c->commit(), doctest::Contains("rolled back"), sdm::DatabaseError);
  CHECK(cell(c->query("SELECT count(*) FROM t")) == "0");
  // The session is usable again, transactions included.
  c->begin();
  c->execute("INSERT INTO t VALUES (2)");
  c->commit();
  CHECK(cell(c->query("SELECT count(*) FROM t")) == "1");
}

TEST_CASE("postgresql: a COMMIT the server refuses leaves the session usable") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  c->execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
  c->execute(
      "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY "
      "DEFERRED)");
  c->begin();
  c->execute("INSERT INTO child VALUES (42)");
  CHECK_THROWS_WITH_AS(c->commit(), doctest::Contains("violates foreign key constraint"),
                       sdm::DatabaseError);
  CHECK(cell(c->query("SELECT count(*) FROM child")) == "0");
  c->begin();
  c->execute("INSERT INTO parent VALUES (42)");
  c->execute("INSERT INTO child VALUES (42)");
  c->commit();
  CHECK(cell(c->query("SELECT count(*) FROM child")) == "1");
}

TEST_CASE("postgresql: beginning twice is refused") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  c->begin();
  CHECK_THROWS_WITH_AS(c->begin(), doctest::Contains("already open"), sdm::DatabaseError);
  c->rollback();
}

#endif  // SDM_TEST_POSTGRESQL
