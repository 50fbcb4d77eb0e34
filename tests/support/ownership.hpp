// Files that belong to someone else, for the plugin trust tests: chown(2) as root, otherwise
// `sudo -n chown`. A placement that cannot be set up throws, so its test fails, never skips.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace sdm::test {

/// The uid of `nobody`; throws when the system has no such user.
uid_t nobody_uid();

/// Hands paths to `nobody` (symbolic links themselves, not their targets), and every one of
/// them back to the user running the tests when it goes out of scope, so the sandbox can be
/// removed.
class ForeignOwnership {
 public:
  ForeignOwnership() = default;
  ~ForeignOwnership();
  ForeignOwnership(const ForeignOwnership&) = delete;
  ForeignOwnership& operator=(const ForeignOwnership&) = delete;

  /// Gives `path` to nobody; throws std::runtime_error saying why when it cannot.
  void give_to_nobody(const std::string& path);

 private:
  std::vector<std::string> given_;
};

/// chmod(2) that throws std::runtime_error naming the path when it fails.
void set_mode(const std::string& path, mode_t mode);

}  // namespace sdm::test
