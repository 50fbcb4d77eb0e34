// Runs a program as a child process and captures its output, for end-to-end tests.
#pragma once

#include <sys/types.h>

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

/// A running child process whose output is being captured.
class ChildProcess {
 public:
  /// Starts `program` with `arguments` in `working_dir`, with `environment` added to (or, for
  /// an empty value, removed from) the current environment, and `input` on its stdin.
  ChildProcess(const std::string& program, const std::vector<std::string>& arguments,
               const std::string& working_dir = ".",
               const std::map<std::string, std::string>& environment = {},
               const std::string& input = "");
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  /// Reads its output until it exits and returns the result.
  ProcessResult wait();

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int err_ = -1;
  bool waited_ = false;
};

/// Runs a program to completion (see ChildProcess).
ProcessResult run_process(const std::string& program, const std::vector<std::string>& arguments,
                          const std::string& working_dir = ".",
                          const std::map<std::string, std::string>& environment = {},
                          const std::string& input = "");

}  // namespace sdm::test
