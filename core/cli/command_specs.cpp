#include "cli/command_specs.hpp"

namespace sdm::cli {
namespace {

const OptionSpec kHelp{"help", "h", "", false, "show this help and exit"};
const OptionSpec kVerbose{"verbose", "v", "", false, "show each revision in full"};
const OptionSpec kSql{"sql", "", "", false,
                      "print the SQL script to stdout instead of running it; takes no lock and "
                      "does not connect"};
const OptionSpec kDelta{"delta", "", "N", false,
                        "move N revisions from the current one (wins over REV)"};
const OptionSpec kTransactionPerMigration{
    "transaction-per-migration", "", "", false,
    "commit each revision with its version-row change instead of one transaction for the run"};
const OptionSpec kLockTimeout{"lock-timeout", "", "SECONDS", false,
                              "wait this long for another runner's database lock (default 60)"};
const OptionSpec kAllowDataLoss{"allow-data-loss", "", "", false,
                                "run downgrade steps that would delete rows or values (dropped "
                                "tables and columns, narrowed types) instead of refusing them"};
const OptionSpec kMessage{"message", "m", "MSG", false, "the revision's message"};
const OptionSpec kRevId{"rev-id", "", "ID", false,
                        "the new revision's id instead of a random 12-hex-digit one"};
const OptionSpec kBranchLabel{"branch-label", "", "LABEL", true,
                              "a branch label for the new revision"};

std::vector<CommandSpec> make_commands() {
  return {
      {"upgrade",
       "upgrade the database to a later revision",
       "[REV | FROM:TO]",
       0,
       1,
       {kHelp, kDelta, kSql, kTransactionPerMigration, kLockTimeout},
       "Runs the upgrade of every revision between the database's current revision(s) and REV\n"
       "(head, heads, an id, +N, label@head, ...). With --sql, prints the script instead;\n"
       "FROM:TO then gives the range, and without FROM the script starts from an empty\n"
       "database and creates the version table."},
      {"downgrade",
       "downgrade the database to an earlier revision",
       "[REV | FROM:TO]",
       0,
       1,
       {kHelp, kDelta, kSql, kTransactionPerMigration, kLockTimeout, kAllowDataLoss},
       "Runs the downgrade of every revision between the database's current revision(s) and\n"
       "REV (base, an id, -N, ...). With --sql, FROM:TO is required. A downgrade that would\n"
       "delete rows or values now in the database is refused, naming them, unless\n"
       "--allow-data-loss is given."},
      {"current",
       "show the revision(s) the database is at",
       "",
       0,
       0,
       {kHelp, kVerbose},
       "Prints one line per revision stored in the version table; nothing for an empty database."},
      {"history",
       "list revisions, newest first",
       "",
       0,
       0,
       {kHelp,
        {"rev-range", "r", "RANGE", false, "only revisions in [start]:[end] (e.g. 010:020, -3:)"},
        kVerbose,
        {"indicate-current", "i", "", false, "mark the database's current revision(s)"}},
       "Reads revision metadata only: no revision plugin is loaded or run, and no database is\n"
       "needed unless the range or -i mentions the current revision."},
      {"heads", "list the head revisions", "", 0, 0, {kHelp, kVerbose}, ""},
      {"branches", "list the branch points", "", 0, 0, {kHelp, kVerbose}, ""},
      {"show", "show one revision in full", "REV", 1, 1, {kHelp}, ""},
      {"stamp",
       "set the database's revision(s) without running migrations",
       "REV...",
       1,
       -1,
       {kHelp, kSql, {"purge", "", "", false, "empty the version table first"}, kLockTimeout},
       "Writes the version table only. With --sql, FROM:TO gives the starting revision."},
      {"check_migration",
       "fail when the revision timeline branches",
       "",
       0,
       0,
       {kHelp},
       "Prints every branch point as `branches` does, and exits with status 8 when the\n"
       "timeline has more than one head (an unmerged branch), so it can gate CI."},
      {"revision",
       "write the C++ source of a new revision",
       "",
       0,
       0,
       {kHelp,
        kMessage,
        kRevId,
        {"head", "", "REV", false, "the revision to build on (default: the single head)"},
        {"splice", "", "", false, "allow --head to name a revision that is not a head"},
        kBranchLabel,
        {"depends-on", "", "REV", true, "a revision the new one depends on"},
        {"version-path", "", "DIR", false,
         "where to write the source (default: [sahara_db_manage] revision_source_dir or .)"}},
       "The source builds, unchanged, with sdm_add_revision() from the installed CMake package."},
      {"merge",
       "write the C++ source of a revision merging several heads",
       "REV...",
       1,
       -1,
       {kHelp,
        kMessage,
        kRevId,
        kBranchLabel,
        {"version-path", "", "DIR", false,
         "where to write the source (default: [sahara_db_manage] revision_source_dir or .)"}},
       ""},
      {"plugins",
       "list driver and revision plugins, and those rejected with why",
       "",
       0,
       0,
       {kHelp,
        {"load", "", "", false,
         "also load every revision plugin and run its init (listing alone loads none)"},
        {"verify", "", "", false,
         "check every plugin file against its directory's SHA256SUMS manifest"}},
       "Drivers are loaded to check them, and each URL scheme is shown with the driver file\n"
       "that serves it. A file is rejected when it is not a regular file, when anyone but root\n"
       "or you can change it or a directory above it, when require_manifest is set and its\n"
       "directory's SHA256SUMS does not list it, or when it is not a valid plugin. Exits with\n"
       "status 5 when any file is rejected, two drivers claim one scheme, the revision graph\n"
       "has a problem, or (with --verify) any file is not verified."},
  };
}

}  // namespace

const std::vector<OptionSpec>& global_options() {
  static const std::vector<OptionSpec> options = {
      kHelp,
      {"version", "", "", false, "print the version and exit"},
      {"config-file", "", "PATH", true, "a sahara.conf (INI) or YAML file; later ones win"},
      {"config-dir", "", "DIR", true, "read DIR/*.conf after the config files"},
      {"revisions-dir", "", "DIR", true,
       "a directory of revision plugins; repeat for several (one history across them)"},
      {"drivers-dir", "", "DIR", false, "the directory of driver plugins"},
      {"insecure-plugins", "", "", false,
       "use plugin files and config settings that others can change (warns on every run)"},
  };
  return options;
}

const std::vector<CommandSpec>& command_specs() {
  static const std::vector<CommandSpec> commands = make_commands();
  return commands;
}

const CommandSpec* find_command(const std::string& name) {
  for (const auto& command : command_specs())
    if (command.name == name) return &command;
  return nullptr;
}

}  // namespace sdm::cli
