// What a directory scan read from each plugin file, kept between runs in the user's cache
// folder. The next scan then reads an unchanged file with one stat instead of an open, a stat
// and three reads: for thousands of files, those system calls were most of a reading
// command's time.
//
// A file is taken from the cache only while its stamp (device, inode, size, modification and
// change time) is the one it had when it was read: any write sets the change time, which no
// user can set back, and a file changed in the last seconds before it was read is not kept,
// since a second change within the clock's granularity could leave the same stamp. The cache
// folder and file must pass the same ownership rules as plugins, or the cache is not used.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

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
  /// What was read from the file `name` when it had `stamp`, or nullopt.
  std::optional<PluginMetadata> find(std::string_view name, const FileStamp& stamp) const;
  /// find(), and the entry is kept for the next run as it is (a file still unchanged).
  std::optional<PluginMetadata> take(std::string_view name, const FileStamp& stamp);
  /// Keeps what was read from `name` at `stamp` for the next run (a file changed in the last
  /// seconds is not kept). Entries neither taken nor kept again this run are dropped by save().
  void keep(const std::string& name, const FileStamp& stamp, const PluginMetadata& metadata);
  /// Writes the cache when it changed, replacing the file in one rename. A cache that cannot
  /// be written is left as it was: nothing depends on it.
  void save();

 private:
  /// An entry of the file read: its metadata stays in the file's bytes until a scan asks for
  /// it, so an unchanged directory costs one parse per file and no copies.
  struct Entry {
    FileStamp stamp;
    std::string_view record;  ///< the metadata as written, within bytes_
    bool taken = false;
  };

  std::string real_dir_;
  std::string file_;   ///< the cache file's path; empty when inactive
  std::string bytes_;  ///< the cache file as read
  std::unordered_map<std::string_view, Entry> read_;  ///< names are views into bytes_
  std::size_t taken_ = 0;
  /// Entries kept this run from files read again: name -> stamp and metadata as written.
  std::map<std::string, std::pair<FileStamp, std::string>, std::less<>> fresh_;
};

}  // namespace sdm::loader
