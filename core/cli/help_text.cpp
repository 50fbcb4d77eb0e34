#include "cli/help_text.hpp"

#include <sstream>

namespace sdm::cli {
namespace {

std::string option_label(const OptionSpec& option) {
  std::string label = option.short_name.empty() ? "    " : "-" + option.short_name + ", ";
  label += "--" + option.name;
  if (!option.argument.empty()) label += " " + option.argument;
  return label;
}

std::string option_usage(const OptionSpec& option) {
  std::string usage = "[--" + option.name;
  if (!option.argument.empty()) usage += " " + option.argument;
  usage += "]";
  if (option.repeatable) usage += "...";
  return usage;
}

void list_options(std::ostream& out, const std::vector<OptionSpec>& options) {
  for (const auto& option : options) {
    std::string label = "  " + option_label(option);
    if (label.size() < 28)
      label.resize(28, ' ');
    else
      label += "\n" + std::string(28, ' ');
    out << label << option.help << '\n';
  }
}

void list_not_offered(std::ostream& out, const std::string& title,
                      const std::vector<NotOffered>& entries) {
  if (entries.empty()) return;
  out << '\n' << title << ":\n";
  for (const auto& entry : entries) {
    std::string label = entry.name.empty() ? "-" + entry.short_name
                        : entry.short_name.empty()
                            ? (title.find("commands") != std::string::npos ? "" : "--") + entry.name
                            : "-" + entry.short_name + ", --" + entry.name;
    out << "  " << label << ": " << entry.reason << '\n';
  }
}

}  // namespace

std::string program_help() {
  std::ostringstream out;
  out << "usage: sahara-db-manage";
  for (const auto& option : global_options())
    out << ' ' << option_usage(option);
  out << " COMMAND [ARGS]\n\n"
         "Database schema migrations for OpenStack Sahara; a drop-in for the Alembic-based\n"
         "sahara-db-manage (same commands, sahara.conf and alembic_version table).\n\n"
         "Commands:\n";
  for (const auto& command : command_specs()) {
    std::string name = "  " + command.name;
    name.resize(20, ' ');
    out << name << command.summary << '\n';
  }
  out << "\nGlobal options (before the command):\n";
  list_options(out, global_options());
  list_not_offered(out, "Alembic's global options not taken here", global_options_not_offered());
  list_not_offered(out, "Alembic's commands not offered here", commands_not_offered());
  out << "\nExit status: 0 success, 1 internal error, 2 usage, 3 config or URL, 4 revision\n"
         "graph or argument, 5 plugin, 6 database, 7 lock timeout, 8 branched timeline\n"
         "(check_migration).\n"
         "Run `sahara-db-manage COMMAND --help` for a command's options.\n";
  return out.str();
}

std::string command_help(const CommandSpec& command) {
  std::ostringstream out;
  out << "usage: sahara-db-manage " << command.name;
  for (const auto& option : command.options)
    out << ' ' << option_usage(option);
  if (!command.positionals.empty()) out << ' ' << command.positionals;
  out << "\n\n" << command.summary << ".\n";
  if (!command.description.empty()) out << '\n' << command.description << '\n';
  out << "\nOptions:\n";
  list_options(out, command.options);
  list_not_offered(out, "Alembic's options not taken here", command.not_offered);
  return out.str();
}

}  // namespace sdm::cli
