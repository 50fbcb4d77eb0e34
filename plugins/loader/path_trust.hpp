// Who can change a file: the rules sudo and PAM apply before they trust one. The file and every
// directory from / down to it must be owned by root or by the user running the tool, and must
// not be writable by its group or by others. The one exception is a sticky directory (such as
// /tmp) owned by root or that user: others may add entries there but cannot replace one they do
// not own, and what they add is owned by them and so refused.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <map>
#include <optional>
#include <string>

namespace sdm::loader {

/// Applies the trust rules, remembering each directory's verdict so that a directory shared by
/// thousands of plugins is examined once.
class PathTrust {
 public:
  /// Trusts root and the effective user of this process.
  PathTrust();
  /// Trusts root and `user`.
  explicit PathTrust(uid_t user);

  /// Why the directory `real_dir` (absolute, without symbolic links) or one above it is
  /// untrusted, or nullopt. The reason names the directory and says how to fix it.
  std::optional<std::string> directory_problem(const std::string& real_dir);

  /// Why a file with status `st` at `path` is untrusted (its owner or mode), or nullopt.
  std::optional<std::string> file_problem(const struct stat& st, const std::string& path) const;

  /// Why a symbolic link with status `st` at `path` is untrusted (its owner), or nullopt.
  std::optional<std::string> link_problem(const struct stat& st, const std::string& path) const;

  /// Why the file at `path` is untrusted, or nullopt: a symbolic link's owner, then every
  /// directory above its resolved target, then the target itself. A path that cannot be
  /// resolved or examined is a problem too.
  std::optional<std::string> path_problem(const std::string& path);

 private:
  std::optional<std::string> owner_problem(const struct stat& st, const std::string& subject,
                                           const std::string& fix) const;
  std::optional<std::string> own_directory_problem(const std::string& dir) const;

  uid_t user_;
  std::map<std::string, std::optional<std::string>> directories_;
};

/// `path` with every symbolic link resolved and made absolute (realpath(3)); throws
/// std::system_error when that fails.
std::string resolved_path(const std::string& path);

/// The directory part of an absolute path ("/" for "/x").
std::string parent_directory(const std::string& absolute_path);

/// `mode`'s permission bits as four octal digits, e.g. "0755" or "1777".
std::string octal_mode(mode_t mode);

}  // namespace sdm::loader
