// Runs a program as a child process and captures its output, for end-to-end tests.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sdm::test {

/// What a finished process left behind.
struct ProcessResult {
  int exit_code = -1;  ///< -1 when it did not exit normally
  std::string out;
  std::string err;
};

/// Runs `program` with `arguments` in `working_dir`, with `environment` added to (or, for an
/// empty value, removed from) the current environment. Blocks until the process exits.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& arguments,
                          const std::string& working_dir = ".",
                          const std::map<std::string, std::string>& environment = {},
                          const std::string& input = "");

}  // namespace sdm::test
