// A revision inside a RevisionMap: the loaded facts plus what the whole graph says about it.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "graph/revision_info.hpp"

namespace sdm::graph {

class RevisionMap;

/// A node of the revision graph. Links are indices into RevisionMap::revisions(), in load order.
class Revision {
 public:
  /// A revision at position `index` of the load order; RevisionMap fills in the links.
  explicit Revision(RevisionInfo info, std::size_t index)
      : info_(std::move(info)), index_(index), branch_labels_(info_.branch_labels) {}

  /// The revision id.
  const std::string& id() const { return info_.id; }
  /// Alembic down_revision as declared (empty for a base, two or more for a merge).
  const std::vector<std::string>& parents() const { return info_.parents; }
  /// depends_on as declared: revision ids or branch labels.
  const std::vector<std::string>& depends_on() const { return info_.depends_on; }
  /// Labels this revision declares itself.
  const std::vector<std::string>& own_branch_labels() const { return info_.branch_labels; }
  /// Its own labels plus those its branch inherits from labelled revisions.
  const std::vector<std::string>& branch_labels() const { return branch_labels_; }
  /// Revisions whose down_revision names this one, as ids.
  const std::vector<std::string>& children() const { return child_ids_; }
  /// Parents plus dependencies not inherited from ancestors, as ids: what a step starts from.
  const std::vector<std::string>& normalized_down_revisions() const { return normalized_down_ids_; }
  /// The docstring as loaded.
  const std::string& doc() const { return info_.doc; }
  /// The plugin file the revision came from.
  const std::string& path() const { return info_.path; }
  /// Position in load order.
  std::size_t index() const { return index_; }

  /// The docstring without surrounding whitespace, as the verbose listing prints it.
  std::string long_doc() const;
  /// The first paragraph of long_doc(): the message listings and logs show.
  std::string message() const;

  /// down_revision links.
  const std::vector<std::size_t>& parent_indices() const { return parent_indices_; }
  /// depends_on resolved to revisions (labels become the revision that declares them).
  const std::vector<std::size_t>& dependency_indices() const { return dependency_indices_; }
  /// Dependencies not already depended on by an ancestor.
  const std::vector<std::size_t>& normalized_dependency_indices() const {
    return normalized_dependency_indices_;
  }
  /// Parents plus normalized dependencies: what must be applied right before this revision.
  const std::vector<std::size_t>& normalized_down_indices() const {
    return normalized_down_indices_;
  }
  /// Parents plus every resolved dependency.
  const std::vector<std::size_t>& all_down_indices() const { return all_down_indices_; }
  /// Revisions naming this one as down_revision.
  const std::vector<std::size_t>& child_indices() const { return child_indices_; }
  /// Revisions naming this one as down_revision or depends_on.
  const std::vector<std::size_t>& all_child_indices() const { return all_child_indices_; }

  /// Has no down_revision.
  bool is_base() const { return info_.parents.empty(); }
  /// A base that depends on nothing either.
  bool is_real_base() const { return info_.parents.empty() && info_.depends_on.empty(); }
  /// No revision names this one as down_revision.
  bool is_head() const { return child_indices_.empty(); }
  /// No revision names this one as down_revision or depends_on.
  bool is_real_head() const { return all_child_indices_.empty(); }
  /// More than one revision names this one as down_revision.
  bool is_branch_point() const { return child_indices_.size() > 1; }
  /// More than one revision builds on this one, counting depends_on.
  bool is_real_branch_point() const { return all_child_indices_.size() > 1; }
  /// Has more than one down_revision.
  bool is_merge_point() const { return info_.parents.size() > 1; }

 private:
  friend class RevisionMap;

  RevisionInfo info_;
  std::size_t index_;
  std::vector<std::string> branch_labels_;
  std::vector<std::string> child_ids_;
  std::vector<std::string> normalized_down_ids_;
  std::vector<std::size_t> parent_indices_;
  std::vector<std::size_t> dependency_indices_;
  std::vector<std::size_t> normalized_dependency_indices_;
  std::vector<std::size_t> normalized_down_indices_;
  std::vector<std::size_t> all_down_indices_;
  std::vector<std::size_t> child_indices_;
  std::vector<std::size_t> all_child_indices_;
};

}  // namespace sdm::graph
