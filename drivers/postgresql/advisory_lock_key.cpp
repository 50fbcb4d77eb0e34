#include "postgresql/advisory_lock_key.hpp"

#include <cstring>

namespace sdm::postgresql {
namespace {

std::int32_t fnv1a(const std::string& text) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  std::int32_t value;
  std::memcpy(&value, &hash, sizeof value);
  return value;
}

}  // namespace

AdvisoryLockKey advisory_lock_key(const std::string& database, const std::string& key) {
  return AdvisoryLockKey{fnv1a(database), fnv1a(key)};
}

std::uint32_t as_oid(std::int32_t key_part) {
  std::uint32_t oid;
  std::memcpy(&oid, &key_part, sizeof oid);
  return oid;
}

}  // namespace sdm::postgresql
