// A server that stops answering mid-run (SIGSTOP, as a hung host or a stalled VM would): with
// --statement-timeout the run fails within a few seconds instead of waiting forever.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "cli/backend_target.hpp"
#include "support/private_server.hpp"
#include "support/stopwatch.hpp"

using namespace sdm::test;
using Clock = std::chrono::steady_clock;

namespace {

/// Waits until the slow revision's sleep runs on the server: on a loaded machine starting the
/// binary and reaching that statement can take seconds.
void wait_for_sleep(const Target& t, const std::string& backend) {
  const std::string running =
      backend == "postgresql"
          ? "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(3)%';\n"
          : "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE "
            "'SELECT SLEEP(3)%';\n";
  for (int i = 0; i < 600; ++i) {
    if (t.db.sql(running) != "0\n") return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  FAIL("the slow revision's statement never started");
}

void frozen_mid_run(const std::string& backend) {
  PrivateServer server(backend);
  Target t(server.admin());
  ChildProcess run(binary_path(),
                   t.command("slow", {"upgrade", "head", "--statement-timeout", "2"}), t.box.dir(),
                   {{"HOME", t.box.dir()}});
  wait_for_sleep(t, backend);
  server.freeze();
  const auto frozen_at = Clock::now();
  ProcessResult r = run.wait();
  const double waited = seconds_since(frozen_at);
  server.thaw();
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("the server did not answer within 4 s (the statement timeout and a grace "
                   "period): it may be stopped or overloaded") != std::string::npos);
  // Two seconds of statement timeout and two of grace, counted from the statement's start.
  CHECK_MESSAGE(waited < 8.0, "the run took " << waited << " s to fail after the freeze");
}

void frozen_before_connect(const std::string& backend) {
  PrivateServer server(backend);
  Target t(server.admin());
  t.box.write("db.conf", "[database]\nconnection = " + t.db.url() +
                             (t.db.url().find('?') == std::string::npos ? "?" : "&") +
                             "connect_timeout=2\n");
  server.freeze();
  const auto start = Clock::now();
  ProcessResult r = t.run("linear", {"upgrade", "head", "--statement-timeout", "2"});
  const double waited = seconds_since(start);
  server.thaw();
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("FAILED: cannot connect to ") == 0);
  CHECK_MESSAGE(waited < 8.0, "the connection attempt took " << waited << " s to fail");
  CHECK(t.db.versions().empty());
}

}  // namespace

TEST_CASE("mysql: a server frozen mid-run fails the run within a few seconds") {
  frozen_mid_run("mysql");
}

TEST_CASE("postgresql: a server frozen mid-run fails the run within a few seconds") {
  frozen_mid_run("postgresql");
}

TEST_CASE("mysql: a frozen server fails the connection after its connect_timeout") {
  frozen_before_connect("mysql");
}

TEST_CASE("postgresql: a frozen server fails the connection after its connect_timeout") {
  frozen_before_connect("postgresql");
}
