// A plugin directory, read in one pass: its path resolved and judged once, its `*.so` entries
// listed with the kind readdir reports, its SHA256SUMS read; then each entry opened once.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "loader/loader_error.hpp"
#include "loader/loader_policy.hpp"
#include "loader/manifest.hpp"
#include "loader/path_trust.hpp"
#include "loader/plugin_candidate.hpp"
#include "loader/plugin_file.hpp"
#include "loader/scan_cache.hpp"
#include "loader/unique_fd.hpp"

namespace sdm::loader {

/// One `*.so` name in a plugin directory.
struct DirectoryEntry {
  std::string name;
  EntryType type;
};

/// An opened plugin directory.
class PluginDirectory {
 public:
  /// Resolves and lists `directory` (`kind` names it in errors); throws DirectoryError when it
  /// does not exist, is not a directory or cannot be listed.
  PluginDirectory(const std::string& directory, PluginKind kind, const LoaderPolicy& policy);

  /// The `*.so` entries, sorted by name; directories are left out.
  const std::vector<DirectoryEntry>& entries() const { return entries_; }
  /// An entry's path under the directory as the user named it (made absolute).
  std::string path_of(const DirectoryEntry& entry) const { return listed_ + "/" + entry.name; }
  /// The directory's SHA256SUMS, as found.
  const DirectoryManifest& manifest() const { return manifest_; }
  /// Opens an entry under the trust rules (the directory's own included); throws
  /// RejectedPlugin.
  OpenedCandidate open(const DirectoryEntry& entry);
  /// The entry as the scan cache holds it, when the policy asks for the cache and the file is a
  /// regular file with the stamp it had when it was read: one lstat, the trust rules applied
  /// to that status, the metadata checked as if read again. nullopt when the cache cannot
  /// answer (then open() it). Throws RejectedPlugin.
  std::optional<PluginFile> cached(const DirectoryEntry& entry, PluginKind kind);
  /// Keeps what was read from an entry opened with `stamp`, for the next scan.
  void remember(const DirectoryEntry& entry, const FileStamp& stamp, const PluginFile& file);
  /// Writes the scan cache when the scan changed it.
  void save_cache();

 private:
  /// Throws RejectedPlugin when the directory is untrusted and trust is enforced.
  void refuse_if_directory_untrusted() const;
  /// A file's trust note: its own problem, else the directory's, else "".
  std::string trust_note(std::string file_note) const;

  LoaderPolicy policy_;
  PathTrust trust_;
  std::string listed_;  ///< as the user named it, absolute
  std::string real_;    ///< symbolic links resolved
  std::optional<std::string> directory_problem_;
  std::vector<DirectoryEntry> entries_;
  DirectoryManifest manifest_;
  std::optional<ScanCache> cache_;
  UniqueFd directory_fd_;  ///< the directory listed, open
};

/// What a directory scan found, in file-name order.
struct ScanResult {
  std::vector<PluginFile> plugins;
  std::vector<Rejection> rejections;
};

/// Inspects every `*.so` in `directory`, in file-name order, under `policy`; other files are
/// ignored. Loads nothing. Throws DirectoryError when the directory cannot be listed.
ScanResult scan_plugin_directory(const std::string& directory, PluginKind expected_kind,
                                 const LoaderPolicy& policy = {});

/// A plugin directory cannot be listed.
class DirectoryError : public LoaderError {
 public:
  using LoaderError::LoaderError;
};

}  // namespace sdm::loader
