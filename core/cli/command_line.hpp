// Parses `sahara-db-manage [global options] COMMAND [options] [arguments]`: global options
// before the command, the command's own options anywhere after it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sdm::cli {

/// A parsed command line. Options are keyed by their long name; flags hold "".
struct CommandLine {
  std::map<std::string, std::vector<std::string>> global;
  std::vector<std::pair<std::string, std::string>> global_in_order;  ///< as given
  std::string command;  ///< empty when only global options were given
  std::map<std::string, std::vector<std::string>> options;
  std::vector<std::string> positionals;

  bool global_flag(const std::string& name) const { return global.count(name) != 0; }
  std::vector<std::string> global_values(const std::string& name) const;
  std::optional<std::string> global_value(const std::string& name) const;
  /// Global options in command-line order (--config-file and --config-dir interleave).
  const std::vector<std::pair<std::string, std::string>>& ordered_global() const {
    return global_in_order;
  }

  bool flag(const std::string& name) const { return options.count(name) != 0; }
  std::vector<std::string> values(const std::string& name) const;
  std::optional<std::string> value(const std::string& name) const;
};

/// Parses the arguments after the program name; throws UsageError with a message that says
/// what is wrong and where to look.
CommandLine parse_command_line(const std::vector<std::string>& arguments);

}  // namespace sdm::cli
