#include "cli/password_exposure.hpp"

#include <sys/stat.h>

#include <system_error>

#include "loader/path_trust.hpp"

namespace sdm::cli {

std::optional<std::string> password_readable_by_others(const std::string& file) {
  std::string real;
  try {
    real = loader::resolved_path(file);
  } catch (const std::system_error&) {
    return std::nullopt;  // it was just read; if it vanished there is nothing left to protect
  }
  struct stat st {};
  if (::stat(real.c_str(), &st) != 0 || !(st.st_mode & S_IROTH)) return std::nullopt;
  // A directory that others cannot pass through protects the file whatever its mode.
  for (std::string dir = loader::parent_directory(real);; dir = loader::parent_directory(dir)) {
    struct stat dir_st {};
    if (::stat(dir.c_str(), &dir_st) != 0 || !(dir_st.st_mode & S_IXOTH)) return std::nullopt;
    if (dir == "/") break;
  }
  return file + " holds the database password and is readable by others (mode " +
         loader::octal_mode(st.st_mode) + "); fix: chmod o-r " + file;
}

}  // namespace sdm::cli
