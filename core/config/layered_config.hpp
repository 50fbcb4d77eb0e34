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
  /// The value may hold a password: messages about it never quote any piece of it.
  bool secret = false;
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
  /// deprecated ones in order. References are substituted; an unknown one, a chain deeper
  /// than kMaxReferenceDepth, more than kMaxReferences followed or a value longer than
  /// kMaxExpandedSize throws ConfigError.
  std::optional<ResolvedValue> get(const OptionSpec& option) const;

  /// How deep `$a` -> `$b` -> ... may nest.
  static constexpr std::size_t kMaxReferenceDepth = 32;
  /// How many references one value may follow in all.
  static constexpr std::size_t kMaxReferences = 1000;
  /// How long a value may grow by substitution, in bytes.
  static constexpr std::size_t kMaxExpandedSize = 64 * 1024;

  /// The files, in reading order.
  const std::vector<ConfigFile>& files() const { return files_; }

 private:
  struct Found {
    const ConfigFile* file;
    const ConfigValue* value;
    OptionName name;  ///< the name it was found under (normalised group)
  };

  /// One value's substitution under way: the chain of options being expanded, and how many
  /// references it has followed, so a chain or a fan-out of references cannot run away.
  struct Expansion {
    std::vector<OptionName> active;
    std::size_t references = 0;
  };

  std::optional<Found> find(const OptionSpec& option) const;
  std::optional<std::string> lookup(const OptionName& name, const Found& referrer,
                                    Expansion& expansion) const;
  std::string substitute(const Found& found, const std::string& option_group,
                         Expansion& expansion) const;
  std::string resolve_reference(const std::string& reference, const std::string& option_group,
                                const Found& referrer, Expansion& expansion) const;
  bool group_exists(const std::string& group) const;
  bool is_secret(const OptionName& name) const;
  OptionSpec spec_for(const OptionName& name) const;

  std::vector<ConfigFile> files_;
  std::vector<OptionSpec> known_options_;
};

}  // namespace sdm::config
