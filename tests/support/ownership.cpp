#include "support/ownership.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "support/process.hpp"

namespace sdm::test {
namespace {

/// lchown as root; through passwordless sudo otherwise.
void change_owner(const std::string& path, uid_t uid) {
  if (::geteuid() == 0) {
    if (::lchown(path.c_str(), uid, static_cast<gid_t>(-1)) != 0)
      throw std::runtime_error("cannot set up the placement: chown " + path + ": " +
                               std::strerror(errno));
    return;
  }
  auto r = run_process("/usr/bin/sudo", {"-n", "chown", "-h", std::to_string(uid), path});
  if (r.exit_code != 0)
    throw std::runtime_error("cannot set up the placement: giving " + path +
                             " to another user needs root or passwordless sudo: " + r.err);
}

}  // namespace

uid_t nobody_uid() {
  const passwd* entry = ::getpwnam("nobody");
  if (entry == nullptr) throw std::runtime_error("cannot set up the placement: no user nobody");
  return entry->pw_uid;
}

ForeignOwnership::~ForeignOwnership() {
  for (auto it = given_.rbegin(); it != given_.rend(); ++it) {
    try {
      change_owner(*it, ::geteuid());
    } catch (const std::exception&) {
      // The sandbox may keep a file; the test itself has already reported what it found.
    }
  }
}

void ForeignOwnership::give_to_nobody(const std::string& path) {
  change_owner(path, nobody_uid());
  given_.push_back(path);
}

void set_mode(const std::string& path, mode_t mode) {
  if (::chmod(path.c_str(), mode) != 0)
    throw std::runtime_error("cannot set up the placement: chmod " + path + ": " +
                             std::strerror(errno));
}

}  // namespace sdm::test
