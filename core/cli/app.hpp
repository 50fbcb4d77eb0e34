// The program: parse the command line, run the command, map errors to exit codes.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace sdm::cli {

/// Runs `sahara-db-manage` with `arguments` (without the program name). Results go to `out`,
/// progress and `FAILED: ...` to `err`. Returns the exit code. Once per process, right before
/// it ends: the revision catalog a command built is left to the exit, not freed.
int run_program(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

}  // namespace sdm::cli
