#include "cli/app.hpp"

#include <functional>
#include <map>
#include <ostream>

#include "cli/command_specs.hpp"
#include "cli/commands.hpp"
#include "cli/help_text.hpp"
#include "cli/redacting_stream.hpp"
#include "common/errors.hpp"

#ifndef SDM_VERSION
#error "SDM_VERSION must be defined"
#endif

namespace sdm::cli {
namespace {

int dispatch(AppContext& context) {
  static const std::map<std::string, std::function<int(AppContext&)>> commands = {
      {"upgrade", run_upgrade},
      {"downgrade", run_downgrade},
      {"stamp", run_stamp},
      {"ensure_version", run_ensure_version},
      {"current", run_current},
      {"history", run_history},
      {"heads", run_heads},
      {"branches", run_branches},
      {"show", run_show},
      {"edit", run_edit},
      {"check_migration", run_check_migration},
      {"init", run_init},
      {"revision", run_revision},
      {"merge", run_merge},
      {"plugins", run_plugins},
      {"schema", run_schema},
      {"check", run_check},
      {"drift", run_drift},
  };
  return commands.at(context.line().command)(context);
}

/// "FAILED: ..." is one line, so multi-line messages are joined.
std::string one_line(std::string text) {
  while (!text.empty() && text.back() == '\n')
    text.pop_back();
  std::string out;
  for (char c : text)
    out += c == '\n' ? std::string("; ") : std::string(1, c);
  return out;
}

}  // namespace

int run_program(const std::vector<std::string>& arguments, std::ostream& out,
                std::ostream& raw_err) {
  RedactingStream err(raw_err);
  try {
    CommandLine line = parse_command_line(arguments);
    if (line.global_flag("version")) {
      out << "sahara-db-manage " SDM_VERSION "\n";
      return 0;
    }
    if (line.command.empty()) {
      if (line.global_flag("help")) {
        out << program_help();
        return 0;
      }
      throw UsageError("no command given (see `sahara-db-manage --help`)");
    }
    if (line.flag("help")) {
      out << command_help(*find_command(line.command));
      return 0;
    }
    AppContext context(line, out, err);
    int code = dispatch(context);
    out.flush();
    context.keep_revisions_until_exit();
    return code;
  } catch (const HostError& e) {
    out.flush();
    err << "FAILED: " << one_line(e.what()) << std::endl;
    if (!e.details().empty()) err << e.details() << std::flush;
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    out.flush();
    err << "FAILED: internal error: " << one_line(e.what()) << std::endl;
    return static_cast<int>(ExitCode::Internal);
  }
}

}  // namespace sdm::cli
