// Turning revision arguments (ids, prefixes, symbols, labels, relative steps) into revisions,
// with Alembic's RevisionMap semantics. These raise the detailed errors of revision_errors.hpp;
// revision_lookup.hpp words them the way commands do.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/revision.hpp"

namespace sdm::graph {

class RevisionMap;

/// One entry of a resolved revision list. A relative walk can also end at the symbolic base
/// below every revision, or nowhere when it runs off the graph.
struct ResolvedRevision {
  const Revision* revision = nullptr;
  bool is_base = false;

  static ResolvedRevision of(const Revision* revision) { return {revision, false}; }
  static ResolvedRevision base() { return {nullptr, true}; }
  static ResolvedRevision none() { return {nullptr, false}; }
  /// Neither a revision nor the base.
  bool is_none() const { return revision == nullptr && !is_base; }
};

/// A relative target: `[label@][symbol](+|-)digits`, matched at the start of the text like
/// Alembic's `(?:(.+?)@)?(\w+)?((?:\+|-)\d+)`.
struct RelativeTarget {
  std::optional<std::string> branch_label;
  std::optional<std::string> symbol;
  std::string relative;  ///< the signed digits as typed, e.g. "+2" or "-01"
  long long steps = 0;   ///< their value, saturated for absurdly long numbers
};

/// The relative target at the start of `text`, if there is one.
std::optional<RelativeTarget> match_relative_target(std::string_view text);

/// An identifier split into the revision ids it stands for and the label before `@`.
struct IdentifierParts {
  std::vector<std::string> ids;
  std::optional<std::string> branch_label;
};

/// Expands `head`, `heads`, `base` and `label@...`; other names pass through unresolved.
/// `std::nullopt` stands for "no identifier" (the base).
IdentifierParts resolve_revision_number(const RevisionMap& map,
                                        std::optional<std::string_view> identifier);

/// Every revision one argument names (`heads` may name several, `base` none; `-N` walks down
/// from each head).
std::vector<ResolvedRevision> get_revisions(const RevisionMap& map, std::string_view identifier);
/// The revisions named by each identifier, concatenated.
std::vector<ResolvedRevision> get_revisions(const RevisionMap& map,
                                            const std::vector<std::string>& identifiers);

/// The one revision an argument names; nullptr for the base. Several is MultipleHeadsError.
const Revision* get_revision(const RevisionMap& map, std::string_view identifier);

/// An exact id or label, else a unique prefix longer than 3 characters; checked against the
/// branch `check_branch` names when given. `std::nullopt` is the base (nullptr).
const Revision* revision_for_ident(const RevisionMap& map,
                                   std::optional<std::string_view> identifier,
                                   std::optional<std::string_view> check_branch = std::nullopt);

/// The revision a branch name stands for: a label, or any revision identifier.
const Revision* resolve_branch(const RevisionMap& map, std::string_view branch);

/// The single head, optionally of one branch; MultipleHeadsError when there are several.
std::optional<std::size_t> get_current_head(
    const RevisionMap& map, std::optional<std::string_view> branch_label = std::nullopt);

/// The targets that are an ancestor or descendant of what `check_against` names.
std::vector<std::size_t> filter_for_lineage(const RevisionMap& map,
                                            const std::vector<std::size_t>& targets,
                                            std::string_view check_against,
                                            bool include_dependencies = false);

/// True when one of `others` is an ancestor or descendant of `target` (or `target` itself).
bool shares_lineage(const RevisionMap& map, std::size_t target,
                    const std::vector<const Revision*>& others, bool include_dependencies);

/// Moves `steps` revisions up (positive) or down (negative) from `start`. Several ways to go is
/// "Ambiguous walk". Running off the graph gives none() when `no_overwalk`, else stops there.
ResolvedRevision walk(const RevisionMap& map, ResolvedRevision start, long long steps,
                      std::optional<std::string_view> branch_label, bool no_overwalk);

/// What is effectively applied when the version table holds `ids`: those revisions plus the
/// dependency targets they imply, reduced to the tips of each line. Rows first in table order,
/// then the implied revisions in load order.
std::vector<const Revision*> all_current(const RevisionMap& map,
                                         const std::vector<std::string>& ids);

}  // namespace sdm::graph
