// Thousands of revisions on one line: the map, the listing and a plan are complete and in order,
// with no recursion as deep as the line. How fast is the benchmark's business (tests/bench/).
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "cli/revision_format.hpp"
#include "graph/history_range.hpp"
#include "graph/migration_plan.hpp"
#include "graph/revision_map.hpp"
#include "unit/graph_fixtures.hpp"

using namespace sdm;
using namespace sdm::graph;

namespace {

std::string numbered_id(int number) {
  char id[16];
  std::snprintf(id, sizeof id, "r%05d", number);
  return id;
}

std::vector<RevisionInfo> long_line(int count) {
  std::vector<RevisionInfo> revisions;
  revisions.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    std::vector<std::string> parents;
    if (i > 0) parents.push_back(numbered_id(i - 1));
    revisions.push_back(test::revision(numbered_id(i), parents, "step " + std::to_string(i)));
  }
  return revisions;
}

}  // namespace

TEST_CASE("A line of 5000 revisions lists newest first and plans its upper half") {
  const std::vector<RevisionInfo> revisions = long_line(5000);
  RevisionMap map(revisions);
  std::string listing = cli::format_history(list_history(map, std::nullopt), false);
  MigrationPlan plan = plan_upgrade(map, "heads", {"r02500"});

  CHECK(listing.rfind("r04998 -> r04999 (head), step 4999\n", 0) == 0);
  CHECK(listing.size() - listing.rfind("<base> -> r00000, step 0\n") ==
        std::string("<base> -> r00000, step 0\n").size());
  CHECK(plan.steps.size() == 2499);
}
