// A password handed to libpq through a password file that exists only in memory: Poco's
// connection string cannot carry a password with spaces, and a file keeps it out of the
// connection string (and so out of Poco's uri() and its error messages) altogether.
#pragma once

#include <string>

namespace sdm::postgresql {

/// The one line of a libpq password file that gives `password` for any host, port, database
/// and user, with ':' and '\' escaped. Throws sdm::Error when the password holds a line break,
/// which the file format cannot carry.
std::string password_file_entry(const std::string& password);

/// An anonymous file (memfd, or an unnamed O_TMPFILE) readable only by this user, holding a
/// password file entry; it is gone when the object is.
class PasswordFile {
 public:
  /// Throws sdm::Error when the password cannot be written (the message never holds it).
  explicit PasswordFile(const std::string& password);
  ~PasswordFile();
  PasswordFile(const PasswordFile&) = delete;
  PasswordFile& operator=(const PasswordFile&) = delete;

  /// The path to give libpq as `passfile` (/proc/self/fd/N; no spaces).
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace sdm::postgresql
