// Values migrations keep needing, the same on every database: a new UUID for a key column and
// the current time for a timestamp column, made in the revision's code and bound as text.
#pragma once

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>

namespace sdm {

/// A random (version 4) UUID in its 36-character text form, as Sahara's ids are.
inline std::string new_uuid() {
  static thread_local std::mt19937_64 generator{std::random_device{}()};
  std::uint64_t high = generator(), low = generator();
  high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;    // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return text;
}

/// The current UTC time as "YYYY-MM-DD HH:MM:SS", which DateTime columns take on every
/// database (SQLAlchemy stores Sahara's created_at/updated_at so).
inline std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[20];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &parts);
  return text;
}

}  // namespace sdm
