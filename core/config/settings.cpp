#include "config/settings.hpp"

#include <filesystem>

#include "common/errors.hpp"
#include "config/option_types.hpp"

namespace sdm::config {
namespace fs = std::filesystem;
namespace {

OptionSpec own_option(const char* name) {
  return OptionSpec{{kOwnSection, name}, {}};
}

std::optional<ResolvedValue> connection_value(const LayeredConfig& config) {
  std::optional<ResolvedValue> connection = config.get(connection_option());
  if (connection && connection->value.empty())
    throw ConfigError(connection->origin.describe() +
                      " is empty: write the database URL, e.g. `connection = "
                      "mysql+pymysql://sahara:PASSWORD@HOST/sahara` or `connection = "
                      "sqlite:////var/lib/sahara/sahara.sqlite`, or delete the line");
  return connection;
}

fs::path resolved_path(const std::string& text, const ValueOrigin& origin) {
  fs::path path(text);
  if (path.is_relative()) path = fs::path(origin.file).parent_path() / path;
  return path.lexically_normal();
}

std::optional<PathSetting> path_setting(const LayeredConfig& config, const char* name) {
  std::optional<ResolvedValue> value = config.get(own_option(name));
  if (!value) return std::nullopt;
  if (value->value.empty())
    throw ConfigError(value->origin.describe() +
                      " is empty: write a directory, or delete the line");
  return PathSetting{resolved_path(value->value, value->origin).string(), value->origin};
}

std::optional<PathListSetting> path_list_setting(const LayeredConfig& config, const char* name) {
  std::optional<ResolvedValue> value = config.get(own_option(name));
  if (!value) return std::nullopt;
  const std::vector<std::string> items = parse_oslo_list(value->value);
  if (items.empty())
    throw ConfigError(value->origin.describe() +
                      " is empty: write one directory or several separated by commas, or delete "
                      "the line");
  PathListSetting setting{{}, value->origin};
  for (const auto& item : items) {
    if (item.empty())
      throw ConfigError(value->origin.describe() + " has an empty entry in '" + value->value +
                        "': write the directories separated by single commas");
    setting.paths.push_back(resolved_path(item, value->origin).string());
  }
  return setting;
}

/// A number of seconds from sahara-db-manage's section, 0 to kMaxTimeoutSeconds.
std::optional<int> seconds_setting(const LayeredConfig& config, const char* name) {
  std::optional<ResolvedValue> value = config.get(own_option(name));
  if (!value) return std::nullopt;
  OsloInteger seconds = parse_oslo_int(value->value);
  if (!seconds.valid ||
      (seconds.value && (*seconds.value < 0 || *seconds.value > kMaxTimeoutSeconds)))
    throw ConfigError(value->origin.describe() + " must be a whole number of seconds from 0 to " +
                      std::to_string(kMaxTimeoutSeconds) + ", e.g. `" + name + " = 60`; it is '" +
                      value->value + "'");
  if (!seconds.value) return std::nullopt;  // blank: oslo reads it as unset
  return static_cast<int>(*seconds.value);
}

std::optional<FlagSetting> flag_setting(const LayeredConfig& config, const char* name) {
  std::optional<ResolvedValue> value = config.get(own_option(name));
  if (!value) return std::nullopt;
  std::optional<bool> parsed = parse_oslo_bool(value->value);
  if (!parsed)
    throw ConfigError(value->origin.describe() +
                      " must be true or false (also yes/no, on/off, 1/0); it is '" + value->value +
                      "'");
  return FlagSetting{*parsed, value->origin};
}

std::optional<bool> flag(const LayeredConfig& config, const char* name) {
  if (auto setting = flag_setting(config, name)) return setting->value;
  return std::nullopt;
}

/// Every `driver_<scheme>` key of the own section, in any file.
std::map<std::string, DriverSetting> driver_choices(const LayeredConfig& config) {
  const std::string prefix = "driver_";
  std::map<std::string, DriverSetting> choices;
  for (const ConfigFile& file : config.files()) {
    auto section = file.sections.find(kOwnSection);
    if (section == file.sections.end()) continue;
    for (const auto& [key, values] : section->second) {
      if (key.size() <= prefix.size() || key.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string scheme = key.substr(prefix.size());
      if (choices.count(scheme)) continue;
      std::optional<ResolvedValue> value = config.get(OptionSpec{{kOwnSection, key}, {}});
      if (!value) continue;
      if (value->value.empty())
        throw ConfigError(value->origin.describe() + " is empty: name the driver that serves " +
                          scheme +
                          ":// (as `sahara-db-manage plugins` lists it), or delete the line");
      choices.emplace(scheme, DriverSetting{value->value, value->origin});
    }
  }
  return choices;
}

}  // namespace

OptionSpec connection_option() {
  return OptionSpec{
      {"database", "connection"},
      {{"DEFAULT", "sql_connection"}, {"DATABASE", "sql_connection"}, {"sql", "connection"}},
      true};
}

Settings settings_from(const std::vector<ConfigFile>& files) {
  LayeredConfig config(files, {connection_option()});
  Settings settings;
  for (const ConfigFile& file : files)
    settings.config_files.push_back(file.path);
  if (std::optional<ResolvedValue> connection = connection_value(config)) {
    settings.connection = connection->value;
    settings.connection_origin = connection->origin;
  }
  settings.revisions_dir = path_list_setting(config, "revisions_dir");
  settings.drivers_dir = path_setting(config, "drivers_dir");
  settings.revision_source_dir = path_setting(config, "revision_source_dir");
  settings.model = path_setting(config, "model");
  settings.lock_timeout = seconds_setting(config, "lock_timeout");
  settings.statement_timeout = seconds_setting(config, "statement_timeout");
  settings.lock_wait_timeout = seconds_setting(config, "lock_wait_timeout");
  settings.transaction_per_migration = flag(config, "transaction_per_migration");
  settings.insecure_plugins = flag_setting(config, "insecure_plugins");
  settings.require_manifest = flag_setting(config, "require_manifest");
  settings.driver_choices = driver_choices(config);
  return settings;
}

Settings load_settings(const std::vector<ConfigSource>& sources, const SearchEnvironment& env) {
  return settings_from(load_config_files(sources, env));
}

}  // namespace sdm::config
