// PostgreSQL with a hot standby: a URL at the standby is refused before anything is written,
// a URL listing both servers reaches the primary, and a stopped primary is a clear error.
#include <doctest/doctest.h>

#include "cli/cli_support.hpp"
#include "support/cluster_servers.hpp"
#include "support/test_databases.hpp"

using namespace sdm::test;
using Names = std::vector<std::string>;

namespace {

// Characters a URL, libpq's quoting or a message could stumble over.
const std::string kPassword = "fail over;@%='\\x";

const std::string kStandbyRefusal =
    " is a read-only standby; point the URL at the primary, or list the hosts and set "
    "target_session_attrs=primary";

/// A scratch database on the primary (the standby replays it), and runs of the binary with
/// any URL for it.
struct FailoverTarget {
  FailoverTarget() : db(pair.admin(), kPassword) {}

  /// "postgresql://user:password@" for the database's owner.
  std::string login() const {
    return "postgresql://" + db.user() + ":" + url_encode(kPassword) + "@";
  }
  std::string at(int port) const {
    return login() + "127.0.0.1:" + std::to_string(port) + "/" + db.name();
  }

  /// "127.0.0.1:PORT" of each server.
  std::string primary() const { return "127.0.0.1:" + std::to_string(pair.primary_port()); }
  std::string standby() const { return "127.0.0.1:" + std::to_string(pair.standby_port()); }
  /// A URL listing the standby first, then the primary, with `query` after them.
  std::string both(const std::string& query = "") const {
    return login() + "/" + db.name() + "?host=" + standby() + "&host=" + primary() + query;
  }

  ProcessResult run(const std::string& url, const std::vector<std::string>& command) const {
    const std::string config = box.write("db.conf", "[database]\nconnection = " + url + "\n");
    std::vector<std::string> all = {"--config-file", config, "--revisions-dir",
                                    fixture_dir("linear")};
    all.insert(all.end(), command.begin(), command.end());
    return run_sdm(box, all);
  }

  PostgresStandbyPair pair;
  Sandbox box;
  ScratchDatabase db;
};

/// Restarts the primary at the end of a test that stopped it.
struct PrimaryBack {
  explicit PrimaryBack(const PostgresStandbyPair& pair) : pair_(pair) {}
  ~PrimaryBack() {
    try {
      pair_.start_primary();
    } catch (...) {
    }
  }
  const PostgresStandbyPair& pair_;
};

}  // namespace

TEST_CASE(
    "postgresql failover: a URL at the standby is refused at once, for upgrade, downgrade "
    "and stamp, and nothing is written") {
  FailoverTarget t;
  t.pair.wait_for_standby();
  const std::string standby = t.at(t.pair.standby_port());
  for (const std::vector<std::string>& command :
       {Names{"upgrade", "head"}, Names{"stamp", "head"}, Names{"downgrade", "base"}}) {
    CAPTURE(command.front());
    const ProcessResult refused = t.run(standby, command);
    CHECK(refused.exit_code == 6);
    CHECK_MESSAGE(refused.err.find("FAILED: PostgreSQL server 127.0.0.1:" +
                                   std::to_string(t.pair.standby_port()) + kStandbyRefusal) !=
                      std::string::npos,
                  refused.err);
    CHECK(refused.err.find("Running") == std::string::npos);
    CHECK(refused.err.find(kPassword) == std::string::npos);
    CHECK(refused.err.find(url_encode(kPassword)) == std::string::npos);
  }
  CHECK_FALSE(t.db.has_table("alembic_version"));
}

TEST_CASE("postgresql failover: current reads a standby, warning that it may lag") {
  FailoverTarget t;
  REQUIRE(t.run(t.at(t.pair.primary_port()), {"upgrade", "head"}).exit_code == 0);
  t.pair.wait_for_standby();
  const ProcessResult current = t.run(t.at(t.pair.standby_port()), {"current"});
  CHECK(current.exit_code == 0);
  CHECK(current.out == "3c0000000003 (head)\n");
  CHECK(current.err.find("is a read-only standby; it may lag behind the primary") !=
        std::string::npos);
}

TEST_CASE(
    "postgresql failover: SQLAlchemy's multi-host URL and libpq's lists reach the primary "
    "whichever server comes first") {
  FailoverTarget t;
  // The standby must have replayed the new database first: libpq tries no further host after
  // one that refuses the login, as the standby does for a database it does not have yet.
  t.pair.wait_for_standby();
  // Standby first: without target_session_attrs libpq would stop there.
  const ProcessResult up = t.run(t.both("&target_session_attrs=primary"), {"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  CHECK(t.db.versions() == Names{"3c0000000003"});
  const ProcessResult down =
      t.run(t.login() + "/" + t.db.name() +
                "?host=127.0.0.1,127.0.0.1&port=" + std::to_string(t.pair.standby_port()) + "," +
                std::to_string(t.pair.primary_port()) + "&target_session_attrs=read-write",
            {"downgrade", "1a0000000001"});
  REQUIRE_MESSAGE(down.exit_code == 0, down.err);
  CHECK(t.db.versions() == Names{"1a0000000001"});
  // Listed without target_session_attrs, the standby answers first and is refused.
  const ProcessResult unguarded = t.run(t.both(), {"upgrade", "head"});
  CHECK(unguarded.exit_code == 6);
  CHECK(unguarded.err.find(kStandbyRefusal) != std::string::npos);
  CHECK(t.db.versions() == Names{"1a0000000001"});
}

TEST_CASE(
    "postgresql failover: with the primary stopped, the error says no listed server is a "
    "primary, and why each was passed over") {
  FailoverTarget t;
  t.pair.wait_for_standby();
  PrimaryBack restart(t.pair);
  t.pair.stop_primary();
  const ProcessResult failed = t.run(t.both("&target_session_attrs=primary"), {"upgrade", "head"});
  CHECK(failed.exit_code == 6);
  CHECK_MESSAGE(failed.err.find("none of the listed PostgreSQL servers (" + t.standby() + ", " +
                                t.primary() + ") is a primary: ") != std::string::npos,
                failed.err);
  CHECK(failed.err.find("port " + std::to_string(t.pair.standby_port()) +
                        " failed: server is in hot standby mode; connection to server at") !=
        std::string::npos);
  CHECK(failed.err.find("start or promote the primary") != std::string::npos);
  CHECK(failed.err.find(kPassword) == std::string::npos);
  CHECK(failed.err.find(url_encode(kPassword)) == std::string::npos);
  // The primary alone, stopped: libpq's own words.
  const ProcessResult alone = t.run(t.at(t.pair.primary_port()), {"upgrade", "head"});
  CHECK(alone.exit_code == 6);
  CHECK(alone.err.find("Connection refused") != std::string::npos);
}

TEST_CASE(
    "postgresql failover: a login refused by the first listed server says the others were not "
    "tried") {
  FailoverTarget t;
  t.pair.wait_for_standby();
  // No server has this database: the standby, listed first, refuses the login and libpq
  // stops there without asking the primary.
  const ProcessResult failed = t.run(t.login() + "/no_such_database?host=" + t.standby() +
                                         "&host=" + t.primary() + "&target_session_attrs=primary",
                                     {"upgrade", "head"});
  CHECK(failed.exit_code == 6);
  CHECK_MESSAGE(failed.err.find("libpq stopped after 1 of the 2 listed PostgreSQL servers (" +
                                t.standby() + ", " + t.primary() +
                                "), since it tries no further server after one refuses the "
                                "login: connection to server at") != std::string::npos,
                failed.err);
  CHECK(failed.err.find("\"no_such_database\" does not exist") != std::string::npos);
  CHECK(failed.err.find("is a primary") == std::string::npos);
  CHECK(failed.err.find(kPassword) == std::string::npos);
  CHECK(failed.err.find(url_encode(kPassword)) == std::string::npos);
}

TEST_CASE(
    "postgresql failover: a server that accepts only read-only transactions is refused before "
    "anything is written") {
  FailoverTarget t;
  t.db.sql("ALTER DATABASE " + t.db.name() + " SET default_transaction_read_only = on;\n");
  const ProcessResult refused = t.run(t.at(t.pair.primary_port()), {"upgrade", "head"});
  CHECK(refused.exit_code == 6);
  CHECK_MESSAGE(refused.err.find("FAILED: PostgreSQL server " + t.primary() +
                                 " accepts only read-only transactions "
                                 "(default_transaction_read_only is on); point the URL at a "
                                 "server that accepts writes") != std::string::npos,
                refused.err);
  CHECK_FALSE(t.db.has_table("alembic_version"));
  // Reading is fine.
  CHECK(t.run(t.at(t.pair.primary_port()), {"current"}).exit_code == 0);
}
