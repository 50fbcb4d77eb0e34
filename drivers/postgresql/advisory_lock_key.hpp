// The key of the run lock as PostgreSQL's two-int4 advisory lock key.
#pragma once

#include <cstdint>
#include <string>

namespace sdm::postgresql {

/// pg_advisory_lock(database, name): in pg_locks, classid and objid (objsubid 2).
struct AdvisoryLockKey {
  std::int32_t database = 0;
  std::int32_t name = 0;
};

/// FNV-1a (32 bit) of the database name and of the host's lock key. Computed here rather than
/// with the server's hashtext(), whose values are not promised to stay the same across
/// PostgreSQL versions.
AdvisoryLockKey advisory_lock_key(const std::string& database, const std::string& key);

/// The key as pg_locks shows it: an oid, i.e. the int4 read as unsigned.
std::uint32_t as_oid(std::int32_t key_part);

}  // namespace sdm::postgresql
