// Runs a migration plan: records every step's ops first (loading only the revisions on the
// path), then renders and executes them through Exec with the version-table changes Alembic
// makes, in one transaction for the run or one per revision.
#pragma once

#include <string>
#include <vector>

#include "graph/migration_plan.hpp"
#include "graph/revision_map.hpp"
#include "runtime/exec.hpp"
#include "runtime/progress_log.hpp"
#include "runtime/revision_catalog.hpp"
#include "runtime/version_table.hpp"

namespace sdm::runtime {

/// How a run behaves.
struct RunOptions {
  /// Commit each revision with its version-row change instead of one transaction for the run.
  bool transaction_per_migration = false;
  /// Empty the version table before the first step (`stamp --purge`).
  bool purge_version_table = false;
  /// Run downgrade steps that would destroy data instead of refusing them.
  bool allow_data_loss = false;
  /// Create the version table even when no step needs it (`ensure_version`); an offline
  /// script then keeps the table instead of dropping it at the end.
  bool create_version_table = false;
};

/// Executes plans against one database (or one offline script).
class MigrationRunner {
 public:
  MigrationRunner(const RevisionCatalog& catalog, const graph::RevisionMap& map, Exec& exec,
                  VersionTable& versions, ProgressLog& log, RunOptions options);

  /// Runs `plan`, starting from `current_heads` (the version table rows). On failure the
  /// open transaction is rolled back and the error says which step and op failed and where
  /// the database was left.
  void run(const graph::MigrationPlan& plan, const std::vector<std::string>& current_heads);

 private:
  std::vector<Op> ops_for(const graph::MigrationStep& step) const;
  std::vector<Op> derived_downgrade(const graph::Revision& revision) const;

  const RevisionCatalog& catalog_;
  const graph::RevisionMap& map_;
  Exec& exec_;
  VersionTable& versions_;
  ProgressLog& log_;
  RunOptions options_;
};

}  // namespace sdm::runtime
