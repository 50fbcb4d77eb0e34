// Opening a plugin file before anything in it is read: only regular files are opened (a FIFO
// or a device named *.so never is), symbolic links are resolved and their target's whole path
// checked, who can change the file is judged on the open descriptor, and nothing can block.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <cstdint>
#include <string>

#include "loader/path_trust.hpp"
#include "loader/unique_fd.hpp"

namespace sdm::loader {

/// A directory entry's kind, from readdir's d_type where the file system provides it.
enum class EntryType { Regular, Symlink, Directory, Other, Unknown };

/// Which file was judged: loading refuses any other.
struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileIdentity& other) const {
    return device == other.device && inode == other.inode;
  }
};

/// One version of a file's content, as stat(2) tells it apart: any write sets the change time,
/// which no user can set back (see ScanCache).
struct FileStamp {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;
  std::int64_t changed_ns = 0;

  static FileStamp of(const struct stat& st);
  bool operator==(const FileStamp& other) const;
};

/// A candidate that passed the checks, open for reading.
struct OpenedCandidate {
  std::string real_path;  ///< symbolic links resolved: the file that is read and loaded
  UniqueFd fd;
  FileIdentity identity;
  std::uint64_t size = 0;  ///< from the one fstat of the open descriptor
  FileStamp stamp;         ///< from the same fstat
  std::string trust_note;  ///< why it is untrusted, when trust is not enforced
};

/// Opens `location` (an entry, of kind `type`, of a directory already resolved and judged).
/// Throws RejectedPlugin for anything but a regular file or a link to one, and, when
/// `enforce_trust`, for a file (or link, or target directory) others can change.
OpenedCandidate open_candidate(const std::string& location, EntryType type, PathTrust& trust,
                               bool enforce_trust);

/// Opens the file a candidate was judged as, for loading; throws RejectedPlugin when the path
/// now names another file.
UniqueFd reopen_candidate(const std::string& real_path, const FileIdentity& identity);
/// reopen_candidate() without keeping the file open (one lstat): for a load that reads
/// nothing from the file itself.
void check_candidate_unchanged(const std::string& real_path, const FileIdentity& identity);

}  // namespace sdm::loader
