// The values sahara-db-manage takes from its config files.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config_file.hpp"
#include "config/config_sources.hpp"
#include "config/layered_config.hpp"

namespace sdm::config {

/// The database used when no config file sets one; the CLI says so when it applies it.
inline constexpr const char* kDefaultConnection = "sqlite:///sahara.sqlite";

/// oslo.db's `[database] connection` and the deprecated names it still reads, in its order.
OptionSpec connection_option();

/// The section of sahara-db-manage's own keys.
inline constexpr const char* kOwnSection = "sahara_db_manage";

/// The largest timeout in seconds (about 23 days): milliseconds of it still fit an int.
inline constexpr int kMaxTimeoutSeconds = 2000000;

/// A directory setting, resolved against the directory of the file that set it.
struct PathSetting {
  std::string path;  ///< absolute when the file gave a relative path
  ValueOrigin origin;
};

/// A list of directories, each resolved against the directory of the file that set them.
struct PathListSetting {
  std::vector<std::string> paths;  ///< in the order written; absolute when given relative
  ValueOrigin origin;
};

/// A flag and where it was set.
struct FlagSetting {
  bool value = false;
  ValueOrigin origin;
};

/// `driver_<scheme> = NAME`: which driver serves a URL scheme that several drivers claim.
struct DriverSetting {
  std::string name;
  ValueOrigin origin;
};

/// Everything the config files say; unset values are left for the CLI's defaults.
struct Settings {
  std::optional<std::string> connection;         ///< the database URL, as written (after `$`)
  std::optional<ValueOrigin> connection_origin;  ///< where `connection` was set
  std::optional<PathListSetting> revisions_dir;  ///< comma-separated in the file
  std::optional<PathSetting> drivers_dir;
  std::optional<PathSetting> revision_source_dir;
  std::optional<PathSetting> model;      ///< the declared target schema (YAML) for check
  std::optional<int> lock_timeout;       ///< seconds, >= 0
  std::optional<int> statement_timeout;  ///< seconds, >= 0 (0: no limit)
  std::optional<int> lock_wait_timeout;  ///< seconds, >= 0 (0: no limit)
  std::optional<bool> transaction_per_migration;
  // Settings that decide which plugin code runs; the CLI takes them only from files that
  // nobody but root or the user can change.
  std::optional<FlagSetting> insecure_plugins;
  std::optional<FlagSetting> require_manifest;
  std::map<std::string, DriverSetting> driver_choices;  ///< URL scheme -> choice
  std::vector<std::string> config_files;                ///< the files read, in reading order

  /// Whether any config file was found and read.
  bool any_config_file() const { return !config_files.empty(); }
};

/// Extracts the settings from parsed files in reading order. Throws ConfigError naming the
/// file, line and key for an empty connection or a value of the wrong type.
Settings settings_from(const std::vector<ConfigFile>& files);

/// Finds, reads and interprets the config files (see load_config_files).
Settings load_settings(const std::vector<ConfigSource>& sources, const SearchEnvironment& env);

}  // namespace sdm::config
