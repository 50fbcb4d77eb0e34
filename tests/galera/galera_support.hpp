// What the Galera suites share: a scratch database on the three-node cluster, a config file
// per node, runs of the real binary against any node.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "support/cluster_servers.hpp"
#include "support/test_databases.hpp"

namespace sdm::test {

/// A scratch database on the cluster, reachable through every node.
class GaleraTarget {
 public:
  explicit GaleraTarget(const std::string& password = "");
  /// Leaves all three nodes up for the next test.
  ~GaleraTarget();

  GaleraCluster cluster;
  Sandbox box;
  ScratchDatabase db;

  /// The database's URL through `node`.
  std::string url(int node) const { return db.url_with_port(cluster.port(node)); }
  /// sahara-db-manage against `node`, with a revisions directory.
  std::vector<std::string> arguments(int node, const std::string& revisions_dir,
                                     const std::vector<std::string>& command) const;
  ProcessResult run(int node, const std::string& revisions_dir,
                    const std::vector<std::string>& command) const;
  /// The same, started and left running.
  std::unique_ptr<ChildProcess> start(int node, const std::string& revisions_dir,
                                      const std::vector<std::string>& command) const;
  /// The rows of alembic_version as `node` sees them, sorted.
  std::vector<std::string> versions(int node) const;
  /// Makes the paused revision (fixture "paused") sleep `seconds`.
  void create_pause(int seconds) const;
  /// Changes the pause through `node`. Only a row change: a schema change of the table would
  /// abort the statement reading it on every node.
  void set_pause(int seconds, int node) const;
  /// `upgrade head` of fixture "paused" through `node`, returned once it is inside the paused
  /// revision, holding the lock.
  std::unique_ptr<ChildProcess> start_paused_runner(int node) const;
  /// The schema as `node`'s catalog reports it.
  std::string fingerprint(int node) const {
    return db.schema_fingerprint_via_port(cluster.port(node));
  }

 private:
  std::vector<std::string> configs_;
};

/// The lines of `a` and of `b` that the other lacks, for a failure message.
std::string line_differences(const std::string& a, const std::string& b);

/// How many lines of `text` contain `needle`.
int count_lines_with(const std::string& text, const std::string& needle);

}  // namespace sdm::test
