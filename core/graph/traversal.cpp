#include "graph/traversal.hpp"

#include <algorithm>
#include <string>

#include "common/errors.hpp"
#include "graph/python_text.hpp"
#include "graph/revision_map.hpp"

namespace sdm::graph {
namespace {

const std::vector<std::size_t>& links_of(const Revision& revision, Link link) {
  switch (link) {
    case Link::Parents:
      return revision.parent_indices();
    case Link::NormalizedParents:
      return revision.normalized_down_indices();
    case Link::AllParents:
      return revision.all_down_indices();
    case Link::Children:
      return revision.child_indices();
    case Link::AllChildren:
      break;
  }
  return revision.all_child_indices();
}

[[noreturn]] void throw_overlap(const RevisionMap& map, std::size_t target,
                                const std::vector<std::size_t>& overlapping) {
  throw RevisionError("Requested revision " + map.at(target).id() +
                      " overlaps with other requested revisions " +
                      join_comma(map.ids(overlapping)));
}

bool contains(const std::vector<std::size_t>& items, std::size_t value) {
  return std::find(items.begin(), items.end(), value) != items.end();
}

}  // namespace

std::vector<std::size_t> related_revisions(const RevisionMap& map,
                                           const std::vector<std::size_t>& targets, Link link,
                                           bool check_overlap) {
  std::vector<char> seen(map.size(), 0);
  std::vector<char> is_target;
  if (check_overlap) is_target = membership(map, targets);
  std::vector<std::size_t> visited;
  std::vector<std::size_t> stack;
  for (std::size_t target : targets) {
    // Every node popped for this target counts, even one already seen from an earlier target:
    // that is how one target reaching another is noticed.
    std::vector<std::size_t> reached_targets;
    stack.push_back(target);
    while (!stack.empty()) {
      std::size_t current = stack.back();
      stack.pop_back();
      if (check_overlap && is_target[current] && current != target &&
          !contains(reached_targets, current)) {
        reached_targets.push_back(current);
      }
      if (seen[current]) continue;
      seen[current] = 1;
      for (std::size_t next : links_of(map.at(current), link))
        stack.push_back(next);
      visited.push_back(current);
    }
    if (!reached_targets.empty()) {
      std::vector<std::size_t> overlapping;
      for (std::size_t other : targets) {
        if (contains(reached_targets, other) && !contains(overlapping, other)) {
          overlapping.push_back(other);
        }
      }
      throw_overlap(map, target, overlapping);
    }
  }
  return visited;
}

std::vector<std::size_t> ancestors(const RevisionMap& map, const std::vector<std::size_t>& targets,
                                   bool include_dependencies, bool check_overlap) {
  return related_revisions(
      map, targets, include_dependencies ? Link::NormalizedParents : Link::Parents, check_overlap);
}

std::vector<std::size_t> descendants(const RevisionMap& map,
                                     const std::vector<std::size_t>& targets,
                                     bool include_dependencies, bool check_overlap) {
  return related_revisions(map, targets, include_dependencies ? Link::AllChildren : Link::Children,
                           check_overlap);
}

std::vector<char> membership(const RevisionMap& map, const std::vector<std::size_t>& indices) {
  std::vector<char> flags(map.size(), 0);
  for (std::size_t index : indices)
    flags[index] = 1;
  return flags;
}

std::vector<std::size_t> topological_sort(const RevisionMap& map, std::vector<char> members,
                                          const std::vector<std::size_t>& heads) {
  std::vector<std::size_t> current_heads;
  for (std::size_t head : heads) {
    if (members[head] && !contains(current_heads, head)) current_heads.push_back(head);
  }
  // Load order is the tie-break between branches, as Alembic's map key order is.
  std::sort(current_heads.begin(), current_heads.end());

  // What lies below each pending head (itself included). Filled only when another head asks:
  // stepping down a plain line keeps it equal to the ancestors of the head's new position, so
  // computing it late gives the same answer as keeping it up to date.
  std::vector<std::vector<char>> below(current_heads.size());
  std::vector<std::size_t> stack;
  auto is_below = [&](std::size_t slot, std::size_t revision) {
    std::vector<char>& flags = below[slot];
    if (flags.empty()) {
      flags.assign(map.size(), 0);
      stack.assign(1, current_heads[slot]);
      while (!stack.empty()) {
        std::size_t current = stack.back();
        stack.pop_back();
        if (flags[current]) continue;
        flags[current] = 1;
        for (std::size_t down : map.at(current).normalized_down_indices())
          stack.push_back(down);
      }
    }
    return flags[revision] != 0;
  };

  std::vector<std::size_t> output;
  std::size_t candidate_slot = 0;
  while (!current_heads.empty()) {
    const std::size_t candidate = current_heads[candidate_slot];

    // A revision waits while another pending head still needs it below itself.
    bool needed_elsewhere = false;
    for (std::size_t slot = 0; slot < current_heads.size(); ++slot) {
      if (slot != candidate_slot && is_below(slot, candidate)) {
        candidate_slot = slot;
        needed_elsewhere = true;
        break;
      }
    }
    if (needed_elsewhere) continue;

    if (members[candidate]) {
      output.push_back(candidate);
      members[candidate] = 0;
    }

    const Revision& revision = map.at(candidate);
    std::vector<std::size_t> heads_to_add;
    for (std::size_t down : revision.normalized_down_indices()) {
      if (members[down] && !contains(current_heads, down)) heads_to_add.push_back(down);
    }

    if (heads_to_add.empty()) {
      current_heads.erase(current_heads.begin() + static_cast<std::ptrdiff_t>(candidate_slot));
      below.erase(below.begin() + static_cast<std::ptrdiff_t>(candidate_slot));
      candidate_slot = candidate_slot > 0 ? candidate_slot - 1 : 0;
    } else if (revision.normalized_dependency_indices().empty() &&
               revision.parent_indices().size() == 1) {
      // Plain step down a line: what lies below only loses the revision just emitted.
      current_heads[candidate_slot] = heads_to_add[0];
      if (!below[candidate_slot].empty()) below[candidate_slot][candidate] = 0;
    } else {
      current_heads[candidate_slot] = heads_to_add[0];
      below[candidate_slot].clear();
      for (std::size_t i = 1; i < heads_to_add.size(); ++i) {
        current_heads.push_back(heads_to_add[i]);
        below.emplace_back();
      }
    }
  }
  return output;
}

}  // namespace sdm::graph
