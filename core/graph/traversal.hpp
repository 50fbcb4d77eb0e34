// Walking the revision graph along one kind of link, and ordering revisions for a run.
#pragma once

#include <cstddef>
#include <vector>

namespace sdm::graph {

class RevisionMap;

/// Which links a walk follows.
enum class Link {
  Parents,            ///< down_revision only
  NormalizedParents,  ///< down_revision plus dependencies not inherited from ancestors
  AllParents,         ///< down_revision plus every dependency
  Children,           ///< revisions whose down_revision names this one
  AllChildren,        ///< revisions naming this one as down_revision or depends_on
};

/// The targets and everything reachable from them along `link`, depth first in Alembic's visit
/// order. With `check_overlap`, a target reachable from another target is an error ("Requested
/// revision X overlaps with other requested revisions Y").
std::vector<std::size_t> related_revisions(const RevisionMap& map,
                                           const std::vector<std::size_t>& targets, Link link,
                                           bool check_overlap = false);

/// The targets and their ancestors; with dependencies means along NormalizedParents.
std::vector<std::size_t> ancestors(const RevisionMap& map, const std::vector<std::size_t>& targets,
                                   bool include_dependencies, bool check_overlap = false);

/// The targets and their descendants; with dependencies means along AllChildren.
std::vector<std::size_t> descendants(const RevisionMap& map,
                                     const std::vector<std::size_t>& targets,
                                     bool include_dependencies, bool check_overlap = false);

/// A membership flag per revision for the given indices.
std::vector<char> membership(const RevisionMap& map, const std::vector<std::size_t>& indices);

/// Orders `members` (flags per revision) from the given heads downwards so every revision comes
/// before its parents and dependencies, exactly as Alembic's topological sort does.
std::vector<std::size_t> topological_sort(const RevisionMap& map, std::vector<char> members,
                                          const std::vector<std::size_t>& heads);

}  // namespace sdm::graph
