// The run lock on a three-node Galera cluster: it holds across nodes, a dead holder is taken
// over after its lease, and a holder that lost its lease writes nothing more.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "galera/galera_support.hpp"

using namespace sdm::test;
using Clock = std::chrono::steady_clock;
using Names = std::vector<std::string>;

namespace {

/// The Galera lease (drivers/mysql/galera_lease.hpp): a dead holder is taken over after it.
constexpr double kLeaseSeconds = 10;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE(
    "galera: two runners on two nodes, five rounds: one migrates, the other waits for it, "
    "names it and its node, and finds head") {
  for (int round = 0; round < 5; ++round) {
    CAPTURE(round);
    GaleraTarget t;
    const int node_a = round % 3 + 1, node_b = (round + 1) % 3 + 1;
    auto a = t.start(node_a, sahara_revisions_dir(), {"upgrade", "head"});
    auto b = t.start(node_b, sahara_revisions_dir(), {"upgrade", "head"});
    const pid_t pid_a = a->pid(), pid_b = b->pid();
    const ProcessResult ra = a->wait(), rb = b->wait();
    REQUIRE_MESSAGE(ra.exit_code == 0, ra.err);
    REQUIRE_MESSAGE(rb.exit_code == 0, rb.err);
    const int ran_a = count_lines_with(ra.err, "Running upgrade");
    const int ran_b = count_lines_with(rb.err, "Running upgrade");
    // Every revision once, all by one runner.
    CHECK(ran_a + ran_b == 35);
    REQUIRE((ran_a == 0 || ran_b == 0));
    const bool a_won = ran_a == 35;
    const ProcessResult& waiter = a_won ? rb : ra;
    const std::string winner = "sahara-db-manage pid " + std::to_string(a_won ? pid_a : pid_b);
    const std::string node = "through Galera node node" + std::to_string(a_won ? node_a : node_b);
    CHECK_MESSAGE(waiter.err.find("Waiting for the migration lock") != std::string::npos,
                  waiter.err);
    CHECK_MESSAGE(waiter.err.find(winner + " on host") != std::string::npos, waiter.err);
    CHECK_MESSAGE(waiter.err.find(node) != std::string::npos, waiter.err);
    const std::string schema = t.fingerprint(1);
    for (int n = 1; n <= GaleraCluster::kNodes; ++n) {
      CAPTURE(n);
      CHECK(t.versions(n) == Names{"035"});
      const std::string seen = t.fingerprint(n);
      CHECK_MESSAGE(seen == schema, line_differences(schema, seen));
    }
  }
}

TEST_CASE(
    "galera: a runner killed while holding the lock is taken over after its lease, and the "
    "next runner finishes without redoing its revisions") {
  GaleraTarget t;
  t.create_pause(60);
  auto killed = t.start_paused_runner(1);
  const pid_t killed_pid = killed->pid();
  ::kill(killed_pid, SIGKILL);
  killed->wait();
  t.set_pause(0, 2);

  const auto started = Clock::now();
  const ProcessResult next = t.run(2, fixture_dir("paused"), {"upgrade", "head"});
  const double took = seconds_since(started);
  REQUIRE_MESSAGE(next.exit_code == 0, next.err);
  CHECK(next.err.find("held by sahara-db-manage pid " + std::to_string(killed_pid)) !=
        std::string::npos);
  CHECK(next.err.find("through Galera node node1") != std::string::npos);
  CHECK_MESSAGE(next.err.find("its lease is not being renewed, so it is taken over once it has "
                              "not been for 10 s") != std::string::npos,
                next.err);
  // Not before the lease ran out, and soon after.
  CHECK(took >= kLeaseSeconds);
  CHECK(took < kLeaseSeconds + 8);
  MESSAGE("a killed holder was taken over after " << took << " s");
  CHECK(count_lines_with(next.err, "Running upgrade") == 2);
  CHECK(count_lines_with(next.err, "Running upgrade  -> 1a0000000001") == 0);
  for (int n = 1; n <= GaleraCluster::kNodes; ++n)
    CHECK(t.versions(n) == Names{"3c0000000003"});
}

TEST_CASE(
    "galera: a runner stopped past its lease loses the lock, and when it wakes it stops "
    "without writing") {
  GaleraTarget t;
  t.create_pause(14);
  auto stopped = t.start_paused_runner(1);
  ::kill(stopped->pid(), SIGSTOP);
  t.set_pause(0, 2);

  const ProcessResult next = t.run(3, fixture_dir("paused"), {"upgrade", "head"});
  REQUIRE_MESSAGE(next.exit_code == 0, next.err);
  CHECK(t.versions(3) == Names{"3c0000000003"});

  // It wakes up in the middle of its revision, its lease long gone.
  ::kill(stopped->pid(), SIGCONT);
  const ProcessResult woken = stopped->wait();
  CHECK(woken.exit_code == 6);
  // Its pause is a data op, which commits with its progress record: that write is the first
  // statement after the pause, so the op is rolled back and the run stops there, saying the
  // database has moved on without it rather than advising SQL that would undo the other
  // runner's work.
  CHECK_MESSAGE(woken.err.find("failed at op 1 of 2 (execute): lost the "
                               "migration lock on Galera node node1") != std::string::npos,
                woken.err);
  CHECK(woken.err.find("the version table now says 3c0000000003, not 1a0000000001: another "
                       "runner has migrated this database since") != std::string::npos);
  CHECK(woken.err.find("stamp") == std::string::npos);
  for (int n = 1; n <= GaleraCluster::kNodes; ++n)
    CHECK(t.versions(n) == Names{"3c0000000003"});
}
