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
const OptionSpec kStatementTimeout{
    "statement-timeout", "", "SECONDS", false,
    "stop any statement that runs longer, and give up on a server that does not answer for "
    "that long plus a grace period (default 0: no limit)"};
const OptionSpec kLockWaitTimeout{
    "lock-wait-timeout", "", "SECONDS", false,
    "fail a statement that waits longer for a table lock another transaction holds, instead "
    "of queueing every other query on that table behind it (default 0: no limit)"};
const OptionSpec kAllowDataLoss{"allow-data-loss", "", "", false,
                                "run downgrade steps that would delete rows or values (dropped "
                                "tables and columns, narrowed types) instead of refusing them"};
const OptionSpec kMessage{"message", "m", "MSG", false, "the revision's message"};
const OptionSpec kRevId{"rev-id", "", "ID", false,
                        "the new revision's id instead of a random 12-hex-digit one (1 to 32 "
                        "ASCII letters, digits, '_' or '.', not starting with '.')"};
const OptionSpec kModel{"model", "", "PATH", false,
                        "the declared schema (default: [sahara_db_manage] model, else model.yaml "
                        "in the revisions directory)"};
const OptionSpec kBranchLabel{"branch-label", "", "LABEL", true,
                              "a branch label for the new revision (1 to 64 ASCII letters, "
                              "digits, '_' or '.', not starting with '.')"};

const NotOffered kTag{"tag", "",
                      "it only hands a value to a custom env.py, and sahara-db-manage has no "
                      "env.py"};

std::vector<CommandSpec> make_commands() {
  return {
      {"upgrade",
       "upgrade the database to a later revision",
       "[REV | FROM:TO]",
       0,
       1,
       {kHelp, kDelta, kSql, kTransactionPerMigration, kLockTimeout, kStatementTimeout,
        kLockWaitTimeout},
       "Runs the upgrade of every revision between the database's current revision(s) and REV\n"
       "(head, heads, an id, +N, label@head, ...). With --sql, prints the script instead;\n"
       "FROM:TO then gives the range, and without FROM the script starts from an empty\n"
       "database and creates the version table.",
       {kTag}},
      {"downgrade",
       "downgrade the database to an earlier revision",
       "[REV | FROM:TO]",
       0,
       1,
       {kHelp, kDelta, kSql, kTransactionPerMigration, kLockTimeout, kStatementTimeout,
        kLockWaitTimeout, kAllowDataLoss},
       "Runs the downgrade of every revision between the database's current revision(s) and\n"
       "REV (base, an id, -N, ...). With --sql, FROM:TO is required. A downgrade that would\n"
       "delete rows or values now in the database is refused, naming them, unless\n"
       "--allow-data-loss is given. With --sql, a script that ends at base also drops the\n"
       "version table, as Alembic 1.8 does.",
       {kTag}},
      {"current",
       "show the revision(s) the database is at",
       "",
       0,
       0,
       {kHelp, kVerbose, kStatementTimeout},
       "Prints one line per revision stored in the version table; nothing for an empty database."},
      {"history",
       "list revisions, newest first",
       "",
       0,
       0,
       {kHelp,
        {"rev-range", "r", "RANGE", false, "only revisions in [start]:[end] (e.g. 010:020, -3:)"},
        kVerbose,
        {"indicate-current", "i", "", false, "mark the database's current revision(s)"},
        kStatementTimeout},
       "Reads revision metadata only: no revision plugin is loaded or run, and no database is\n"
       "needed unless the range or -i mentions the current revision."},
      {"heads",
       "list the head revisions",
       "",
       0,
       0,
       {kHelp,
        kVerbose,
        {"resolve-dependencies", "", "", false,
         "leave out heads that another revision depends on (depends_on counts as a parent)"}},
       ""},
      {"branches", "list the branch points", "", 0, 0, {kHelp, kVerbose}, ""},
      {"show",
       "show revisions in full",
       "REV",
       1,
       1,
       {kHelp},
       "REV may name several revisions (heads, label@base, ...); `current` shows those the\n"
       "database is at."},
      {"edit",
       "open the source of revisions in $EDITOR",
       "REV",
       1,
       1,
       {kHelp},
       "Opens the C++ source each revision's plugin was built from (recorded by\n"
       "sdm_add_revision()), one after the other, in $EDITOR, else $VISUAL, else the first of\n"
       "sensible-editor, editor, nano, vim and code found on PATH. REV may name several\n"
       "revisions; `current` opens those the database is at."},
      {"stamp",
       "set the database's revision(s) without running migrations",
       "REV...",
       1,
       -1,
       {kHelp,
        kSql,
        {"purge", "", "", false, "empty the version table first"},
        kLockTimeout,
        kStatementTimeout,
        kLockWaitTimeout},
       "Writes the version table only. With --sql, FROM:TO gives the starting revision, and\n"
       "a script that ends at base also drops the version table, as Alembic 1.8 does.",
       {kTag}},
      {"ensure_version",
       "create the version table if it does not exist",
       "",
       0,
       0,
       {kHelp, kSql, kLockTimeout, kStatementTimeout, kLockWaitTimeout},
       "Creates alembic_version, empty, unless it is already there; rows it holds are kept.\n"
       "With --sql, prints the CREATE TABLE instead."},
      {"check_migration",
       "fail when the revision timeline branches",
       "",
       0,
       0,
       {kHelp},
       "Prints every branch point as `branches` does, and exits with status 8 when the\n"
       "timeline has more than one head (an unmerged branch), so it can gate CI."},
      {"init",
       "create a project for building revision plugins",
       "DIR",
       1,
       1,
       {kHelp},
       "Writes DIR/CMakeLists.txt (find_package(SaharaDbManage), one sdm_add_revision() per\n"
       "source in DIR/versions), DIR/sahara.conf.sample pointing at the project, a first\n"
       "revision based on the current head, and a three-line README. DIR must be missing or\n"
       "empty.",
       {{"template", "t", "there is one kind of project: a CMake project of revision plugins"},
        {"package", "", "it writes Python __init__.py files, and the project holds C++ sources"}}},
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
         "where to write the source (default: [sahara_db_manage] revision_source_dir or .)"},
        {"autogenerate", "", "", false,
         "fill upgrade and downgrade with the ops that make the database what the model says"},
        kModel,
        {"allow-empty", "", "", false,
         "with --autogenerate, write a revision even when there is nothing to do"},
        {"sql", "", "", false,
         "refused, as Alembic refuses it: there is no revision environment to run offline"}},
       "The source builds, unchanged, with sdm_add_revision() from the installed CMake package.\n"
       "With --autogenerate the database must be at head; the model (see check) is compared\n"
       "with it and the ops are written in a dependency-safe order, their reverse in the\n"
       "downgrade. Renames are not guessed: a dropped and an added column stay so, with a\n"
       "note. With nothing to do, no file is written unless --allow-empty is given."},
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
      {"check",
       "compare the database with the declared model; exit 9 when they differ",
       "",
       0,
       0,
       {kHelp, kModel},
       "Alembic 1.9's check: the database must be at head (\"Target database is not up to\n"
       "date.\" otherwise). Prints \"No new upgrade operations detected.\" when the database\n"
       "is what the model declares, else one difference a line, in Alembic's autogenerate\n"
       "wording, and exits with status 9. The model's ignore list is left alone on both sides."},
      {"drift",
       "compare the database with what its applied revisions describe; exit 9 on drift",
       "",
       0,
       0,
       {kHelp},
       "Replays the revisions the version table names and compares their schema with the\n"
       "live one, independent of any model: a manual ALTER, a missing index, a widened column\n"
       "or an extra table is one line each, and the exit status is 9. Run it before an upgrade\n"
       "on a database people have touched."},
      {"schema",
       "print the schema at a revision, or the live database's, as model YAML",
       "",
       0,
       0,
       {kHelp,
        {"revision", "r", "REV", false,
         "the schema the revisions describe at REV (head, an id, ...); no database needed"},
        {"live", "", "", false, "the schema of the connected database, as reflected"}},
       "Writes the YAML form of a declared schema (the format of [sahara_db_manage] model):\n"
       "tables, columns with SDK type names, keys, indexes and table options. --revision\n"
       "replays the revisions' ops; --live reflects the database (the version table left\n"
       "out). Use it to start or review a model file."},
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

const std::vector<NotOffered>& global_options_not_offered() {
  static const std::vector<NotOffered> options = {
      {"config", "c",
       "sahara-db-manage reads sahara.conf, not alembic.ini: give it with --config-file PATH"},
      {"name", "n",
       "there is no alembic.ini section to choose: the settings are sahara.conf's [database] "
       "and [sahara_db_manage] sections"},
      {"", "x",
       "it hands key=value settings to a custom env.py, and sahara-db-manage has no env.py: put "
       "settings in sahara.conf"},
      {"raiseerr", "",
       "there is no Python stack trace to show: the FAILED line and the exit status say what "
       "failed"},
  };
  return options;
}

const std::vector<NotOffered>& commands_not_offered() {
  static const std::vector<NotOffered> commands = {
      {"list_templates", "",
       "init makes one kind of project (a CMake project of revision plugins), so there are no "
       "templates to list"},
  };
  return commands;
}

const NotOffered* find_not_offered(const std::vector<NotOffered>& not_offered,
                                   const std::string& argument) {
  for (const auto& entry : not_offered) {
    const std::string long_form = "--" + entry.name;
    if (!entry.name.empty() && (argument == long_form || argument.rfind(long_form + "=", 0) == 0))
      return &entry;
    if (!entry.short_name.empty() && argument.size() >= 2 && argument[0] == '-' &&
        argument[1] == entry.short_name[0])
      return &entry;
  }
  return nullptr;
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
