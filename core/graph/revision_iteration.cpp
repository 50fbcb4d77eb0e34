#include "graph/revision_iteration.hpp"

#include <algorithm>
#include <set>

#include "graph/python_text.hpp"
#include "graph/revision_errors.hpp"
#include "graph/revision_map.hpp"
#include "graph/traversal.hpp"

namespace sdm::graph {
namespace {

std::vector<std::string> as_list(const RevisionArgument& argument) {
  if (const auto* text = std::get_if<std::string>(&argument)) return {*text};
  return std::get<std::vector<std::string>>(argument);
}

std::string didnt_produce(const std::string& relative_text, const std::string& relative) {
  return "Relative revision " + relative_text + " didn't produce " + python_abs_int_text(relative) +
         " migrations";
}

std::vector<std::size_t> indices_of(const std::vector<ResolvedRevision>& resolved) {
  std::vector<std::size_t> indices;
  for (const ResolvedRevision& entry : resolved) {
    if (entry.revision != nullptr) indices.push_back(entry.revision->index());
  }
  return indices;
}

ResolvedRevision revision_named(const RevisionMap& map, const std::string& identifier) {
  return ResolvedRevision::of(get_revision(map, identifier));
}

// Where an upward relative step without a symbol starts: the current revision (or the base),
// narrowed to a branch when a label is given.
ResolvedRevision upward_start(const RevisionMap& map, const std::vector<std::string>& current,
                              const std::optional<std::string>& branch_label) {
  if (!branch_label) {
    if (current.empty()) return ResolvedRevision::none();
    if (current.size() > 1) {
      throw RevisionError("Ambiguous upgrade from multiple current revisions");
    }
    return revision_named(map, current.front());
  }
  std::vector<std::size_t> current_revisions = indices_of(get_revisions(map, current));
  std::vector<std::size_t> on_branch = filter_for_lineage(map, current_revisions, *branch_label);
  if (on_branch.empty()) {
    // The branch has no current head: start from the newest applied revision on it.
    std::vector<std::size_t> active =
        filter_for_lineage(map, ancestors(map, current_revisions, true), *branch_label);
    std::vector<char> is_below(map.size(), 0);
    for (std::size_t revision : active) {
      for (std::size_t down : map.at(revision).normalized_down_indices())
        is_below[down] = 1;
    }
    for (std::size_t revision : active) {
      if (!is_below[revision]) on_branch.push_back(revision);
    }
    if (on_branch.empty()) return ResolvedRevision::none();
  }
  if (on_branch.size() > 1) {
    throw RevisionError("Ambiguous upgrade from multiple current revisions");
  }
  return ResolvedRevision::of(&map.at(on_branch.front()));
}

struct Collected {
  std::vector<char> members;
  std::vector<std::size_t> heads;
};

// Upgrading: what `upper` needs that `lower` does not have yet.
Collected collect_upgrade(const RevisionMap& map, const RevisionArgument& upper,
                          const RevisionArgument& lower, const IterationOptions& options,
                          std::vector<std::string>* warnings) {
  std::vector<ResolvedRevision> resolved_targets =
      std::holds_alternative<std::string>(upper)
          ? parse_upgrade_target(map, lower, std::get<std::string>(upper),
                                 options.assert_relative_length)
          : get_revisions(map, std::get<std::vector<std::string>>(upper));
  std::vector<std::size_t> targets = indices_of(resolved_targets);

  // `label@base` (or `label@...`) as the lower end narrows the targets to that branch.
  if (const auto* lower_text = std::get_if<std::string>(&lower)) {
    std::size_t at = lower_text->find('@');
    if (at != std::string::npos) {
      std::string branch = lower_text->substr(0, at);
      const Revision* branch_revision = get_revision(map, branch);
      std::vector<std::size_t> narrowed;
      if (branch_revision != nullptr && branch_revision->id() == branch &&
          branch_revision->branch_labels().size() != 1) {
        // A revision id used as a branch: Alembic only copes when it carries exactly one
        // label; otherwise keep what shares the revision's line of descent.
        narrowed = filter_for_lineage(map, targets, branch);
      } else {
        if (branch_revision != nullptr && branch_revision->id() == branch) {
          branch = branch_revision->branch_labels().front();
        }
        for (std::size_t target : targets) {
          const std::vector<std::string>& labels = map.at(target).branch_labels();
          if (std::find(labels.begin(), labels.end(), branch) != labels.end()) {
            narrowed.push_back(target);
          }
        }
      }
      targets = std::move(narrowed);
    }
  }

  std::vector<char> required = membership(map, ancestors(map, targets, true, true));

  std::vector<ResolvedRevision> current = get_revisions(map, as_list(lower));
  if (!options.implicit_base) {
    for (const ResolvedRevision& entry : current) {
      if (entry.is_none()) continue;
      if (entry.is_base || !required[entry.revision->index()]) {
        throw RangeNotAncestorError(describe_argument(lower), describe_argument(upper));
      }
    }
  }

  std::vector<std::string> lower_ids = as_list(lower);
  if (!current.empty() && current.front().is_none()) {
    // A downward walk from the heads that ran off the graph: count it from `upper` instead.
    DowngradeTarget start = parse_downgrade_target(map, upper, lower_ids.front(),
                                                   options.assert_relative_length, warnings);
    current.clear();
    lower_ids.clear();
    if (start.revision.revision != nullptr) {
      current.push_back(start.revision);
      lower_ids.push_back(start.revision.revision->id());
    }
  }

  std::vector<std::size_t> current_indices = indices_of(current);
  std::vector<char> needs = required;
  for (std::size_t applied : ancestors(map, current_indices, true, true))
    needs[applied] = 0;

  if (options.inclusive) {
    for (std::size_t lower_end : indices_of(get_revisions(map, lower_ids))) {
      needs[lower_end] = 1;
    }
  }
  if (!current.empty() && !options.implicit_base) {
    std::vector<char> above = membership(map, descendants(map, current_indices, false, true));
    for (std::size_t i = 0; i < needs.size(); ++i)
      needs[i] = needs[i] && above[i];
  }
  return {std::move(needs), std::move(targets)};
}

// Downgrading: what must be undone from `upper` to reach `lower`.
Collected collect_downgrade(const RevisionMap& map, const RevisionArgument& upper,
                            const RevisionArgument& lower, const IterationOptions& options,
                            std::vector<std::string>* warnings) {
  std::optional<std::string> target_text;
  if (const auto* text = std::get_if<std::string>(&lower)) target_text = *text;
  DowngradeTarget target =
      parse_downgrade_target(map, upper, target_text, options.assert_relative_length, warnings);
  const Revision* target_revision = target.revision.revision;

  std::vector<std::size_t> roots;
  if (target_revision == nullptr) {
    roots = map.bases();
  } else if (options.inclusive) {
    roots = {target_revision->index()};
  } else {
    roots = target_revision->child_indices();
  }

  if (target.branch_label && !target.branch_label->empty() && roots.size() > 1) {
    std::vector<char> on_branch = membership(
        map, ancestors(map, {resolve_branch(map, *target.branch_label)->index()}, false));
    std::vector<std::size_t> narrowed;
    for (std::size_t root : roots) {
      if (on_branch[root]) narrowed.push_back(root);
    }
    if (narrowed.empty()) throw RevisionError("Not a valid downgrade target from current heads");
    roots = std::move(narrowed);
  }

  std::vector<std::size_t> heads = indices_of(get_revisions(map, as_list(upper)));
  std::vector<char> active = membership(map, ancestors(map, heads, true));
  std::vector<char> members(map.size(), 0);
  bool any = false;
  for (std::size_t dependent : descendants(map, roots, true)) {
    if (active[dependent]) members[dependent] = any = true;
  }
  if (options.implicit_base) {
    std::vector<char> below_roots = membership(map, ancestors(map, roots, true));
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (active[i] && !below_roots[i]) members[i] = any = true;
    }
  }
  if (target_revision != nullptr && !any &&
      std::find(heads.begin(), heads.end(), target_revision->index()) == heads.end()) {
    throw RangeNotAncestorError("Nothing to drop", describe_argument(upper));
  }
  return {std::move(members), std::move(heads)};
}

}  // namespace

std::string describe_argument(const RevisionArgument& argument) {
  if (const auto* text = std::get_if<std::string>(&argument)) return *text;
  return python_tuple_repr(std::get<std::vector<std::string>>(argument));
}

std::vector<const Revision*> iterate_revisions(const RevisionMap& map,
                                               const RevisionArgument& upper,
                                               const RevisionArgument& lower,
                                               const IterationOptions& options,
                                               std::vector<std::string>* warnings) {
  Collected collected = options.select_for_downgrade
                            ? collect_downgrade(map, upper, lower, options, warnings)
                            : collect_upgrade(map, upper, lower, options, warnings);
  return map.pointers(topological_sort(map, std::move(collected.members), collected.heads));
}

std::vector<ResolvedRevision> parse_upgrade_target(const RevisionMap& map,
                                                   const RevisionArgument& current,
                                                   const std::string& target,
                                                   bool assert_relative_length) {
  std::optional<RelativeTarget> relative = match_relative_target(target);
  if (!relative) return get_revisions(map, target);

  ResolvedRevision reached;
  if (relative->steps > 0 && !relative->symbol) {
    ResolvedRevision start = upward_start(map, as_list(current), relative->branch_label);
    std::optional<std::string_view> label;
    if (relative->branch_label) label = *relative->branch_label;
    reached = walk(map, start, relative->steps, label, assert_relative_length);
    if (reached.is_none())
      throw RevisionError(didnt_produce(relative->relative, relative->relative));
    return {reached};
  }
  if (relative->steps > 0) {
    std::optional<std::string_view> label;
    if (relative->branch_label) label = *relative->branch_label;
    reached = walk(map, revision_named(map, *relative->symbol), relative->steps, label,
                   assert_relative_length);
  } else {
    if (!relative->symbol) {
      throw RevisionError(didnt_produce(python_int_text(relative->relative), relative->relative));
    }
    std::string start = relative->branch_label ? *relative->branch_label + "@" + *relative->symbol
                                               : *relative->symbol;
    reached = walk(map, revision_named(map, start), relative->steps, std::nullopt,
                   assert_relative_length);
  }
  // Running off the graph from a named revision: Alembic fails an internal assertion here.
  if (reached.is_none()) {
    if (assert_relative_length) {
      throw RevisionError(didnt_produce(relative->relative, relative->relative));
    }
    return {};
  }
  return {reached};
}

DowngradeTarget parse_downgrade_target(const RevisionMap& map, const RevisionArgument& current,
                                       const std::optional<std::string>& target,
                                       bool assert_relative_length,
                                       std::vector<std::string>* warnings) {
  if (!target) return {std::nullopt, ResolvedRevision::none()};
  std::optional<RelativeTarget> relative = match_relative_target(*target);
  if (relative) {
    if (relative->steps >= 0) {
      if (!relative->symbol) {
        throw RevisionError(didnt_produce(relative->relative, relative->relative));
      }
      std::optional<std::string_view> label;
      if (relative->branch_label) label = *relative->branch_label;
      ResolvedRevision reached = walk(map, revision_named(map, *relative->symbol), relative->steps,
                                      label, assert_relative_length);
      if (reached.is_none()) throw RevisionError("Walked too far");
      return {relative->branch_label, reached};
    }

    std::optional<std::string> branch_label = relative->branch_label;
    std::string symbol;
    const bool from_current = !relative->symbol;
    if (from_current) {
      std::vector<std::string> current_ids = as_list(current);
      if (branch_label) {
        std::vector<std::size_t> on_branch =
            filter_for_lineage(map, indices_of(get_revisions(map, current_ids)), *branch_label);
        if (on_branch.empty()) {
          std::vector<std::size_t> effective;
          for (const Revision* revision : all_current(map, current_ids)) {
            effective.push_back(revision->index());
          }
          on_branch = filter_for_lineage(map, effective, *branch_label);
        }
        // Alembic asserts exactly one here; say what went wrong instead.
        if (on_branch.empty()) {
          throw RevisionError(didnt_produce(relative->relative, relative->relative));
        }
        if (on_branch.size() > 1) throw RevisionError("Ambiguous walk");
        symbol = map.at(on_branch.front()).id();
      } else {
        if (current_ids.empty()) {
          throw RevisionError(didnt_produce(relative->relative, relative->relative));
        }
        if (warnings != nullptr &&
            std::set<std::string>(current_ids.begin(), current_ids.end()).size() > 1) {
          warnings->push_back(
              "downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in "
              "a future release.");
        }
        symbol = current_ids.front();
        // Narrow to the line of that one revision.
        branch_label = symbol;
      }
    } else {
      symbol = *relative->symbol;
    }
    std::string start = branch_label ? *branch_label + "@" + symbol : symbol;
    ResolvedRevision reached = walk(map, revision_named(map, start), relative->steps, std::nullopt,
                                    assert_relative_length);
    if (reached.is_none()) {
      if (from_current) throw RevisionError(didnt_produce(relative->relative, relative->relative));
      throw RevisionError("Walked too far");
    }
    return {branch_label, reached};
  }

  std::size_t at = target->rfind('@');
  std::optional<std::string> branch_label;
  std::string symbol = *target;
  if (at != std::string::npos) {
    if (at > 0) branch_label = target->substr(0, at);
    symbol = target->substr(at + 1);
  }
  return {branch_label, ResolvedRevision::of(get_revision(map, symbol))};
}

}  // namespace sdm::graph
