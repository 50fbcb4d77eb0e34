// Problems that make a set of revisions unusable as a graph, each tied to the file at fault.
#pragma once

#include <string>
#include <vector>

#include "common/errors.hpp"
#include "graph/revision_info.hpp"

namespace sdm::graph {

/// One reason the revisions cannot form a graph: Alembic's text for it, and the plugin file(s)
/// at fault (both files of a duplicate, every file on a cycle).
struct GraphProblem {
  std::vector<std::string> paths;
  std::string message;
};

/// `<path>[, <path>...]: <message>`, the way problem lists are printed.
std::string format_graph_problem(const GraphProblem& problem);

/// Thrown when a RevisionMap is built from revisions with problems; what() lists them all.
class GraphValidationError : public RevisionError {
 public:
  /// Carries the problems; the message lists them one per line.
  explicit GraphValidationError(std::vector<GraphProblem> problems);
  /// Every problem found, in the order find_graph_problems() reports them.
  const std::vector<GraphProblem>& problems() const { return problems_; }

 private:
  std::vector<GraphProblem> problems_;
};

/// Every problem in `revisions` (duplicate ids, bad ids, unknown references, cycles, label
/// clashes), in a stable order; empty when a RevisionMap can be built from them.
std::vector<GraphProblem> find_graph_problems(const std::vector<RevisionInfo>& revisions);

}  // namespace sdm::graph
