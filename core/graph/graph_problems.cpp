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

std::optional<std::string> revision_id_problem(const std::string& id) {
  // Listed sorted by character code, as Alembic lists them.
  std::vector<std::string> illegal;
  for (char c : std::string("+-:@")) {
    if (id.find(c) != std::string::npos) illegal.emplace_back(1, c);
  }
  if (illegal.empty()) return std::nullopt;
  return "Character(s) '" + join_comma(illegal) + "' not allowed in revision identifier '" + id +
         "'";
}

std::vector<GraphProblem> find_graph_problems(const std::vector<RevisionInfo>& revisions) {
  std::vector<GraphProblem> problems;
  RevisionMap::build(revisions, problems);
  return problems;
}

}  // namespace sdm::graph
