// A database server of one test's own, which the test may kill, freeze and restart without
// disturbing the servers every other test shares. Started by tests/test-servers.sh's starters
// in a temporary folder; stopped and removed at the end of the test.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "support/test_databases.hpp"

namespace sdm::test {

/// One PostgreSQL or MariaDB server on loopback, with its data in a temporary folder.
class PrivateServer {
 public:
  /// Starts a server for `backend` ("postgresql" or "mysql"); `settings` go to the server
  /// after the test defaults (PostgreSQL `name=value`, MariaDB `--option=value`). Throws with
  /// the starter's output when it does not come up.
  explicit PrivateServer(const std::string& backend, std::vector<std::string> settings = {});
  /// Stops the server (whatever state it is in) and removes its folder.
  ~PrivateServer();
  PrivateServer(const PrivateServer&) = delete;
  PrivateServer& operator=(const PrivateServer&) = delete;

  const std::string& backend() const { return backend_; }
  /// How to reach it as its administrator (for ScratchDatabase).
  ServerAdmin admin() const;
  /// The server's main process.
  pid_t pid() const { return pid_; }

  /// SIGKILL to every process of the server, as a power cut would; returns once they are gone.
  void kill();
  /// Starts it again on the same data and port (crash recovery included); returns when ready.
  void restart();
  /// SIGSTOP to every process of the server: connections stay open and nothing answers.
  void freeze();
  /// SIGCONT: the server goes on where it stopped.
  void thaw();

 private:
  void start();
  /// The server's main process and every process it started.
  std::vector<pid_t> processes() const;
  void signal_all(int signal) const;

  std::string backend_;
  std::vector<std::string> settings_;
  std::string dir_;
  std::string port_;
  std::string admin_url_;
  pid_t pid_ = -1;
  bool frozen_ = false;
};

}  // namespace sdm::test
