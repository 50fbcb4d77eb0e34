// What a directory scan read from each plugin file, kept between runs in the user's cache
// folder. Commands that load no plugin (history, heads, branches, current, show) then read an
// unchanged file with one stat instead of an open, a stat and three reads: for thousands of
// files, those system calls were most of the command's time.
//
// A file is taken from the cache only while its stamp (device, inode, size, modification and
// change time) is the one it had when it was read: any write sets the change time, which no
// user can set back, and a file changed in the last seconds before it was read is not kept,
// since a second change within the clock's granularity could leave the same stamp. The cache
// folder and file must pass the same ownership rules as plugins, or the cache is not used.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "loader/path_trust.hpp"
#include "loader/plugin_candidate.hpp"
#include "loader/plugin_metadata.hpp"

namespace sdm::loader {

/// The cache of one plugin directory.
class ScanCache {
 public:
  /// The cache of the directory `real_dir` (symbolic links resolved), read from
  /// $XDG_CACHE_HOME/sahara-db-manage (or ~/.cache/sahara-db-manage), which is created when
  /// missing. Inactive, reading and writing nothing, when there is no such folder or `trust`
  /// refuses it.
  ScanCache(const std::string& real_dir, PathTrust& trust);

  /// True when the cache folder is usable.
  bool active() const { return !file_.empty(); }
  /// What was read from the file `name` when it had `stamp`, or nullptr.
  const PluginMetadata* find(const std::string& name, const FileStamp& stamp) const;
  /// find(), and the entry is kept for the next run as it is (a file still unchanged).
  const PluginMetadata* take(const std::string& name, const FileStamp& stamp);
  /// Keeps what was read from `name` at `stamp` for the next run (a file changed in the last
  /// seconds is not kept). Entries neither taken nor kept again this run are dropped by save().
  void keep(const std::string& name, const FileStamp& stamp, const PluginMetadata& metadata);
  /// Writes the cache when it changed, replacing the file in one rename. A cache that cannot
  /// be written is left as it was: nothing depends on it.
  void save();

 private:
  struct Entry {
    FileStamp stamp;
    PluginMetadata metadata;
  };
  void read();

  std::string real_dir_;
  std::string file_;  ///< the cache file's path; empty when inactive
  std::unordered_map<std::string, Entry> read_;
  std::unordered_map<std::string, Entry> kept_;
  bool changed_ = false;
};

}  // namespace sdm::loader
