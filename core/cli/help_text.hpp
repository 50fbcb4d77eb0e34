// The --help pages, rendered from the command table.
#pragma once

#include <string>

#include "cli/command_specs.hpp"

namespace sdm::cli {

/// `sahara-db-manage --help`.
std::string program_help();
/// `sahara-db-manage COMMAND --help`.
std::string command_help(const CommandSpec& command);

}  // namespace sdm::cli
