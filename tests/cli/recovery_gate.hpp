// The every_op_kind fixture scenario on MySQL, made to stop part-way: a revision's op fails
// while the gate table it needs is missing. Shared by the tests of resuming such a revision and of
// the recovery SQL the tool prints for it.
#pragma once

#include <string>

#include "cli/backend_target.hpp"

namespace sdm::test {

/// The first revision of the every_op_kind scenario.
inline const std::string kOkBase = "ok0000000000";

/// Creates the gate table, after which the op that stopped succeeds.
inline const std::string kGateTable = "CREATE TABLE recovery_gate (id INTEGER);\n";

/// Whether the tool's progress table is in the target's database.
inline bool has_progress_table(const Target& t) {
  for (const auto& name : t.db.tables())
    if (name == "sahara_db_manage_progress") return true;
  return false;
}

}  // namespace sdm::test
