#include "graph/revision_map.hpp"

#include <algorithm>
#include <utility>

#include "graph/python_text.hpp"
#include "graph/revision_names.hpp"
#include "graph/traversal.hpp"

namespace sdm::graph {
namespace {

bool contains(const std::vector<std::string>& items, const std::string& value) {
  return std::find(items.begin(), items.end(), value) != items.end();
}

void push_unique(std::vector<std::size_t>& items, std::size_t value) {
  if (std::find(items.begin(), items.end(), value) == items.end()) items.push_back(value);
}

void push_unique(std::vector<std::string>& items, const std::string& value) {
  if (!contains(items, value)) items.push_back(value);
}

// Problems Alembic finds while constructing one revision, plus the id checks it leaves out.
void check_revision(const RevisionInfo& info, std::vector<GraphProblem>& problems) {
  auto report = [&](std::string message) { problems.push_back({{info.path}, std::move(message)}); };
  if (contains(info.parents, info.id)) {
    report("Self-loop is detected in revisions (" + info.id + ")");
  }
  if (contains(info.depends_on, info.id)) {
    report("Dependency self-loop is detected in revisions (" + info.id + ")");
  }
  if (std::optional<std::string> problem = revision_id_problem(info.id)) report(*problem);
  for (const std::string& label : info.branch_labels)
    if (std::optional<std::string> problem = branch_label_problem(label)) report(*problem);
  std::vector<std::string> seen_parents;
  for (const std::string& parent : info.parents) {
    if (contains(seen_parents, parent)) {
      report("Revision " + info.id + " names down_revision " + parent + " more than once");
    }
    seen_parents.push_back(parent);
  }
}

}  // namespace

std::string RevisionMap::missing_reference_message(const std::string& missing,
                                                   const Revision& referrer) const {
  // Alembic 1.8 warns with this text (the referrer printed as its history line, marked as the
  // graph stood when the reference was met: only children loaded before it count) and then
  // stops with a KeyError; here it is the error itself.
  std::size_t children_so_far = 0;
  for (std::size_t i = 0; i < referrer.index(); ++i) {
    if (contains(revisions_[i].parents(), referrer.id())) ++children_so_far;
  }
  std::string line = (referrer.parents().empty() ? "<base>" : join_comma(referrer.parents())) +
                     " -> " + referrer.id();
  if (children_so_far == 0) line += " (head)";
  if (children_so_far > 1) line += " (branchpoint)";
  if (referrer.is_merge_point()) line += " (mergepoint)";
  line += ", " + referrer.message();
  return "Revision " + missing + " referenced from " + line + " is not present";
}

RevisionMap::RevisionMap(std::vector<RevisionInfo> revisions) {
  std::vector<GraphProblem> problems;
  *this = build(std::move(revisions), problems);
  if (!problems.empty()) throw GraphValidationError(std::move(problems));
}

RevisionMap RevisionMap::build(std::vector<RevisionInfo> revisions,
                               std::vector<GraphProblem>& problems) {
  RevisionMap map;
  map.add_revisions(std::move(revisions), problems);
  map.add_branch_labels(problems);
  map.link_revisions(problems);
  map.normalize_dependencies();
  map.collect_heads_and_bases();
  map.detect_cycles(problems);
  // Propagation walks down_revision chains, which only terminate on a valid graph.
  if (problems.empty()) map.propagate_branch_labels();
  return map;
}

void RevisionMap::add_revisions(std::vector<RevisionInfo> revisions,
                                std::vector<GraphProblem>& problems) {
  revisions_.reserve(revisions.size());
  id_index_.reserve(revisions.size());
  for (RevisionInfo& info : revisions) {
    check_revision(info, problems);
    auto existing = id_index_.find(info.id);
    if (existing != id_index_.end()) {
      problems.push_back({{revisions_[existing->second].path(), info.path},
                          "Revision " + info.id + " is present more than once"});
      continue;
    }
    std::size_t index = revisions_.size();
    id_index_.emplace(info.id, index);
    lookup_keys_.push_back(info.id);
    revisions_.emplace_back(std::move(info), index);
  }
}

void RevisionMap::add_branch_labels(std::vector<GraphProblem>& problems) {
  for (const Revision& revision : revisions_) {
    for (const std::string& label : revision.own_branch_labels()) {
      if (const Revision* holder = find_key(label)) {
        problems.push_back({{holder->path(), revision.path()},
                            "Branch name '" + label + "' in revision " + revision.id() +
                                " already used by revision " + holder->id()});
        continue;
      }
      label_index_.emplace(label, revision.index());
      lookup_keys_.push_back(label);
    }
  }
}

void RevisionMap::link_revisions(std::vector<GraphProblem>& problems) {
  for (Revision& revision : revisions_) {
    // Resolves each reference into `links`; a missing one is a problem, a self-reference was
    // reported as a self-loop already.
    auto link = [&](const std::vector<std::string>& references, bool labels_too,
                    std::vector<std::size_t>& links) {
      for (const std::string& reference : references) {
        if (reference == revision.id()) continue;
        const Revision* target = labels_too ? find_key(reference) : find(reference);
        if (target == nullptr) {
          problems.push_back({{revision.path()}, missing_reference_message(reference, revision)});
          continue;
        }
        push_unique(links, target->index());
      }
    };
    // Parents first, then dependencies: the order Alembic walks a revision's references in.
    link(revision.parents(), false, revision.parent_indices_);
    link(revision.depends_on(), true, revision.dependency_indices_);
    revision.all_down_indices_ = revision.parent_indices_;
    for (std::size_t dependency : revision.dependency_indices_) {
      push_unique(revision.all_down_indices_, dependency);
    }
  }
  // Children are filled in load order, which is the order listings show them in.
  for (const Revision& revision : revisions_) {
    for (std::size_t parent : revision.parent_indices_) {
      Revision& target = revisions_[parent];
      push_unique(target.child_indices_, revision.index());
      push_unique(target.child_ids_, revision.id());
    }
    for (std::size_t down : revision.all_down_indices_) {
      push_unique(revisions_[down].all_child_indices_, revision.index());
    }
  }
}

void RevisionMap::normalize_dependencies() {
  // Only a dependency shared with another revision can be inherited; skip the ancestor walk
  // for everything else.
  std::vector<std::size_t> dependents(revisions_.size(), 0);
  for (const Revision& revision : revisions_) {
    for (std::size_t dependency : revision.dependency_indices_)
      ++dependents[dependency];
  }
  for (Revision& revision : revisions_) {
    revision.normalized_dependency_indices_ = revision.dependency_indices_;
    std::vector<std::size_t>& normalized = revision.normalized_dependency_indices_;
    const bool may_inherit =
        std::any_of(normalized.begin(), normalized.end(),
                    [&](std::size_t dependency) { return dependents[dependency] > 1; });
    if (may_inherit) {
      // A dependency an ancestor already declares is satisfied through that ancestor.
      for (std::size_t ancestor : ancestors(*this, {revision.index()}, false)) {
        if (ancestor == revision.index()) continue;
        for (std::size_t inherited : revisions_[ancestor].dependency_indices_) {
          normalized.erase(std::remove(normalized.begin(), normalized.end(), inherited),
                           normalized.end());
        }
        if (normalized.empty()) break;
      }
    }
    revision.normalized_down_indices_ = revision.parent_indices_;
    for (std::size_t dependency : normalized) {
      push_unique(revision.normalized_down_indices_, dependency);
    }
    revision.normalized_down_ids_ = ids(revision.normalized_down_indices_);
  }
}

void RevisionMap::collect_heads_and_bases() {
  for (const Revision& revision : revisions_) {
    if (revision.is_head()) heads_.push_back(revision.index());
    if (revision.is_real_head()) real_heads_.push_back(revision.index());
    if (revision.is_base()) bases_.push_back(revision.index());
    if (revision.is_real_base()) real_bases_.push_back(revision.index());
  }
}

void RevisionMap::detect_cycles(std::vector<GraphProblem>& problems) const {
  if (revisions_.empty()) return;
  // Bases as the links that did resolve see them, so a missing parent is not also a cycle.
  std::vector<std::size_t> linked_bases;
  std::vector<std::size_t> linked_real_bases;
  for (const Revision& revision : revisions_) {
    if (revision.parent_indices_.empty()) {
      linked_bases.push_back(revision.index());
      if (revision.dependency_indices_.empty()) linked_real_bases.push_back(revision.index());
    }
  }

  // A revision not reachable both from a base and from a head sits on (or behind) a cycle.
  auto cut_off = [this](const std::vector<std::size_t>& tops, Link down,
                        const std::vector<std::size_t>& bottoms, Link up) {
    std::vector<std::string> result;
    if (tops.empty() || bottoms.empty()) {
      for (const Revision& revision : revisions_)
        result.push_back(revision.id());
      return result;
    }
    std::vector<char> from_tops = membership(*this, related_revisions(*this, tops, down));
    std::vector<char> from_bottoms = membership(*this, related_revisions(*this, bottoms, up));
    for (const Revision& revision : revisions_) {
      if (!(from_tops[revision.index()] && from_bottoms[revision.index()])) {
        result.push_back(revision.id());
      }
    }
    std::sort(result.begin(), result.end());
    return result;
  };

  auto report = [&](const std::string& kind, const std::vector<std::string>& ids) {
    std::vector<std::string> paths;
    for (const std::string& id : ids)
      push_unique(paths, find(id)->path());
    problems.push_back({paths, kind + " is detected in revisions (" + join_comma(ids) + ")"});
  };

  std::vector<std::string> cycle = cut_off(heads_, Link::Parents, linked_bases, Link::Children);
  if (!cycle.empty()) {
    report("Cycle", cycle);
    return;
  }
  std::vector<std::string> dependency_cycle =
      cut_off(real_heads_, Link::AllParents, linked_real_bases, Link::AllChildren);
  if (!dependency_cycle.empty()) report("Dependency cycle", dependency_cycle);
}

void RevisionMap::propagate_branch_labels() {
  for (std::size_t labelled = 0; labelled < revisions_.size(); ++labelled) {
    if (revisions_[labelled].own_branch_labels().empty()) continue;
    const std::vector<std::string> labels = revisions_[labelled].branch_labels_;
    auto add_labels = [&labels](Revision& revision) {
      for (const std::string& label : labels)
        push_unique(revision.branch_labels_, label);
    };

    std::vector<std::size_t> branch = descendants(*this, {labelled}, false);
    for (std::size_t member : branch)
      add_labels(revisions_[member]);

    // From the last revision reached, the label also runs down the line until the branch
    // splits off or merges.
    std::size_t current = branch.back();
    while (!revisions_[current].is_real_branch_point() && !revisions_[current].is_merge_point()) {
      add_labels(revisions_[current]);
      if (revisions_[current].parent_indices_.empty()) break;
      current = revisions_[current].parent_indices_.front();
    }
  }
}

const Revision* RevisionMap::find(const std::string& id) const {
  auto found = id_index_.find(id);
  return found == id_index_.end() ? nullptr : &revisions_[found->second];
}

const Revision* RevisionMap::find_key(const std::string& key) const {
  if (const Revision* revision = find(key)) return revision;
  auto found = label_index_.find(key);
  return found == label_index_.end() ? nullptr : &revisions_[found->second];
}

std::vector<std::string> RevisionMap::ids(const std::vector<std::size_t>& indices) const {
  std::vector<std::string> result;
  result.reserve(indices.size());
  for (std::size_t index : indices)
    result.push_back(revisions_[index].id());
  return result;
}

std::vector<const Revision*> RevisionMap::pointers(const std::vector<std::size_t>& indices) const {
  std::vector<const Revision*> result;
  result.reserve(indices.size());
  for (std::size_t index : indices)
    result.push_back(&revisions_[index]);
  return result;
}

std::vector<const Revision*> RevisionMap::branch_points() const {
  std::vector<const Revision*> result;
  for (const Revision& revision : revisions_) {
    if (revision.is_branch_point()) result.push_back(&revision);
  }
  return result;
}

std::vector<const Revision*> RevisionMap::merge_points() const {
  std::vector<const Revision*> result;
  for (const Revision& revision : revisions_) {
    if (revision.is_merge_point()) result.push_back(&revision);
  }
  return result;
}

}  // namespace sdm::graph
