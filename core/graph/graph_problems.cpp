#include "graph/graph_problems.hpp"

#include <utility>

#include "graph/python_text.hpp"
#include "graph/revision_map.hpp"

namespace sdm::graph {
namespace {

std::string join_problems(const std::vector<GraphProblem>& problems) {
  std::string text;
  for (const GraphProblem& problem : problems) {
    if (!text.empty()) text += "\n";
    text += format_graph_problem(problem);
  }
  return text;
}

}  // namespace

std::string format_graph_problem(const GraphProblem& problem) {
  return problem.paths.empty() ? problem.message
                               : join_comma(problem.paths) + ": " + problem.message;
}

GraphValidationError::GraphValidationError(std::vector<GraphProblem> problems)
    : RevisionError(join_problems(problems)), problems_(std::move(problems)) {}

std::vector<GraphProblem> find_graph_problems(const std::vector<RevisionInfo>& revisions) {
  std::vector<GraphProblem> problems;
  RevisionMap::build(revisions, problems);
  return problems;
}

}  // namespace sdm::graph
