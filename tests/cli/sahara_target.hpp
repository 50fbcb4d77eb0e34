// sahara-db-manage against a scratch database of one backend, with Sahara's revisions.
#pragma once

#include <vector>

#include "cli/backend_target.hpp"

namespace sdm::test {

/// A scratch database with a config file, driven with Sahara's revisions.
struct SaharaTarget : Target {
  using Target::Target;
  ProcessResult run(const std::vector<std::string>& arguments) const { return sahara(arguments); }
};

}  // namespace sdm::test
