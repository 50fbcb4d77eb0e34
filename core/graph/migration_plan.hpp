// The steps `upgrade`, `downgrade` and `stamp` take from the database's current heads.
#pragma once

#include <string>
#include <vector>

#include "graph/migration_step.hpp"

namespace sdm::graph {

class RevisionMap;

/// Steps in run order, plus any warning Alembic would print about the request.
struct MigrationPlan {
  std::vector<MigrationStep> steps;
  std::vector<std::string> warnings;
};

/// Upgrade steps from `current_heads` (the version table rows) to `destination`, oldest first.
/// A destination at or below the current heads yields no steps.
MigrationPlan plan_upgrade(const RevisionMap& map, const std::string& destination,
                           const std::vector<std::string>& current_heads);

/// Downgrade steps from `current_heads` down to `destination`, newest first.
MigrationPlan plan_downgrade(const RevisionMap& map, const std::string& destination,
                             const std::vector<std::string>& current_heads);

/// Stamp steps that make the version table hold `destinations`. With `purge` the table is
/// emptied first, so the current heads are not considered.
MigrationPlan plan_stamp(const RevisionMap& map, const std::vector<std::string>& destinations,
                         const std::vector<std::string>& current_heads, bool purge = false);

}  // namespace sdm::graph
