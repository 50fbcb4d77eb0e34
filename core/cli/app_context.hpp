// What a command works with, each piece made on first use: settings from the config files,
// the database URL, the revision and driver catalogs, a connection.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/redacting_stream.hpp"
#include "config/settings.hpp"
#include "graph/revision_map.hpp"
#include "loader/loader_policy.hpp"
#include "loader/path_trust.hpp"
#include "runtime/driver_catalog.hpp"
#include "runtime/progress_log.hpp"
#include "runtime/revision_catalog.hpp"
#include "sdm/url.hpp"

namespace sdm::cli {

/// The lazily built context of one command.
class AppContext {
 public:
  /// Messages go to `err`, which learns the URL's secrets as soon as they are known.
  AppContext(const CommandLine& line, std::ostream& out, RedactingStream& err);

  const CommandLine& line() const { return line_; }
  std::ostream& out() { return out_; }
  runtime::ProgressLog& log() { return log_; }

  const config::Settings& settings();
  /// The database URL; the default SQLite file when no config file exists (said once).
  const Url& url();
  /// The URL with its password and secret parameters hidden, for display.
  std::string display_url();

  /// What the loader insists on: --insecure-plugins, the config's insecure_plugins and
  /// require_manifest (each only from a trusted file). Warns once when trust checks are off.
  const loader::LoaderPolicy& plugin_policy();

  /// Every --revisions-dir, else the config's revisions_dir list (from a trusted file), else
  /// the default; the first holds the distribution's model.yaml.
  std::vector<std::string> revisions_dirs();
  runtime::RevisionCatalog& revisions();
  /// For the end of the process: the revision catalog is not freed but left to the operating
  /// system, since freeing thousands of revisions' strings one by one took a sixth of
  /// `history`'s time at 5,000 revisions. It stays reachable, so leak checkers pass it.
  void keep_revisions_until_exit();
  /// The revision graph; throws when a revision plugin was rejected or the graph is broken.
  const graph::RevisionMap& map() { return revisions().map(); }
  runtime::DriverCatalog& drivers();
  /// The driver for the URL's scheme; warns once about each rejected driver file.
  const runtime::LoadedDriver& driver();
  /// A new session with the database, bounded by session_limits().
  std::unique_ptr<runtime::ConnectionHandle> connect();
  /// The version table rows; none when the table does not exist (it is not created).
  std::vector<std::string> version_rows();
  /// The revisions `argument` names, or for `current` those the database is at (`show`, `edit`).
  std::vector<const graph::Revision*> revisions_named(const std::string& argument);

  /// --lock-timeout, else the config's lock_timeout, else 60 seconds.
  int lock_timeout();
  /// --statement-timeout and --lock-wait-timeout, else the config's statement_timeout and
  /// lock_wait_timeout; no limit by default (a real ALTER can take hours).
  SessionLimits session_limits();
  /// --transaction-per-migration, else the config's transaction_per_migration.
  bool transaction_per_migration();
  /// The declared schema file: --model, the config's model, else model.yaml in the revisions
  /// directory.
  std::string model_path();
  /// Where `revision` and `merge` write sources: --version-path, the config, or ".".
  std::string revision_source_dir();

 private:
  /// Throws PluginError when the file that set a plugin setting is not trusted, unless trust
  /// checks are off.
  void require_trusted(const config::ValueOrigin& origin);
  /// The same check whatever the policy says.
  void refuse_if_untrusted(const config::ValueOrigin& origin);
  /// A command-line option holding seconds (0 to config::kMaxTimeoutSeconds), if given.
  std::optional<int> seconds_option(const std::string& name) const;

  const CommandLine& line_;
  std::ostream& out_;
  RedactingStream& err_;
  runtime::ProgressLog log_;
  runtime::ProgressLog config_log_;
  runtime::ProgressLog plugin_log_;
  std::optional<config::Settings> settings_;
  std::optional<Url> url_;
  std::optional<loader::LoaderPolicy> plugin_policy_;
  loader::PathTrust trust_;
  bool warned_about_rejected_drivers_ = false;
  std::unique_ptr<runtime::RevisionCatalog> revisions_;
  std::unique_ptr<runtime::DriverCatalog> drivers_;
};

}  // namespace sdm::cli
