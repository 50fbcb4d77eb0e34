// One step of a migration run: apply or undo one revision, or move the version table (stamp).
#pragma once

#include <string>
#include <vector>

#include "graph/revision.hpp"

namespace sdm::graph {

/// A planned step, with the revision lists Alembic reports and the version table needs.
struct MigrationStep {
  /// Running a revision's callback, or only moving the version table.
  enum class Kind { Revision, Stamp };

  Kind kind = Kind::Revision;
  bool is_upgrade = true;              ///< the step goes up the graph
  const Revision* revision = nullptr;  ///< the revision run (Revision steps only)
  bool branch_move = false;            ///< a stamp that adds or removes a whole branch
  /// Versions before and after the step, counting dependencies.
  std::vector<std::string> from_revisions;
  std::vector<std::string> to_revisions;
  /// The same without dependencies; these are what the log line shows.
  std::vector<std::string> from_revisions_no_deps;
  std::vector<std::string> to_revisions_no_deps;

  /// Runs `revision`'s upgrade.
  static MigrationStep upgrade(const Revision& revision);
  /// Runs `revision`'s downgrade.
  static MigrationStep downgrade(const Revision& revision);
  /// Moves the version table from `from` to `to` without running anything.
  static MigrationStep stamp(std::vector<std::string> from, std::vector<std::string> to,
                             bool is_upgrade, bool branch_move);

  /// The step goes down the graph.
  bool is_downgrade() const { return !is_upgrade; }
  /// "upgrade", "downgrade" or "stamp_revision".
  std::string name() const;
  /// The revision's message; empty for a stamp.
  std::string doc() const;
  /// `<name> <from> -> <to>`, as written after "-- Running " in offline SQL.
  std::string short_log() const;
  /// `<name> <from> -> <to>, <doc>`, as logged after "Running ".
  std::string log_text() const;
};

}  // namespace sdm::graph
