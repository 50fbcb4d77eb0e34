// Crash matrices: Sahara's `upgrade head` and `downgrade base` are cut short at random moments,
// by SIGKILL to the runner or to the server (a power cut), and the same command is run again.
// Each time the re-run must reach the target with exactly the schema of a clean run (the
// servers' catalog dumps compared), which also means no op ran twice: a table or column made
// twice fails the re-run, and a leftover progress table shows in the dump. MySQL resumes op by
// op; PostgreSQL and SQLite roll the whole run back.
//
// The suite runs a bounded matrix; SDM_CRASH_RUNNER_TRIALS and SDM_CRASH_SERVER_TRIALS run a
// bigger one by hand, SDM_CRASH_SEED repeats one (each failure names its seed and moment).
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <sstream>
#include <thread>

#include "cli/backend_target.hpp"
#include "support/private_server.hpp"
#include "support/stopwatch.hpp"

using namespace sdm::test;
using Clock = std::chrono::steady_clock;

namespace {

enum class Fault { Runner, Server };

int trials_from_environment(const char* name, int otherwise) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::atoi(value) : otherwise;
}

unsigned seed_from_environment() {
  const char* value = std::getenv("SDM_CRASH_SEED");
  return value != nullptr && *value != '\0'
             ? static_cast<unsigned>(std::strtoul(value, nullptr, 10))
             : std::random_device{}();
}

/// The command under test: `upgrade head` from base, or `downgrade base` from head.
struct Operation {
  std::vector<std::string> arguments;
  bool from_head = false;

  std::string name() const { return arguments[0] + " " + arguments[1]; }
};

const Operation kUpgrade{{"upgrade", "head"}, false};
const Operation kDowngrade{{"downgrade", "base"}, true};

/// What a clean run leaves, and how long it takes.
struct CleanRun {
  std::string fingerprint;
  std::vector<std::string> versions;
  double seconds = 0;
};

void prepare(const Target& t, const Operation& operation) {
  if (!operation.from_head) return;
  auto up = t.sahara({"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
}

CleanRun clean_run(const Target& t, const Operation& operation) {
  prepare(t, operation);
  const auto start = Clock::now();
  auto r = t.sahara(operation.arguments);
  CleanRun clean;
  clean.seconds = seconds_since(start);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  clean.fingerprint = t.db.schema_fingerprint();
  clean.versions = t.db.versions();
  return clean;
}

/// Tallies for the matrix's summary line.
struct Outcomes {
  int tried = 0;
  int reached = 0;
  int inconsistent = 0;
};

/// Runs `operation` on `t`, cuts it short after `moment` seconds with `fault`, runs it again
/// and checks that it ends as `clean` did.
void trial(const Target& t, PrivateServer* server, const Operation& operation, Fault fault,
           double moment, const CleanRun& clean, Outcomes& outcomes, const std::string& label) {
  prepare(t, operation);
  std::vector<std::string> arguments = {"--config-file", t.config, "--revisions-dir",
                                        sahara_revisions_dir()};
  arguments.insert(arguments.end(), operation.arguments.begin(), operation.arguments.end());
  ChildProcess run(binary_path(), arguments, t.box.dir(), {{"HOME", t.box.dir()}});
  std::this_thread::sleep_for(std::chrono::duration<double>(moment));
  if (fault == Fault::Runner) {
    ::kill(run.pid(), SIGKILL);
    run.wait();
  } else {
    server->kill();
    run.wait();
    server->restart();
  }
  ++outcomes.tried;
  auto again = t.sahara(operation.arguments);
  const bool reached = again.exit_code == 0 && t.db.versions() == clean.versions;
  const bool consistent = reached && t.db.schema_fingerprint() == clean.fingerprint;
  if (reached) ++outcomes.reached;
  if (!consistent) ++outcomes.inconsistent;
  CHECK_MESSAGE(again.exit_code == 0, label << ": the re-run failed: " << again.err);
  CHECK_MESSAGE(t.db.versions() == clean.versions,
                label << ": the re-run did not reach the target");
  CHECK_MESSAGE(t.db.schema_fingerprint() == clean.fingerprint,
                label << ": the schema differs from a clean run's");
}

/// The matrix for one backend and command: `runner_trials` runner kills and `server_trials`
/// server kills, each at a random moment of a clean run's duration.
void crash_matrix(const std::string& backend, const Operation& operation, int runner_trials,
                  int server_trials) {
  const unsigned seed = seed_from_environment();
  std::mt19937 random(seed);
  std::ostringstream summary;
  summary << backend << " " << operation.name() << " (seed " << seed << "):";

  std::unique_ptr<Target> reference;
  std::unique_ptr<PrivateServer> server;
  // A killed server keeps what it committed: InnoDB writes and flushes its log at each commit,
  // as production servers are set (the suite's shared servers trade that for speed).
  if (backend == "mysql")
    server = std::make_unique<PrivateServer>(
        backend, std::vector<std::string>{"--innodb-flush-log-at-trx-commit=1"});
  else if (backend != "sqlite")
    server = std::make_unique<PrivateServer>(backend);
  reference =
      server ? std::make_unique<Target>(server->admin()) : std::make_unique<Target>(backend);
  const CleanRun clean = clean_run(*reference, operation);
  std::uniform_real_distribution<double> moment(0.0, clean.seconds);

  for (Fault fault : {Fault::Runner, Fault::Server}) {
    const int trials = fault == Fault::Runner ? runner_trials : server_trials;
    if (fault == Fault::Server && !server) continue;
    Outcomes outcomes;
    for (int i = 0; i < trials; ++i) {
      const double at = moment(random);
      std::ostringstream label;
      label << backend << " " << operation.name() << ", "
            << (fault == Fault::Runner ? "runner" : "server") << " killed after " << at
            << " s (seed " << seed << ", trial " << i + 1 << ")";
      Target t = server ? Target(server->admin()) : Target(backend);
      trial(t, server.get(), operation, fault, at, clean, outcomes, label.str());
    }
    summary << " " << (fault == Fault::Runner ? "runner" : "server") << " kill: tried "
            << outcomes.tried << ", reached the target " << outcomes.reached << ", inconsistent "
            << outcomes.inconsistent << ";";
  }
  MESSAGE(summary.str() << " clean run " << clean.seconds << " s");
}

const int kRunnerTrials = trials_from_environment("SDM_CRASH_RUNNER_TRIALS", 8);
const int kServerTrials = trials_from_environment("SDM_CRASH_SERVER_TRIALS", 2);

}  // namespace

TEST_CASE("mysql: upgrade head killed at random moments resumes to a clean run's schema") {
  crash_matrix("mysql", kUpgrade, kRunnerTrials, kServerTrials);
}

TEST_CASE("mysql: downgrade base killed at random moments resumes to a clean run's schema") {
  crash_matrix("mysql", kDowngrade, kRunnerTrials, kServerTrials);
}

TEST_CASE("postgresql: upgrade head killed at random moments rolls back and re-runs cleanly") {
  crash_matrix("postgresql", kUpgrade, kRunnerTrials, kServerTrials);
}

TEST_CASE("postgresql: downgrade base killed at random moments rolls back and re-runs cleanly") {
  crash_matrix("postgresql", kDowngrade, kRunnerTrials, kServerTrials);
}

TEST_CASE("sqlite: upgrade head killed at random moments rolls back and re-runs cleanly") {
  crash_matrix("sqlite", kUpgrade, kRunnerTrials, 0);
}

TEST_CASE("sqlite: downgrade base killed at random moments rolls back and re-runs cleanly") {
  crash_matrix("sqlite", kDowngrade, kRunnerTrials, 0);
}
