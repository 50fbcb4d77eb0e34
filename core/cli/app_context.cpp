#include "cli/app_context.hpp"

#include <filesystem>

#include "cli/install_layout.hpp"
#include "cli/password_exposure.hpp"
#include "common/errors.hpp"
#include "config/config_sources.hpp"
#include "config/database_url.hpp"
#include "graph/revision_lookup.hpp"
#include "runtime/exec.hpp"
#include "runtime/health_check.hpp"
#include "runtime/version_table.hpp"
#include "sdm/secret.hpp"

namespace sdm::cli {

AppContext::AppContext(const CommandLine& line, std::ostream& out, RedactingStream& err)
    : line_(line),
      out_(out),
      err_(err),
      log_(err, "sdm.runtime"),
      config_log_(err, "sdm.config"),
      plugin_log_(err, "sdm.plugins") {}

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
  const std::vector<std::string> secrets = secrets_of(*url_, {});
  err_.add_secrets(secrets);
  if (s.connection_origin && !secrets.empty()) {
    if (auto warning = password_readable_by_others(s.connection_origin->file))
      config_log_.warning(*warning);
  }
  return *url_;
}

std::string AppContext::display_url() {
  return config::redacted(url(), driver().secret_parameters());
}

const loader::LoaderPolicy& AppContext::plugin_policy() {
  if (plugin_policy_) return *plugin_policy_;
  const config::Settings& s = settings();
  loader::LoaderPolicy policy;
  std::string switched_off_by;
  if (line_.global_flag("insecure-plugins")) {
    switched_off_by = "--insecure-plugins";
  } else if (s.insecure_plugins && s.insecure_plugins->value) {
    refuse_if_untrusted(s.insecure_plugins->origin);
    switched_off_by = s.insecure_plugins->origin.describe() + " = true";
  }
  if (!switched_off_by.empty()) {
    policy.enforce_trust = false;
    plugin_log_.warning("plugin trust checks are off (" + switched_off_by +
                        "): plugins, plugin directories and plugin settings that others can "
                        "change are used; `sahara-db-manage plugins` names the untrusted files");
  }
  plugin_policy_ = policy;
  if (s.require_manifest) {
    require_trusted(s.require_manifest->origin);
    plugin_policy_->require_manifest = s.require_manifest->value;
  }
  return *plugin_policy_;
}

void AppContext::require_trusted(const config::ValueOrigin& origin) {
  if (plugin_policy().enforce_trust) refuse_if_untrusted(origin);
}

void AppContext::refuse_if_untrusted(const config::ValueOrigin& origin) {
  if (auto problem = trust_.path_problem(origin.file)) {
    throw PluginError(origin.describe() + " is not used: " + *problem +
                      ". Settings that choose plugin code are taken only from config files that "
                      "nobody but root or you can change");
  }
}

std::vector<std::string> AppContext::revisions_dirs() {
  // Like Alembic's version_locations: one history across all of them, e.g. the distribution's
  // revisions and a site's own.
  std::vector<std::string> dirs = line_.global_values("revisions-dir");
  if (dirs.empty() && settings().revisions_dir) {
    require_trusted(settings().revisions_dir->origin);
    dirs = settings().revisions_dir->paths;
  }
  if (dirs.empty()) dirs.push_back(default_revisions_dir());
  return dirs;
}

void AppContext::keep_revisions_until_exit() {
  static auto* kept = new std::vector<std::unique_ptr<runtime::RevisionCatalog>>;
  if (revisions_) kept->push_back(std::move(revisions_));
}

runtime::RevisionCatalog& AppContext::revisions() {
  if (!revisions_) {
    // Every command reuses what earlier scans read from files unchanged since: loading reads
    // a plugin again anyway, and checks that it declares what the cache said.
    loader::LoaderPolicy policy = plugin_policy();
    policy.scan_cache = true;
    revisions_ = std::make_unique<runtime::RevisionCatalog>(revisions_dirs(), policy);
  }
  return *revisions_;
}

runtime::DriverCatalog& AppContext::drivers() {
  if (!drivers_) {
    std::string dir;
    if (auto given = line_.global_value("drivers-dir")) {
      dir = *given;
    } else if (settings().drivers_dir) {
      require_trusted(settings().drivers_dir->origin);
      dir = settings().drivers_dir->path;
    } else {
      dir = default_drivers_dir();
    }
    std::map<std::string, runtime::DriverChoice> choices;
    for (const auto& [scheme, choice] : settings().driver_choices) {
      require_trusted(choice.origin);
      choices.emplace(scheme, runtime::DriverChoice{choice.name, choice.origin.describe()});
    }
    drivers_ = std::make_unique<runtime::DriverCatalog>(dir, plugin_policy(), std::move(choices));
  }
  return *drivers_;
}

const runtime::LoadedDriver& AppContext::driver() {
  runtime::DriverCatalog& catalog = drivers();
  const runtime::LoadedDriver& chosen = catalog.driver_for(url().scheme);
  err_.add_secrets(secrets_of(url(), chosen.secret_parameters()));
  // A refused file may be someone's attempt to replace a driver: never stay quiet about it.
  if (!warned_about_rejected_drivers_) {
    for (const auto& rejection : catalog.rejections())
      plugin_log_.warning("driver plugin " + rejection.path + " rejected: " + rejection.reason);
    warned_about_rejected_drivers_ = true;
  }
  return chosen;
}

std::unique_ptr<runtime::ConnectionHandle> AppContext::connect() {
  return driver().connect(url(), session_limits());
}

std::optional<int> AppContext::seconds_option(const std::string& name) const {
  auto given = line_.value(name);
  if (!given) return std::nullopt;
  bool digits = !given->empty() && given->size() <= 7;
  for (char c : *given)
    digits = digits && c >= '0' && c <= '9';
  const long seconds = digits ? std::stol(*given) : -1;
  if (seconds < 0 || seconds > config::kMaxTimeoutSeconds)
    throw UsageError("--" + name + " needs a whole number of seconds from 0 to " +
                     std::to_string(config::kMaxTimeoutSeconds) + ", not '" + *given + "'");
  return static_cast<int>(seconds);
}

std::vector<std::string> AppContext::version_rows() {
  const auto& loaded = driver();
  auto connection = connect();
  // The driver's pre-run checks may warn (a lagging standby, a cluster node out of sync) or
  // refuse before anything is read.
  runtime::check_database_health(*connection, Access::Read, log(), display_url());
  runtime::Exec exec(*connection, loaded.dialect());
  return runtime::VersionTable(exec).read_heads();
}

std::vector<const graph::Revision*> AppContext::revisions_named(const std::string& argument) {
  if (argument == "current") return graph::resolve_revisions(map(), version_rows());
  return graph::resolve_revisions(map(), argument);
}

int AppContext::lock_timeout() {
  if (auto seconds = seconds_option("lock-timeout")) return *seconds;
  return settings().lock_timeout.value_or(60);
}

SessionLimits AppContext::session_limits() {
  SessionLimits limits;
  auto statement = seconds_option("statement-timeout");
  if (!statement) statement = settings().statement_timeout;
  auto lock_wait = seconds_option("lock-wait-timeout");
  if (!lock_wait) lock_wait = settings().lock_wait_timeout;
  limits.statement_timeout_ms = statement.value_or(0) * 1000;
  limits.lock_wait_timeout_ms = lock_wait.value_or(0) * 1000;
  return limits;
}

bool AppContext::transaction_per_migration() {
  return line_.flag("transaction-per-migration") ||
         settings().transaction_per_migration.value_or(false);
}

std::string AppContext::model_path() {
  if (auto given = line_.value("model")) return *given;
  if (settings().model) return settings().model->path;
  // The packager's model is installed beside the revisions it describes.
  return revisions_dirs().front() + "/model.yaml";
}

std::string AppContext::revision_source_dir() {
  if (auto given = line_.value("version-path")) return *given;
  if (settings().revision_source_dir) return settings().revision_source_dir->path;
  return ".";
}

}  // namespace sdm::cli
