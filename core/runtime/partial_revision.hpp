// What to tell the operator when a revision step stops part-way on a database whose DDL
// commits itself (MySQL): which ops ran and stay, where the progress record stands, and the
// exact ways out: run the same command again (it resumes), undo what ran (by command or by
// hand, as SQL), or finish by hand and record it with `stamp`.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "graph/migration_step.hpp"
#include "runtime/dialect_handle.hpp"
#include "runtime/step_position.hpp"
#include "schema/schema_model.hpp"

namespace sdm::runtime {

/// A revision step that stopped part-way.
struct PartialRevision {
  const graph::MigrationStep& step;
  const std::vector<Op>& ops;               ///< the step's ops
  StepPosition stopped;                     ///< what completed: ops, and statements of the next one
  const schema::SchemaModel& start;         ///< the schema before ops[0] (every table known)
  std::vector<std::string> recorded_heads;  ///< what the version table still says
  std::vector<std::string> heads_when_done;  ///< what it would say had the step finished
  /// The statement at `stopped` may have run: the connection was lost while it ran.
  bool outcome_unknown = false;
  /// A progress record says where the step stopped, so the same command resumes it.
  bool resumable = false;
  /// The command that undoes what ran ("sahara-db-manage downgrade 006"); empty when none
  /// can be given.
  std::string undo_command;
  /// The live tables show one more statement done than the progress record said (a run that
  /// kept no record stopped past it): `stopped` counts it, and the record says so now.
  bool adopted = false;
  /// The live tables match no state of the step near `stopped`: what was compared and how
  /// they differ.
  std::string unexpected;
};

/// The sentence for the FAILED line, and the recovery lines printed after it.
std::pair<std::string, std::string> describe_partial_revision(const PartialRevision& partial,
                                                              const DialectHandle& dialect);

/// The SQL that undoes the ops that ran up to `stopped`, one indented statement a line (or a
/// comment naming what cannot be undone automatically).
std::string undo_sql(const std::vector<Op>& ops, StepPosition stopped,
                     const schema::SchemaModel& start, const DialectHandle& dialect);

/// The SQL that finishes the ops from `stopped` on, one indented statement a line.
std::string finish_sql(const std::vector<Op>& ops, StepPosition stopped,
                       const schema::SchemaModel& start, const DialectHandle& dialect);

/// `sahara-db-manage stamp <heads>` ("base" for none).
std::string stamp_command(const std::vector<std::string>& heads);

}  // namespace sdm::runtime
