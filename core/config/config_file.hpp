// The assignments of one config file, in the shape oslo.config keeps them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sdm::config {

/// One `key = value` assignment as it stands in a file.
struct ConfigValue {
  std::string text;         ///< after quote and whitespace stripping; not yet interpolated
  std::string section;      ///< the section name as written (`DATABASE`, `Database`, ...)
  int line = 0;             ///< 1-based line of the key
  bool interpolate = true;  ///< `$name` references apply (INI files); YAML values are literal
};

/// One parsed config file. Sections are keyed by their normalised name, so `[Database]` and
/// `[database]` in one file merge, as oslo.config merges them.
struct ConfigFile {
  std::string path;  ///< absolute
  /// section -> key -> every assignment in file order; the last one is the value.
  std::map<std::string, std::map<std::string, std::vector<ConfigValue>>> sections;

  /// The value of `key` in the normalised `section` (the last assignment), or nullptr.
  const ConfigValue* find(const std::string& section, const std::string& key) const;
  /// Whether the file has the normalised `section` (even an empty one).
  bool has_section(const std::string& section) const;
  /// Records an assignment under `section` as written.
  void add(const std::string& section, const std::string& key, ConfigValue value);
  /// Creates `section` (as written) if it is not there yet.
  void add_section(const std::string& section);
};

/// oslo.config's group-name rule: `DEFAULT` stays as it is, every other name is lower-cased.
std::string normalize_group_name(std::string_view name);

}  // namespace sdm::config
