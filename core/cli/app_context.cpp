#include "cli/app_context.hpp"

#include <filesystem>

#include "cli/install_layout.hpp"
#include "common/errors.hpp"
#include "config/config_sources.hpp"
#include "config/database_url.hpp"

namespace sdm::cli {

AppContext::AppContext(const CommandLine& line, std::ostream& out, std::ostream& err)
    : line_(line), out_(out), log_(err, "sdm.runtime"), config_log_(err, "sdm.config") {}

const config::Settings& AppContext::settings() {
  if (!settings_) {
    // oslo.config reads --config-file and --config-dir in command-line order.
    std::vector<config::ConfigSource> sources;
    for (const auto& [name, value] : line_.ordered_global()) {
      if (name == "config-file") sources.push_back(config::ConfigSource::file(value));
      if (name == "config-dir") sources.push_back(config::ConfigSource::directory(value));
    }
    settings_ = config::load_settings(sources, config::SearchEnvironment::from_process());
  }
  return *settings_;
}

const Url& AppContext::url() {
  if (url_) return *url_;
  const auto& s = settings();
  std::string text;
  if (s.connection) {
    text = *s.connection;
  } else if (!s.any_config_file()) {
    text = config::kDefaultConnection;
    config_log_.info(std::string("No config file found; using the default database ") +
                     config::kDefaultConnection + " in " +
                     std::filesystem::current_path().string());
  } else {
    std::string files;
    for (const auto& f : s.config_files)
      files += (files.empty() ? "" : ", ") + f;
    throw ConfigError("no database connection is set in " + files +
                      ": add `connection = <URL>` under [database]");
  }
  try {
    url_ = config::parse_database_url(text);
  } catch (const ConfigError& e) {
    std::string origin = s.connection_origin ? s.connection_origin->describe() + ": " : "";
    throw ConfigError(origin + e.what());
  }
  return *url_;
}

std::string AppContext::display_url() {
  return config::redacted(url());
}

runtime::RevisionCatalog& AppContext::revisions() {
  if (!revisions_) {
    std::string dir;
    if (auto given = line_.global_value("revisions-dir"))
      dir = *given;
    else if (settings().revisions_dir)
      dir = settings().revisions_dir->path;
    else
      dir = default_revisions_dir();
    revisions_ = std::make_unique<runtime::RevisionCatalog>(dir);
  }
  return *revisions_;
}

runtime::DriverCatalog& AppContext::drivers() {
  if (!drivers_) {
    std::string dir;
    if (auto given = line_.global_value("drivers-dir"))
      dir = *given;
    else if (settings().drivers_dir)
      dir = settings().drivers_dir->path;
    else
      dir = default_drivers_dir();
    drivers_ = std::make_unique<runtime::DriverCatalog>(dir);
  }
  return *drivers_;
}

const runtime::LoadedDriver& AppContext::driver() {
  return drivers().driver_for(url().scheme);
}

std::unique_ptr<runtime::ConnectionHandle> AppContext::connect() {
  return driver().connect(url());
}

int AppContext::lock_timeout() {
  if (auto given = line_.value("lock-timeout")) {
    try {
      std::size_t used = 0;
      int seconds = std::stoi(*given, &used);
      if (used == given->size() && seconds >= 0) return seconds;
    } catch (...) {
    }
    throw UsageError("--lock-timeout needs a whole number of seconds (0 or more), not '" + *given +
                     "'");
  }
  return settings().lock_timeout.value_or(60);
}

bool AppContext::transaction_per_migration() {
  return line_.flag("transaction-per-migration") ||
         settings().transaction_per_migration.value_or(false);
}

std::string AppContext::revision_source_dir() {
  if (auto given = line_.value("version-path")) return *given;
  if (settings().revision_source_dir) return settings().revision_source_dir->path;
  return ".";
}

}  // namespace sdm::cli
