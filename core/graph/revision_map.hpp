// The revision graph built from the loaded revisions, with Alembic's notion of heads and bases.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/graph_problems.hpp"
#include "graph/revision.hpp"
#include "graph/revision_info.hpp"

namespace sdm::graph {

/// All revisions and their links. Order everywhere is load order, which breaks ties the way
/// Alembic's file order does (heads, bases, children).
class RevisionMap {
 public:
  /// An empty graph.
  RevisionMap() = default;
  /// Builds the graph; throws GraphValidationError listing every problem found.
  explicit RevisionMap(std::vector<RevisionInfo> revisions);

  const std::vector<Revision>& revisions() const { return revisions_; }
  std::size_t size() const { return revisions_.size(); }
  bool empty() const { return revisions_.empty(); }
  const Revision& at(std::size_t index) const { return revisions_.at(index); }

  /// The revision with exactly this id, or nullptr.
  const Revision* find(const std::string& id) const;
  /// The revision with this id, or the one declaring this branch label; nullptr if neither.
  const Revision* find_key(const std::string& key) const;
  /// Revision ids in load order followed by branch labels: what partial identifiers match.
  const std::vector<std::string>& lookup_keys() const { return lookup_keys_; }

  /// Revisions no down_revision points at.
  const std::vector<std::size_t>& heads() const { return heads_; }
  /// Revisions nothing points at, counting depends_on (what `heads` as an argument means).
  const std::vector<std::size_t>& real_heads() const { return real_heads_; }
  /// Revisions without a down_revision.
  const std::vector<std::size_t>& bases() const { return bases_; }
  /// Bases that depend on nothing either.
  const std::vector<std::size_t>& real_bases() const { return real_bases_; }

  /// The ids of the given revisions.
  std::vector<std::string> ids(const std::vector<std::size_t>& indices) const;
  /// The given revisions as pointers.
  std::vector<const Revision*> pointers(const std::vector<std::size_t>& indices) const;
  /// Revisions with more than one child, in load order.
  std::vector<const Revision*> branch_points() const;
  /// Revisions with more than one parent, in load order.
  std::vector<const Revision*> merge_points() const;

  /// Builds as much of the graph as the input allows and records every problem found, in
  /// find_graph_problems()'s order; the map is fit to use only when none was found. One pass
  /// serves both, where checking first and building after would build it twice.
  static RevisionMap build(std::vector<RevisionInfo> revisions,
                           std::vector<GraphProblem>& problems);

 private:
  void add_revisions(std::vector<RevisionInfo> revisions, std::vector<GraphProblem>& problems);
  void add_branch_labels(std::vector<GraphProblem>& problems);
  void link_revisions(std::vector<GraphProblem>& problems);
  void normalize_dependencies();
  void collect_heads_and_bases();
  void detect_cycles(std::vector<GraphProblem>& problems) const;
  std::string missing_reference_message(const std::string& missing, const Revision& referrer) const;
  void propagate_branch_labels();

  std::vector<Revision> revisions_;
  std::unordered_map<std::string, std::size_t> id_index_;
  std::unordered_map<std::string, std::size_t> label_index_;
  std::vector<std::string> lookup_keys_;
  std::vector<std::size_t> heads_;
  std::vector<std::size_t> real_heads_;
  std::vector<std::size_t> bases_;
  std::vector<std::size_t> real_bases_;
};

}  // namespace sdm::graph
