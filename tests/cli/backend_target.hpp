// A scratch database of one backend with a config file pointing at it, for end-to-end tests
// that run the binary against SQLite, PostgreSQL and MariaDB alike.
#pragma once

#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "support/test_databases.hpp"

namespace sdm::test {

/// A sandbox with a config file pointing at a scratch database of one backend.
struct Target {
  explicit Target(const std::string& backend, const std::string& password = "")
      : db(backend, password),
        config(box.write("db.conf", "[database]\nconnection = " + db.url() + "\n")) {}

  /// The scratch database on another server (a test's own PrivateServer).
  explicit Target(const ServerAdmin& server)
      : db(server), config(box.write("db.conf", "[database]\nconnection = " + db.url() + "\n")) {}

  /// sahara-db-manage --config-file <config> --revisions-dir <fixture scenario> ARGUMENTS.
  ProcessResult run(const std::string& scenario, const std::vector<std::string>& arguments) const {
    return run_sdm(box, command(scenario, arguments));
  }

  /// The same with Sahara's revisions 001-035.
  ProcessResult sahara(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(),
                     {"--config-file", config, "--revisions-dir", sahara_revisions_dir()});
    return run_sdm(box, arguments);
  }

  /// The arguments run() passes, for starting the binary another way.
  std::vector<std::string> command(const std::string& scenario,
                                   const std::vector<std::string>& arguments) const {
    std::vector<std::string> all = {"--config-file", config, "--revisions-dir",
                                    fixture_dir(scenario)};
    all.insert(all.end(), arguments.begin(), arguments.end());
    return all;
  }

  Sandbox box;
  ScratchDatabase db;
  std::string config;
};

}  // namespace sdm::test
