// Runs a migration plan: records every step's ops first (loading only the revisions on the
// path), then renders and executes them through Exec with the version-table changes Alembic
// makes, in one transaction for the run or one per revision. Where DDL commits itself (MySQL)
// each step's progress goes to the side table statement by statement, so a run that dies is
// finished by running the same command again, and one that goes the other way first undoes
// what ran.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/migration_plan.hpp"
#include "graph/revision_map.hpp"
#include "runtime/data_loss_check.hpp"
#include "runtime/exec.hpp"
#include "runtime/live_table_check.hpp"
#include "runtime/progress_log.hpp"
#include "runtime/progress_table.hpp"
#include "runtime/revision_catalog.hpp"
#include "runtime/step_position.hpp"
#include "runtime/step_settlement.hpp"
#include "runtime/version_table.hpp"
#include "schema/schema_model.hpp"

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
  /// `progress` keeps each step's progress (online, where DDL commits itself); nullptr where
  /// transactions cover whole steps (or offline).
  MigrationRunner(const RevisionCatalog& catalog, const graph::RevisionMap& map, Exec& exec,
                  VersionTable& versions, ProgressLog& log, RunOptions options,
                  ProgressTable* progress = nullptr);

  /// Runs `plan`, starting from `version_rows` (the version table rows). With `interrupted`
  /// (the record of a step a run did not finish), the plan must start with that step, which
  /// resumes where the live schema shows it stopped, or with its opposite, made from
  /// heads_once_done(), which undoes what ran. On failure the open transaction is rolled back
  /// and the error says which step and op failed, where the database was left, and how to
  /// recover.
  void run(const graph::MigrationPlan& plan, const std::vector<std::string>& version_rows,
           const std::optional<StepProgress>& interrupted = std::nullopt);

 private:
  /// Where the first step starts, when it continues an interrupted one.
  struct Continuation;

  std::vector<Op> ops_for(const graph::MigrationStep& step) const;
  /// What each revision's upgrade()/downgrade() is told: the dialect, and whether offline.
  RecordingContext recording() const;
  /// Offline: refuses a plan with a code step that gives no SQL for a script, naming it.
  void refuse_online_only_steps(const graph::MigrationPlan& plan,
                                const std::vector<std::vector<Op>>& step_ops) const;
  std::vector<Op> derived_downgrade(const graph::Revision& revision) const;
  Continuation continue_interrupted(const graph::MigrationPlan& plan, const StepProgress& stopped,
                                    const std::vector<Op>& plan_ops,
                                    const schema::SchemaModel& start,
                                    const std::vector<std::string>& rows);
  /// settle_interrupted(), or a DatabaseError with the ways on when the live schema leaves
  /// the step undecided (`rows` and `rows_when_done`: the version table before and after).
  Settled settle(const InterruptedOps& interrupted, const std::vector<std::string>& rows,
                 const std::vector<std::string>& rows_when_done);
  /// Runs one op from `first_statement` on; with a progress table, records progress after
  /// each statement (after the whole op, in its transaction, for a data op).
  void run_op(const std::vector<Op>& ops, int index, int first_statement,
              schema::SchemaModel& model, bool undoing);
  void record(StepPosition position, bool undoing);
  /// Makes the deferred data-loss checks of op `op` of step `step`, if any; throws the loss.
  void check_data_before(std::size_t step, std::size_t op);

  const RevisionCatalog& catalog_;
  const graph::RevisionMap& map_;
  Exec& exec_;
  VersionTable& versions_;
  ProgressLog& log_;
  RunOptions options_;
  ProgressTable* progress_;
  StepPosition reached_;  // what completed of the step running now
  /// Online, during run(): the check of tables a dialect restates against the live database.
  std::optional<LiveTableCheck> live_;
  /// During run(): data-loss checks made right before their op (see find_data_loss).
  std::vector<DeferredDataCheck> deferred_checks_;
};

}  // namespace sdm::runtime
