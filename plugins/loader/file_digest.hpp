// The SHA-256 digest of an open file, as `sha256sum` prints it.
#pragma once

#include <string>

namespace sdm::loader {

/// The SHA-256 of everything in the open file `fd` (read from offset 0), in lowercase hex.
/// Throws RejectedPlugin when the file cannot be read.
std::string sha256_hex(int fd);

}  // namespace sdm::loader
