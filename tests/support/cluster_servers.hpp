// The servers tests/test-servers.sh starts lazily for the suites that need them (CTest
// fixtures): a three-node MariaDB Galera cluster, a PostgreSQL primary with a hot standby. A
// test that needs one fails when it is not running; none skips.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "support/test_databases.hpp"

namespace sdm::test {

/// Runs tests/test-servers.sh with `arguments` ("galera-kill-node", "2"); throws with its
/// output when it fails.
void run_server_script(const std::vector<std::string>& arguments);

/// The three-node Galera cluster (tests/test-servers.sh galera-start).
class GaleraCluster {
 public:
  static constexpr int kNodes = 3;

  /// Reads where the cluster runs; throws when it was not started.
  GaleraCluster();

  /// The SQL port of node 1..3.
  int port(int node) const;
  /// The administrator's login through node 1, for scratch databases.
  ServerAdmin admin() const;
  /// Runs SQL as root on one node, through its socket; returns tab-separated rows.
  std::string root_sql(int node, const std::string& statements) const;
  /// wsrep_local_state_comment of a node, or "" when it does not answer.
  std::string state(int node) const;
  /// Kills a node at once (SIGKILL, a crash).
  void kill_node(int node) const;
  /// Starts a node that is down and waits until it is Synced (state transfer included).
  void start_node(int node) const;
  /// Starts whatever node is down and waits until all three are Synced (up to a minute), so
  /// the next test finds a healthy cluster; throws when they do not get there.
  void make_whole() const;

 private:
  std::map<std::string, std::string> env_;
};

/// A PostgreSQL primary and its hot standby (tests/test-servers.sh pg-standby-start).
class PostgresStandbyPair {
 public:
  /// Reads where the pair runs; throws when it was not started.
  PostgresStandbyPair();

  int primary_port() const { return primary_port_; }
  int standby_port() const { return standby_port_; }
  /// The administrator's login on the primary, for scratch databases (the standby replays
  /// them).
  ServerAdmin admin() const;
  /// Waits until the standby has replayed everything the primary has written so far.
  void wait_for_standby() const;
  /// Stops the primary (fast shutdown); the standby keeps running.
  void stop_primary() const;
  void start_primary() const;

 private:
  std::map<std::string, std::string> env_;
  int primary_port_ = 0, standby_port_ = 0;
};

}  // namespace sdm::test
