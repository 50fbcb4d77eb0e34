#include "loader/plugin_candidate.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "loader/plugin_file.hpp"

namespace sdm::loader {
namespace {

/// O_NOFOLLOW: the path was resolved already, a link now means it changed. O_NONBLOCK: a file
/// swapped for a FIFO after the type check must not hang the host.
constexpr int kOpenFlags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;

const char* type_text(mode_t mode) {
  switch (mode & S_IFMT) {
    case S_IFIFO:
      return "a FIFO (named pipe)";
    case S_IFSOCK:
      return "a socket";
    case S_IFCHR:
      return "a character device";
    case S_IFBLK:
      return "a block device";
    case S_IFDIR:
      return "a directory";
    case S_IFLNK:
      return "a symbolic link";
    default:
      return "not a regular file";
  }
}

[[noreturn]] void not_regular(mode_t mode, const std::string& prefix) {
  throw RejectedPlugin(prefix + type_text(mode) +
                       ", not a regular file: only regular files are plugins; remove it");
}

std::int64_t nanoseconds(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

std::string errno_text() {
  return std::strerror(errno);
}

}  // namespace

OpenedCandidate open_candidate(const std::string& location, EntryType type, PathTrust& trust,
                               bool enforce_trust) {
  OpenedCandidate candidate;
  std::string context;  // names the link's target in reasons about it
  auto distrust = [&](const std::string& problem) {
    if (enforce_trust) throw RejectedPlugin("untrusted" + context + ": " + problem);
    if (candidate.trust_note.empty()) candidate.trust_note = problem;
  };

  struct stat st {};
  if (type != EntryType::Regular) {
    if (::lstat(location.c_str(), &st) != 0)
      throw RejectedPlugin("cannot be read: " + errno_text());
    type = S_ISREG(st.st_mode)   ? EntryType::Regular
           : S_ISLNK(st.st_mode) ? EntryType::Symlink
                                 : EntryType::Other;
  }
  if (type == EntryType::Other) not_regular(st.st_mode, "is ");

  std::string target = location;
  if (type == EntryType::Symlink) {
    if (auto problem = trust.link_problem(st, location)) distrust(*problem);
    try {
      target = resolved_path(location);
    } catch (const std::system_error& e) {
      throw RejectedPlugin("is a symbolic link that cannot be followed: " + e.code().message());
    }
    context = " (a link to " + target + ")";
    if (auto problem = trust.directory_problem(parent_directory(target))) distrust(*problem);
    if (::stat(target.c_str(), &st) != 0)
      throw RejectedPlugin("links to " + target + ", which cannot be read: " + errno_text());
    if (!S_ISREG(st.st_mode)) not_regular(st.st_mode, "links to " + target + ", which is ");
  }

  candidate.fd = UniqueFd(::open(target.c_str(), kOpenFlags));
  if (!candidate.fd) throw RejectedPlugin("cannot be read: " + errno_text());
  if (::fstat(candidate.fd.get(), &st) != 0)
    throw RejectedPlugin("cannot be read: " + errno_text());
  if (!S_ISREG(st.st_mode)) not_regular(st.st_mode, "is now ");
  if (auto problem = trust.file_problem(st, target)) distrust(*problem);
  candidate.real_path = target;
  candidate.identity = {st.st_dev, st.st_ino};
  candidate.size = static_cast<std::uint64_t>(st.st_size);
  candidate.stamp = FileStamp::of(st);
  return candidate;
}

FileStamp FileStamp::of(const struct stat& st) {
  return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
          static_cast<std::uint64_t>(st.st_size), nanoseconds(st.st_mtim), nanoseconds(st.st_ctim)};
}

bool FileStamp::operator==(const FileStamp& other) const {
  return device == other.device && inode == other.inode && size == other.size &&
         modified_ns == other.modified_ns && changed_ns == other.changed_ns;
}

namespace {

void refuse_if_replaced(const struct stat& st, const std::string& real_path,
                        const FileIdentity& identity) {
  if (!S_ISREG(st.st_mode) || !(FileIdentity{st.st_dev, st.st_ino} == identity))
    throw RejectedPlugin(real_path +
                         " was replaced after it was checked and before it was loaded; run the "
                         "command again");
}

}  // namespace

UniqueFd reopen_candidate(const std::string& real_path, const FileIdentity& identity) {
  UniqueFd fd(::open(real_path.c_str(), kOpenFlags));
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0) throw RejectedPlugin("cannot be read: " + errno_text());
  refuse_if_replaced(st, real_path, identity);
  return fd;
}

void check_candidate_unchanged(const std::string& real_path, const FileIdentity& identity) {
  struct stat st {};
  if (::lstat(real_path.c_str(), &st) != 0) throw RejectedPlugin("cannot be read: " + errno_text());
  refuse_if_replaced(st, real_path, identity);  // a link there now is not a regular file
}

}  // namespace sdm::loader
