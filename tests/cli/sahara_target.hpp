// sahara-db-manage against a scratch database of one backend, with Sahara's revisions.
#pragma once

#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "support/test_databases.hpp"

namespace sdm::test {

/// A scratch database with a config file, driven with Sahara's revisions.
struct SaharaTarget {
  explicit SaharaTarget(const std::string& backend)
      : db(backend), config(box.write("db.conf", "[database]\nconnection = " + db.url() + "\n")) {}

  ProcessResult run(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(),
                     {"--config-file", config, "--revisions-dir", sahara_revisions_dir()});
    return run_sdm(box, arguments);
  }

  Sandbox box;
  ScratchDatabase db;
  std::string config;
};

}  // namespace sdm::test
