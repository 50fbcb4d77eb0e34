#include "cli/command_line.hpp"

#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>

#include <cctype>

#include "cli/command_specs.hpp"
#include "common/errors.hpp"

namespace sdm::cli {
namespace {

using OptionValues = std::map<std::string, std::vector<std::string>>;

Poco::Util::OptionSet option_set(const std::vector<OptionSpec>& specs) {
  Poco::Util::OptionSet set;
  for (const auto& spec : specs) {
    Poco::Util::Option option(spec.name, spec.short_name, spec.help);
    option.repeatable(spec.repeatable);
    if (!spec.argument.empty()) option.argument(spec.argument, true);
    set.addOption(option);
  }
  return set;
}

/// "-1", "-2:", "-3:current": relative revisions and ranges, not options.
bool looks_like_relative_revision(const std::string& argument) {
  return argument.size() > 1 && argument[0] == '-' &&
         std::isdigit(static_cast<unsigned char>(argument[1]));
}

std::string program_for(const std::string& command) {
  return command.empty() ? "sahara-db-manage" : "sahara-db-manage " + command;
}

/// Poco's option errors, reworded for the operator.
[[noreturn]] void rethrow_option_error(const Poco::Util::OptionException& e,
                                       const std::string& command, const std::string& argument) {
  std::string hint = " (see `" + program_for(command) + " --help`)";
  if (dynamic_cast<const Poco::Util::UnknownOptionException*>(&e)) {
    const CommandSpec* spec = find_command(command);
    if (const NotOffered* alembic_only = find_not_offered(
            spec != nullptr ? spec->not_offered : global_options_not_offered(), argument)) {
      throw UsageError("Alembic's " + argument.substr(0, argument.find('=')) +
                       " is not offered: " + alembic_only->reason + hint);
    }
    for (const auto& global : global_options()) {
      if (!command.empty() && argument.rfind("--" + global.name, 0) == 0) {
        throw UsageError("--" + global.name +
                         " is a global option: put it before the command, e.g. `sahara-db-manage "
                         "--" +
                         global.name + " ... " + command + "`");
      }
    }
    throw UsageError("unrecognized option '" + argument + "'" + hint);
  }
  if (dynamic_cast<const Poco::Util::MissingArgumentException*>(&e))
    throw UsageError("option '" + argument + "' needs an argument" + hint);
  if (dynamic_cast<const Poco::Util::DuplicateOptionException*>(&e))
    throw UsageError("option '" + argument + "' given more than once" + hint);
  if (dynamic_cast<const Poco::Util::AmbiguousOptionException*>(&e))
    throw UsageError("option '" + argument + "' is ambiguous" + hint);
  if (dynamic_cast<const Poco::Util::UnexpectedArgumentException*>(&e))
    throw UsageError("option '" + argument + "' takes no argument" + hint);
  throw UsageError(e.message() + hint);
}

/// Feeds arguments to one OptionProcessor until `stop(argument)` says the rest is not its.
std::size_t process(const std::vector<std::string>& arguments, std::size_t at,
                    const Poco::Util::OptionSet& set, const std::string& command,
                    OptionValues& options, std::vector<std::string>* positionals,
                    std::vector<std::pair<std::string, std::string>>* order = nullptr) {
  Poco::Util::OptionProcessor processor(set);
  processor.setUnixStyle(true);
  std::string pending;  // an option waiting for its argument in the next word
  for (; at < arguments.size(); ++at) {
    const std::string& argument = arguments[at];
    if (pending.empty() && positionals != nullptr && looks_like_relative_revision(argument)) {
      positionals->push_back(argument);
      continue;
    }
    std::string name, value;
    bool was_option = false;
    try {
      was_option = processor.process(argument, name, value);
    } catch (const Poco::Util::OptionException& e) {
      rethrow_option_error(e, command, pending.empty() ? argument : pending);
    }
    if (!was_option) {
      if (positionals == nullptr) break;  // the command word ends the global options
      positionals->push_back(argument);
      continue;
    }
    if (name.empty()) {
      pending = argument;  // "--delta" now, "2" next
      continue;
    }
    pending.clear();
    options[name].push_back(value);
    if (order != nullptr) order->emplace_back(name, value);
  }
  try {
    processor.checkRequired();
  } catch (const Poco::Util::OptionException& e) {
    rethrow_option_error(e, command, pending);
  }
  if (!pending.empty()) throw UsageError("option '" + pending + "' needs an argument");
  return at;
}

}  // namespace

std::vector<std::string> CommandLine::global_values(const std::string& name) const {
  auto it = global.find(name);
  return it == global.end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::string> CommandLine::global_value(const std::string& name) const {
  auto it = global.find(name);
  if (it == global.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> CommandLine::values(const std::string& name) const {
  auto it = options.find(name);
  return it == options.end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::string> CommandLine::value(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

CommandLine parse_command_line(const std::vector<std::string>& arguments) {
  CommandLine line;
  std::size_t at = process(arguments, 0, option_set(global_options()), "", line.global, nullptr,
                           &line.global_in_order);
  if (at == arguments.size()) return line;

  line.command = arguments[at++];
  const CommandSpec* spec = find_command(line.command);
  if (spec == nullptr) {
    for (const auto& alembic_only : commands_not_offered()) {
      if (alembic_only.name == line.command)
        throw UsageError("Alembic's " + line.command +
                         " command is not offered: " + alembic_only.reason);
    }
    std::string names;
    for (const auto& c : command_specs())
      names += (names.empty() ? "" : ", ") + c.name;
    throw UsageError("unknown command '" + line.command + "' (choose from " + names + ")");
  }
  process(arguments, at, option_set(spec->options), line.command, line.options, &line.positionals);
  if (line.flag("help")) return line;

  int count = static_cast<int>(line.positionals.size());
  std::string hint = " (see `sahara-db-manage " + line.command + " --help`)";
  if (count < spec->min_positionals) {
    throw UsageError(line.command + " needs " + spec->positionals + hint);
  }
  if (spec->max_positionals >= 0 && count > spec->max_positionals) {
    std::string extra;
    for (std::size_t i = spec->max_positionals; i < line.positionals.size(); ++i)
      extra += (extra.empty() ? "" : " ") + line.positionals[i];
    throw UsageError("unrecognized arguments: " + extra + hint);
  }
  return line;
}

}  // namespace sdm::cli
