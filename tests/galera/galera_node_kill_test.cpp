// A Galera node killed under a running migration: the run fails cleanly, and the same command
// against a surviving node finishes it; the killed node rejoins with the same schema.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "galera/galera_support.hpp"

using namespace sdm::test;
using Names = std::vector<std::string>;

TEST_CASE(
    "galera: a node killed mid-run fails the run cleanly, a surviving node finishes it, and "
    "the node rejoins with the same schema") {
  GaleraTarget t;
  t.create_pause(60);
  auto runner = t.start_paused_runner(1);
  t.cluster.kill_node(1);

  const ProcessResult failed = runner->wait();
  CHECK(failed.exit_code == 6);
  CHECK_MESSAGE(
      failed.err.find("FAILED: upgrade 1a0000000001 -> 2b0000000002, paused revision "
                      "failed at op 1 of 2 (execute): MySQL statement failed: error "
                      "2013 (HY000): Lost connection to server during query") != std::string::npos,
      failed.err);
  CHECK(failed.err.find("internal error") == std::string::npos);
  CHECK(failed.err.find(t.db.password()) == std::string::npos);

  t.set_pause(0, 2);
  const ProcessResult finished = t.run(2, fixture_dir("paused"), {"upgrade", "head"});
  REQUIRE_MESSAGE(finished.exit_code == 0, finished.err);
  CHECK(finished.err.find("through Galera node node1") != std::string::npos);
  CHECK(t.versions(2) == Names{"3c0000000003"});
  CHECK(t.versions(3) == Names{"3c0000000003"});

  t.cluster.start_node(1);
  CHECK(t.versions(1) == Names{"3c0000000003"});
  CHECK(t.fingerprint(1) == t.fingerprint(2));
  CHECK(t.fingerprint(3) == t.fingerprint(2));
}
