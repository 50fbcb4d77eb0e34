// The schema a set of heads stands for, from replaying the upgrade ops of every ancestor.
// It gives the SQLite rebuild and MySQL's MODIFY the definitions they need, online and
// offline alike, and gives derived downgrades the state before a revision.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "graph/revision_map.hpp"
#include "runtime/revision_catalog.hpp"
#include "sdm/schema.hpp"

namespace sdm::runtime {

/// Replays the upgrades of `heads` and all their ancestors (parents and dependencies), oldest
/// first. Loads those revision plugins (to record ops only; nothing touches a database).
/// `context` is what each upgrade() is told (per-dialect ops replay as the dialect records them).
/// `unknown` (when given) gets the tables raw SQL changed without declaring how, which the
/// result leaves out.
Schema replay_schema(const RevisionCatalog& catalog, const graph::RevisionMap& map,
                     const std::vector<std::string>& heads, const RecordingContext& context = {},
                     std::set<std::string>* unknown = nullptr);

}  // namespace sdm::runtime
