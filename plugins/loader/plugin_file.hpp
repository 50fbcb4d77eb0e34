// Inspecting a plugin file without loading it: is it a shared object, does it export the
// entry point, and what does its metadata say.
#pragma once

#include <optional>
#include <string>

#include "loader/loader_error.hpp"
#include "loader/loader_policy.hpp"
#include "loader/plugin_candidate.hpp"
#include "loader/plugin_metadata.hpp"

namespace sdm::loader {

/// A plugin file whose metadata passed every check that needs no loading.
struct PluginFile {
  std::string path;       ///< as found in its directory
  std::string real_path;  ///< symbolic links resolved: what is read and loaded
  FileIdentity identity;  ///< the file that was judged; loading refuses another
  std::optional<std::string> expected_sha256;  ///< from the directory's SHA256SUMS
  std::string trust_note;  ///< why it is untrusted, when --insecure-plugins let it through
  PluginMetadata metadata;
};

/// A file the loader refused, and why.
struct Rejection {
  std::string path;
  std::string reason;
};

/// Reads and checks the plugin opened as `candidate`, found at `path`; throws RejectedPlugin
/// with the reason.
PluginFile inspect_plugin_file(const std::string& path, OpenedCandidate candidate,
                               PluginKind expected_kind);

/// Checks what a plugin's metadata says against this host and the kind of plugin expected
/// there; throws RejectedPlugin with the reason.
void check_metadata(const PluginMetadata& meta, PluginKind expected_kind);
/// Opens the file at `path` under the trust rules (its directory included), then inspects it.
PluginFile inspect_plugin_file(const std::string& path, PluginKind expected_kind,
                               const LoaderPolicy& policy = {});

/// A plugin file was refused.
class RejectedPlugin : public LoaderError {
 public:
  using LoaderError::LoaderError;
};

/// "revisions" or "driver", as plugin metadata names a kind.
const char* kind_name(PluginKind kind);

}  // namespace sdm::loader
