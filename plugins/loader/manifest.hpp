// The optional SHA256SUMS beside the plugins, in `sha256sum` format so that `sha256sum -c`
// checks it too: "<64 hex digits>  <file name>" per line ('*' in place of the second space
// marks binary mode, a leading '\' marks a name with "\\" and "\n" escapes). Blank lines and
// lines starting with '#' are skipped, as sha256sum skips them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "loader/loader_policy.hpp"
#include "loader/path_trust.hpp"

namespace sdm::loader {

/// The manifest's file name in each plugin directory.
inline constexpr const char* kManifestName = "SHA256SUMS";

/// What a manifest says.
struct Manifest {
  std::map<std::string, std::string> digests;  ///< file name -> lowercase hex SHA-256
  std::vector<std::string> problems;           ///< "line N ...", for lines that do not parse
};

/// Parses manifest text; lines that do not parse are listed as problems, the rest still count.
Manifest parse_manifest(const std::string& text);

/// One plugin directory's manifest, as the loader found it.
struct DirectoryManifest {
  std::string path;      ///< the manifest's path under the directory as the user named it
  bool present = false;  ///< it exists
  bool usable = false;   ///< it exists, passed the trust rules and was read
  Manifest manifest;
  std::string refusal;  ///< why a present manifest is not used; empty when it is
};

/// Reads `<real_dir>/SHA256SUMS` under the rules plugin files follow (a regular file, trusted
/// unless the policy says otherwise, at most 16 MiB). A missing manifest is not a problem.
DirectoryManifest read_manifest(const std::string& real_dir, const std::string& listed_dir,
                                PathTrust& trust, const LoaderPolicy& policy);

}  // namespace sdm::loader
