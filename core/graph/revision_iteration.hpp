// Which revisions lie between two points of the graph, in the order a run visits them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "graph/revision.hpp"
#include "graph/revision_spec.hpp"

namespace sdm::graph {

class RevisionMap;

/// One end of a revision range: an argument as typed, or a list of revision ids (such as the
/// rows of the version table). An empty list means the base.
using RevisionArgument = std::variant<std::string, std::vector<std::string>>;

/// How Python's `%s` prints an argument (a string as is, a list as a tuple), used in messages.
std::string describe_argument(const RevisionArgument& argument);

/// Options of a range walk.
struct IterationOptions {
  bool implicit_base = false;          ///< also take in branches not above the lower end
  bool inclusive = false;              ///< include the lower end itself
  bool assert_relative_length = true;  ///< a relative step running off the graph is an error
  bool select_for_downgrade = false;   ///< collect what must be undone to reach `lower`
};

/// The revisions between `upper` and `lower`, newest first (the reverse of upgrade order).
/// Downgrade-style warnings Alembic prints go to `warnings` when given.
std::vector<const Revision*> iterate_revisions(const RevisionMap& map,
                                               const RevisionArgument& upper,
                                               const RevisionArgument& lower,
                                               const IterationOptions& options,
                                               std::vector<std::string>* warnings = nullptr);

/// The revisions an upgrade target names, relative forms (`+2`, `rev-1`, `label@+1`) counted
/// from `current`.
std::vector<ResolvedRevision> parse_upgrade_target(const RevisionMap& map,
                                                   const RevisionArgument& current,
                                                   const std::string& target,
                                                   bool assert_relative_length);

/// A downgrade target: the branch label it was narrowed to and the revision (or base).
struct DowngradeTarget {
  std::optional<std::string> branch_label;
  ResolvedRevision revision;
};

/// The revision a downgrade target names, relative forms (`-1`, `label@-1`, `rev+1`) counted
/// from `current`.
DowngradeTarget parse_downgrade_target(const RevisionMap& map, const RevisionArgument& current,
                                       const std::optional<std::string>& target,
                                       bool assert_relative_length,
                                       std::vector<std::string>* warnings = nullptr);

}  // namespace sdm::graph
