#include "postgresql/password_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sdm/error.hpp"

namespace sdm::postgresql {
namespace {

int anonymous_private_file() {
  int fd = ::memfd_create("sahara-db-manage-pgpass", MFD_CLOEXEC);
  // memfd_create can be blocked (seccomp) or missing; an unnamed file in /tmp works as well.
  if (fd < 0) fd = ::open("/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, S_IRUSR | S_IWUSR);
  return fd;
}

}  // namespace

std::string password_file_entry(const std::string& password) {
  if (password.find_first_of("\r\n") != std::string::npos)
    throw Error(
        "postgresql: the password contains a line break, which libpq's password file cannot "
        "carry");
  std::string entry = "*:*:*:*:";
  for (char c : password) {
    if (c == ':' || c == '\\') entry += '\\';
    entry += c;
  }
  return entry + "\n";
}

PasswordFile::PasswordFile(const std::string& password) {
  const std::string entry = password_file_entry(password);
  fd_ = anonymous_private_file();
  if (fd_ < 0)
    throw Error(std::string("postgresql: cannot create a private file to hand the password to "
                            "libpq: ") +
                std::strerror(errno));
  // libpq ignores a password file that the group or others may read.
  bool written = ::fchmod(fd_, S_IRUSR | S_IWUSR) == 0;
  std::size_t done = 0;
  while (written && done < entry.size()) {
    ssize_t n = ::write(fd_, entry.data() + done, entry.size() - done);
    if (n < 0 && errno == EINTR) continue;
    written = n > 0;
    if (written) done += static_cast<std::size_t>(n);
  }
  if (!written) {
    const int error = errno;
    ::close(fd_);
    throw Error(std::string("postgresql: cannot write the password file for libpq: ") +
                std::strerror(error));
  }
  // libpq opens the path anew, so it reads from the start whatever this descriptor's offset.
  path_ = "/proc/self/fd/" + std::to_string(fd_);
}

PasswordFile::~PasswordFile() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace sdm::postgresql
