// The name of the run lock on a MySQL/MariaDB server.
#pragma once

#include <cstddef>
#include <string>

namespace sdm::mysql {

/// MySQL and MariaDB refuse longer lock names.
constexpr std::size_t kMaxLockNameLength = 64;

/// The server-wide lock name for the host's `key` on `database`: "<key>@<database>", or, when
/// that is longer than kMaxLockNameLength, its first characters, '#' and a hash of the whole.
std::string run_lock_name(const std::string& key, const std::string& database);

}  // namespace sdm::mysql
