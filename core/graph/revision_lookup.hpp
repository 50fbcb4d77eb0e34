// Revision queries as the commands run them, with errors worded the way the user sees them
// (e.g. "Can't locate revision identified by '03'").
#pragma once

#include <string>
#include <vector>

#include "graph/revision.hpp"
#include "graph/revision_iteration.hpp"

namespace sdm::graph {

class RevisionMap;

/// The revisions an argument names (`show`): ids, unique prefixes over 3 characters, `head`,
/// `heads`, `base` (none), `label@head`, `-N`, ...
std::vector<const Revision*> resolve_revisions(const RevisionMap& map,
                                               const std::string& identifier);
/// The revisions several arguments name, concatenated.
std::vector<const Revision*> resolve_revisions(const RevisionMap& map,
                                               const std::vector<std::string>& identifiers);
/// The one revision an argument names; nullptr for `base`.
const Revision* resolve_revision(const RevisionMap& map, const std::string& identifier);

/// Revisions from `head` down to `base` inclusive, newest first (`history`, `branches`).
std::vector<const Revision*> walk_revisions(const RevisionMap& map,
                                            const RevisionArgument& base = std::string("base"),
                                            const RevisionArgument& head = std::string("heads"));

/// What `current` lists for the given version table rows (see all_current()).
std::vector<const Revision*> current_revisions(const RevisionMap& map,
                                               const std::vector<std::string>& version_rows);

/// What `heads` lists: revisions nothing revises, or with `resolve_dependencies` only those
/// nothing depends on either.
std::vector<const Revision*> head_revisions(const RevisionMap& map,
                                            bool resolve_dependencies = false);

/// What `branches` lists: branch points in history order.
std::vector<const Revision*> branch_point_revisions(const RevisionMap& map);

/// The parents of a new revision based on `head` (the `revision` command); without `splice`
/// each must be a head.
std::vector<const Revision*> new_revision_parents(const RevisionMap& map,
                                                  const std::string& head = "head",
                                                  bool splice = false);
/// The parents of a new revision based on several revisions (the `merge` command).
std::vector<const Revision*> new_revision_parents(const RevisionMap& map,
                                                  const std::vector<std::string>& heads,
                                                  bool splice = false);

}  // namespace sdm::graph
