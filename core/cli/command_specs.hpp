// Every command, its options and positional arguments, as data: the parser and the help
// text both read this table.
#pragma once

#include <string>
#include <vector>

namespace sdm::cli {

/// One option of a command (or of the program, before the command).
struct OptionSpec {
  std::string name;        ///< long name, used as --name
  std::string short_name;  ///< one letter, or ""
  std::string argument;    ///< argument placeholder ("N", "MSG"), or "" for a flag
  bool repeatable = false;
  std::string help;
};

/// An option or command of Alembic 1.8 that has no meaning here, and why; passing it is a
/// usage error that gives the reason.
struct NotOffered {
  std::string name;        ///< long option name (--name) or command name
  std::string short_name;  ///< one letter, or ""
  std::string reason;
};

/// One command.
struct CommandSpec {
  std::string name;
  std::string summary;      ///< one line, for the command list
  std::string positionals;  ///< usage of positional arguments, e.g. "[REV | FROM:TO]"
  int min_positionals = 0;
  int max_positionals = 0;  ///< -1: any number
  std::vector<OptionSpec> options;
  std::string description;                   ///< paragraphs shown by `COMMAND --help`
  std::vector<NotOffered> not_offered = {};  ///< Alembic's options of this command left out
};

/// Options given before the command.
const std::vector<OptionSpec>& global_options();
/// Alembic's global options left out.
const std::vector<NotOffered>& global_options_not_offered();
/// Alembic's commands left out.
const std::vector<NotOffered>& commands_not_offered();
/// The entry of `not_offered` that `argument` (as typed, e.g. "--tag=x" or "-xa=b") names.
const NotOffered* find_not_offered(const std::vector<NotOffered>& not_offered,
                                   const std::string& argument);
/// Every command, in the order `--help` lists them.
const std::vector<CommandSpec>& command_specs();
/// The command called `name`, or nullptr.
const CommandSpec* find_command(const std::string& name);

}  // namespace sdm::cli
