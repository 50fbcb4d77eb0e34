#include "loader/path_trust.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <system_error>

namespace sdm::loader {
namespace {

std::string user_name(uid_t uid) {
  const passwd* entry = ::getpwuid(uid);
  return entry && entry->pw_name ? entry->pw_name : "uid " + std::to_string(uid);
}

/// "nobody (uid 65534)", or "uid 4242" for a number without a name.
std::string owner_text(uid_t uid) {
  const passwd* entry = ::getpwuid(uid);
  if (entry && entry->pw_name)
    return std::string(entry->pw_name) + " (uid " + std::to_string(uid) + ")";
  return "uid " + std::to_string(uid);
}

/// Who may write besides the owner, and the chmod that stops it; nullopt when nobody may.
std::optional<std::pair<std::string, std::string>> extra_writers(mode_t mode) {
  bool group = mode & S_IWGRP, others = mode & S_IWOTH;
  if (group && others)
    return std::make_pair(std::string("its group and others"), std::string("go-w"));
  if (group) return std::make_pair(std::string("its group"), std::string("g-w"));
  if (others) return std::make_pair(std::string("others"), std::string("o-w"));
  return std::nullopt;
}

std::string writable_problem(const struct stat& st, const std::string& subject,
                             const std::string& path) {
  auto writers = extra_writers(st.st_mode);
  return subject + " is writable by " + writers->first + " (mode " + octal_mode(st.st_mode) +
         "); fix: chmod " + writers->second + " " + path;
}

}  // namespace

PathTrust::PathTrust() : PathTrust(::geteuid()) {}
PathTrust::PathTrust(uid_t user) : user_(user) {}

std::optional<std::string> PathTrust::owner_problem(const struct stat& st,
                                                    const std::string& subject,
                                                    const std::string& fix) const {
  if (st.st_uid == 0 || st.st_uid == user_) return std::nullopt;
  std::string trusted = user_ == 0 ? "root" : "root or " + user_name(user_);
  return subject + " is owned by " + owner_text(st.st_uid) + ", not by " + trusted +
         "; fix: " + fix;
}

std::optional<std::string> PathTrust::file_problem(const struct stat& st,
                                                   const std::string& path) const {
  if (auto problem = owner_problem(
          st, path, "chown root " + path + " if you trust its content, else remove it"))
    return problem;
  if (extra_writers(st.st_mode)) return writable_problem(st, path, path);
  return std::nullopt;
}

std::optional<std::string> PathTrust::link_problem(const struct stat& st,
                                                   const std::string& path) const {
  return owner_problem(st, "symbolic link " + path,
                       "chown -h root " + path + " if you trust where it points, else remove it");
}

std::optional<std::string> PathTrust::own_directory_problem(const std::string& dir) const {
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0)
    return "directory " + dir + " cannot be examined: " + std::strerror(errno);
  // The path was resolved just before; a link here means it changed while being checked.
  if (S_ISLNK(st.st_mode))
    return dir + " became a symbolic link while it was being checked; try again";
  if (!S_ISDIR(st.st_mode)) return dir + " is not a directory";
  const std::string subject = "directory " + dir;
  if (auto problem =
          owner_problem(st, subject, "chown root " + dir + " if you trust everything in it"))
    return problem;
  if (!extra_writers(st.st_mode)) return std::nullopt;
  // Sticky: others may add entries, never replace ours; what they add is owned by them.
  if (st.st_mode & S_ISVTX) return std::nullopt;
  return writable_problem(st, subject, dir);
}

std::optional<std::string> PathTrust::directory_problem(const std::string& real_dir) {
  if (auto known = directories_.find(real_dir); known != directories_.end()) return known->second;
  std::optional<std::string> problem;
  // The problem nearest to / is the one to report: fixing a lower one would not help.
  if (real_dir != "/") problem = directory_problem(parent_directory(real_dir));
  if (!problem) problem = own_directory_problem(real_dir);
  directories_.emplace(real_dir, problem);
  return problem;
}

std::optional<std::string> PathTrust::path_problem(const std::string& path) {
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0)
    return path + " cannot be examined: " + std::strerror(errno);
  if (S_ISLNK(link.st_mode)) {
    if (auto problem = link_problem(link, path)) return problem;
  }
  std::string target;
  try {
    target = resolved_path(path);
  } catch (const std::system_error& e) {
    return path + " cannot be resolved: " + e.code().message();
  }
  if (auto problem = directory_problem(parent_directory(target))) return problem;
  struct stat st {};
  if (::lstat(target.c_str(), &st) != 0)
    return target + " cannot be examined: " + std::strerror(errno);
  return file_problem(st, target);
}

std::string resolved_path(const std::string& path) {
  std::unique_ptr<char, void (*)(void*)> resolved(::realpath(path.c_str(), nullptr), &std::free);
  if (!resolved) throw std::system_error(errno, std::generic_category(), path);
  return resolved.get();
}

std::string parent_directory(const std::string& absolute_path) {
  auto slash = absolute_path.find_last_of('/');
  if (slash == std::string::npos || slash == 0) return "/";
  return absolute_path.substr(0, slash);
}

std::string octal_mode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

}  // namespace sdm::loader
