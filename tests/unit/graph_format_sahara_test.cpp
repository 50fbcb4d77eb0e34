// Listings of Sahara's real history, byte for byte as the Python tool prints them.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/revision_format.hpp"
#include "graph/history_range.hpp"
#include "graph/revision_lookup.hpp"
#include "graph/revision_map.hpp"
#include "unit/graph_fixtures.hpp"

using namespace sdm;
using namespace sdm::graph;

namespace {

/// `history` of Sahara's 35 revisions as the Python tool prints it (cli.md §4).
std::string sahara_history() {
  std::ifstream file(SDM_TEST_DATA_DIR "/sahara_history.txt");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<RevisionInfo> sahara_with_two_heads() {
  std::vector<RevisionInfo> revisions = test::sahara_revisions();
  revisions.push_back(test::revision("036a", {"035"}, "first extra"));
  revisions.push_back(test::revision("036b", {"035"}, "second extra"));
  return revisions;
}

}  // namespace

TEST_CASE("history of sahara matches the observed output of the real tool") {
  RevisionMap map(test::sahara_revisions());
  CHECK(cli::format_history(list_history(map, std::nullopt), false) ==
        std::string(sahara_history()));
}

TEST_CASE("history of sahara lists 035 down to 001") {
  RevisionMap map(test::sahara_revisions());
  std::vector<const Revision*> listed = list_history(map, std::nullopt);
  REQUIRE(listed.size() == 35);
  CHECK(listed.front()->id() == "035");
  CHECK(listed.back()->id() == "001");
}

TEST_CASE("current of sahara shows the stored row with its markers") {
  RevisionMap map(test::sahara_revisions());
  CHECK(cli::format_current(current_revisions(map, {"035"}), false) == "035 (head)\n");
  CHECK(cli::format_current(current_revisions(map, {"020"}), false) == "020\n");
  CHECK(cli::format_current(current_revisions(map, {"003"}), false) == "003\n");
  CHECK(cli::format_current(current_revisions(map, {}), false).empty());
}

TEST_CASE("current fails on a row the revisions do not know") {
  RevisionMap map(test::sahara_revisions());
  CHECK_THROWS_WITH_AS(current_revisions(map, {"nosuch"}),
                       "Can't locate revision identified by 'nosuch'", RevisionError);
}

TEST_CASE("heads of sahara is the single head") {
  RevisionMap map(test::sahara_revisions());
  CHECK(cli::format_heads(head_revisions(map), false) == "035 (head)\n");
}

TEST_CASE("branches of the linear sahara history prints nothing") {
  RevisionMap map(test::sahara_revisions());
  CHECK(cli::format_branches(map, branch_point_revisions(map), false).empty());
}

TEST_CASE("branches shows a branch point with its two heads and a blank line") {
  RevisionMap map(sahara_with_two_heads());
  CHECK(cli::format_branches(map, branch_point_revisions(map), false) ==
        "035 (branchpoint)\n"
        "    -> 036a (head)\n"
        "    -> 036b (head)\n"
        "\n");
}

TEST_CASE("current at a branch point says so") {
  RevisionMap map(sahara_with_two_heads());
  CHECK(cli::format_current(current_revisions(map, {"035"}), false) == "035 (branchpoint)\n");
}

TEST_CASE("history with -i marks the stored revision") {
  RevisionMap map(test::sahara_revisions());
  std::string listing =
      cli::format_history(list_history(map, HistoryRange{"032", ""}), false, {"034"});
  CHECK(listing ==
        "034 -> 035 (head), boot from volume enhancements\n"
        "033 -> 034 (current), Add boot_from_volumes field for node_groups and related classes\n"
        "032 -> 033, 033_add anti_affinity_ratio field to cluster\n"
        "031 -> 032, 032_add_domain_name\n");
}

TEST_CASE("verbose history of one sahara revision shows the whole docstring") {
  RevisionMap map(test::sahara_revisions());
  std::vector<const Revision*> listed = list_history(map, HistoryRange{"-1", ""});
  REQUIRE(listed.size() == 2);
  CHECK(cli::format_history({listed.front()}, true, {"035"}) ==
        "Rev: 035 (head) (current)\n"
        "Parent: 034\n"
        "Path: /usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
        "035_boot_from_volume_enhancements.py\n"
        "\n"
        "    boot from volume enhancements\n"
        "    \n"
        "    Revision ID: 035\n"
        "    Revises: 034\n"
        "    Create Date: 2019-01-07 19:55:54.025736\n"
        "\n");
}
