// What the loader knows about one revision before the graph is built.
#pragma once

#include <string>
#include <vector>

namespace sdm::graph {

/// One revision as read from its plugin file, in load (file-name) order.
struct RevisionInfo {
  std::string id;
  std::vector<std::string> parents;        ///< Alembic down_revision: empty = a base, 2+ = a merge
  std::vector<std::string> depends_on;     ///< revision ids or branch labels
  std::vector<std::string> branch_labels;  ///< labels this revision declares itself
  std::string doc;   ///< full docstring; its first paragraph is the message shown in listings
  std::string path;  ///< the plugin file it came from (errors name it; "Path:" lines show it)
};

}  // namespace sdm::graph
