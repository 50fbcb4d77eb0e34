#include "mysql_lock_name.hpp"

#include <cstdint>
#include <cstdio>

namespace sdm::mysql {
namespace {

/// FNV-1a, 64 bits: stable across builds and versions, so every runner derives the same name.
/// Two long names that collide only make their runs wait for each other.
std::string fnv1a_hex(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace

std::string run_lock_name(const std::string& key, const std::string& database) {
  // Named locks are server-wide: the database name keeps runs on different databases apart.
  const std::string name = key + "@" + database;
  if (name.size() <= kMaxLockNameLength) return name;
  const std::string hash = fnv1a_hex(name);
  return name.substr(0, kMaxLockNameLength - hash.size() - 1) + "#" + hash;
}

}  // namespace sdm::mysql
