// What a command works with, each piece made on first use: settings from the config files,
// the database URL, the revision and driver catalogs, a connection.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "cli/command_line.hpp"
#include "config/settings.hpp"
#include "graph/revision_map.hpp"
#include "runtime/driver_catalog.hpp"
#include "runtime/progress_log.hpp"
#include "runtime/revision_catalog.hpp"
#include "sdm/url.hpp"

namespace sdm::cli {

/// The lazily built context of one command.
class AppContext {
 public:
  AppContext(const CommandLine& line, std::ostream& out, std::ostream& err);

  const CommandLine& line() const { return line_; }
  std::ostream& out() { return out_; }
  runtime::ProgressLog& log() { return log_; }

  const config::Settings& settings();
  /// The database URL; the default SQLite file when no config file exists (said once).
  const Url& url();
  /// The URL with its password hidden, for display.
  std::string display_url();

  runtime::RevisionCatalog& revisions();
  /// The revision graph; throws when a revision plugin was rejected or the graph is broken.
  const graph::RevisionMap& map() { return revisions().map(); }
  runtime::DriverCatalog& drivers();
  /// The driver for the URL's scheme.
  const runtime::LoadedDriver& driver();
  /// A new session with the database.
  std::unique_ptr<runtime::ConnectionHandle> connect();

  /// --lock-timeout, else the config's lock_timeout, else 60 seconds.
  int lock_timeout();
  /// --transaction-per-migration, else the config's transaction_per_migration.
  bool transaction_per_migration();
  /// Where `revision` and `merge` write sources: --version-path, the config, or ".".
  std::string revision_source_dir();

 private:
  const CommandLine& line_;
  std::ostream& out_;
  runtime::ProgressLog log_;
  runtime::ProgressLog config_log_;
  std::optional<config::Settings> settings_;
  std::optional<Url> url_;
  std::unique_ptr<runtime::RevisionCatalog> revisions_;
  std::unique_ptr<runtime::DriverCatalog> drivers_;
};

}  // namespace sdm::cli
