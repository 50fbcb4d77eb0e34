// The facts a plugin states about itself in its "sdm_meta" section (see sdm/plugin.hpp),
// parsed from the file or from the loaded plugin's memory.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loader/loader_error.hpp"
#include "sdm/plugin.hpp"

namespace sdm::loader {

/// One revision as its plugin declares it.
struct RevisionMetadata {
  std::string id;
  std::vector<std::string> parents;
  std::vector<std::string> depends_on;
  std::vector<std::string> branch_labels;
  std::string doc;
  std::string source;  ///< absolute path of its source when the build recorded it, else ""
};

/// One driver as its plugin declares it.
struct DriverMetadata {
  std::string name;
  std::vector<std::string> schemes;
};

/// Everything a plugin's metadata section says.
struct PluginMetadata {
  std::string abi_version;  ///< as written, so a garbled value can be shown
  std::string kind;         ///< "revisions" or "driver"
  std::string build_key;
  std::vector<RevisionMetadata> revisions;
  std::vector<DriverMetadata> drivers;
};

/// Parses a whole "sdm_meta" section; throws MetadataError when it is malformed.
PluginMetadata parse_metadata_section(std::string_view bytes);

/// Reads an "sdm_source" section into the revisions it names; throws MetadataError when it is
/// malformed. Records for ids the plugin does not declare are ignored.
void read_source_section(std::string_view bytes, PluginMetadata& meta);

/// Parses one "sdm:revision" record in a loaded plugin's memory (as the SDK macro lays it out).
RevisionMetadata parse_revision_record(const char* record);

/// Splits a comma-separated list, trimming blanks; "" gives an empty list.
std::vector<std::string> split_list(const std::string& text);

/// Why a metadata section cannot be understood.
class MetadataError : public LoaderError {
 public:
  using LoaderError::LoaderError;
};

}  // namespace sdm::loader
