// Checking every plugin file of a directory against its SHA256SUMS (`plugins --verify`).
#pragma once

#include <string>
#include <vector>

#include "loader/loader_policy.hpp"
#include "sdm/plugin.hpp"

namespace sdm::loader {

/// One file's verdict.
struct DigestCheck {
  enum class Status {
    Verified,  ///< listed, and its content has the listed digest
    Mismatch,  ///< listed with another digest
    Unlisted,  ///< a plugin file the manifest does not list
    Missing,   ///< listed, but there is no such file
    Refused,   ///< not read: untrusted, not a regular file, or unreadable
  };
  std::string path;
  Status status;
  std::string detail;  ///< both digests for a mismatch, the reason for a refusal
};

/// A directory's verification.
struct DirectoryVerification {
  std::string manifest_path;
  bool manifest_usable = false;
  std::string manifest_problem;    ///< why the manifest is absent or refused, or its bad lines
  std::vector<DigestCheck> files;  ///< every `*.so`, then every listed file that is missing

  /// True when the manifest is usable and well formed and every file is verified.
  bool all_verified() const;
};

/// Hashes every `*.so` in `directory` that passes the trust rules and compares it with the
/// directory's SHA256SUMS. Throws DirectoryError when the directory cannot be listed.
DirectoryVerification verify_plugin_directory(const std::string& directory, PluginKind kind,
                                              const LoaderPolicy& policy);

}  // namespace sdm::loader
