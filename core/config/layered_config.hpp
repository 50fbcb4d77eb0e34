// Looking an option up across config files the way oslo.config does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config_file.hpp"

namespace sdm::config {

/// An option's group (`DEFAULT` for none) and name.
struct OptionName {
  std::string group;
  std::string name;
};

/// An option: its current name and the deprecated names oslo still reads, in oslo's order.
struct OptionSpec {
  OptionName current;
  std::vector<OptionName> deprecated;
};

/// Where a value was set.
struct ValueOrigin {
  std::string file;     ///< absolute path
  std::string section;  ///< as written in the file
  std::string key;
  int line = 0;

  /// `file:line: [section] key`, the prefix of messages about this value.
  std::string describe() const;
};

/// An option's value after `$` substitution, and where it was set.
struct ResolvedValue {
  std::string value;
  ValueOrigin origin;
};

/// Config files in reading order, queried as one configuration.
class LayeredConfig {
 public:
  /// `files` in reading order. `known_options` are options with deprecated names, so that a
  /// reference such as `${database.connection}` finds the value under any of its names.
  explicit LayeredConfig(std::vector<ConfigFile> files, std::vector<OptionSpec> known_options = {});

  /// The value of `option`, or nullopt when no file sets it. The last file holding any of its
  /// names wins; within one file the current name beats the deprecated ones, then the
  /// deprecated ones in order. References are substituted; an unknown one throws ConfigError.
  std::optional<ResolvedValue> get(const OptionSpec& option) const;

  /// The files, in reading order.
  const std::vector<ConfigFile>& files() const { return files_; }

 private:
  struct Found {
    const ConfigFile* file;
    const ConfigValue* value;
    OptionName name;  ///< the name it was found under (normalised group)
  };

  std::optional<Found> find(const OptionSpec& option) const;
  std::optional<std::string> lookup(const OptionName& name, const Found& referrer,
                                    std::vector<OptionName>& active) const;
  std::string substitute(const Found& found, const std::string& option_group,
                         std::vector<OptionName>& active) const;
  std::string resolve_reference(const std::string& reference, const std::string& option_group,
                                const Found& referrer, std::vector<OptionName>& active) const;
  bool group_exists(const std::string& group) const;
  OptionSpec spec_for(const OptionName& name) const;

  std::vector<ConfigFile> files_;
  std::vector<OptionSpec> known_options_;
};

}  // namespace sdm::config
