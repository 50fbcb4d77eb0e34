// Listings of branched graphs: the exact lines of the reference Alembic run (anchors 4.5) and
// of Alembic's branches guide.
#include <doctest/doctest.h>

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

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);)
    lines.push_back(line);
  return lines;
}

bool has_line(const std::string& text, const std::string& line) {
  for (const std::string& candidate : lines_of(text)) {
    if (candidate == line) return true;
  }
  return false;
}

// The reference run's state before the merge: ae1027a6acf and 27c6a30d7c24 both heads.
// Alembic printed the children in its set order; they are loaded in that order here.
std::vector<RevisionInfo> two_heads_before_merge() {
  return {
      test::revision("1975ea83b712", {}, "create account table"),
      test::revision("ae1027a6acf", {"1975ea83b712"}, "add a column"),
      test::revision("27c6a30d7c24", {"1975ea83b712"}, "add shopping cart table"),
  };
}

}  // namespace

TEST_CASE("history lines of the reference run") {
  RevisionMap map(test::reference_run_revisions());
  std::string listing = cli::format_history(list_history(map, std::nullopt), false);
  CAPTURE(listing);
  CHECK(has_line(
      listing, "27c6a30d7c24, ae1027a6acf -> 53fffde5ad5 (head) (mergepoint), merge ae1 and 27c"));
  CHECK(has_line(listing, "1975ea83b712 -> 27c6a30d7c24, add shopping cart table"));
  CHECK(has_line(listing, "<base> -> 1975ea83b712 (branchpoint), create account table"));
  CHECK(has_line(listing,
                 "109ec7d132bf (ae1027a6acf) -> 2a95102259be (networking) (head), add "
                 "ip account table"));
  CHECK(lines_of(listing).size() == 6);
}

TEST_CASE("history of the reference run puts every revision before its parents") {
  RevisionMap map(test::reference_run_revisions());
  std::vector<std::string> order;
  for (const Revision* revision : list_history(map, std::nullopt))
    order.push_back(revision->id());
  CHECK(order == std::vector<std::string>{"2a95102259be", "109ec7d132bf", "53fffde5ad5",
                                          "27c6a30d7c24", "ae1027a6acf", "1975ea83b712"});
}

TEST_CASE("heads of the reference run show labels but no tree markers") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(cli::format_heads(head_revisions(map), false) ==
        "2a95102259be (networking) (head)\n"
        "53fffde5ad5 (head)\n");
}

TEST_CASE("current lines of the reference run") {
  RevisionMap merged(test::reference_run_revisions());
  CHECK(cli::format_current(current_revisions(merged, {"53fffde5ad5"}), false) ==
        "53fffde5ad5 (head) (mergepoint)\n");
  CHECK(cli::format_current(current_revisions(merged, {"1975ea83b712"}), false) ==
        "1975ea83b712 (branchpoint)\n");
  CHECK(cli::format_current(current_revisions(merged, {"109ec7d132bf"}), false) ==
        "109ec7d132bf\n");

  RevisionMap branched(two_heads_before_merge());
  CHECK(cli::format_current(current_revisions(branched, {"ae1027a6acf", "27c6a30d7c24"}), false) ==
        "ae1027a6acf (head)\n"
        "27c6a30d7c24 (head)\n");
}

TEST_CASE("current adds the dependency target a stored head implies") {
  RevisionMap map(test::reference_run_revisions());
  // 2a95102259be depends on ae1027a6acf, so a table holding only it has that applied too.
  CHECK(cli::format_current(current_revisions(map, {"2a95102259be"}), false) ==
        "2a95102259be (head)\n"
        "ae1027a6acf\n");
}

TEST_CASE("branches of the reference run before the merge") {
  RevisionMap map(two_heads_before_merge());
  CHECK(cli::format_branches(map, branch_point_revisions(map), false) ==
        "1975ea83b712 (branchpoint)\n"
        "             -> ae1027a6acf (head)\n"
        "             -> 27c6a30d7c24 (head)\n"
        "\n");
}

TEST_CASE("verbose block of a merge point") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(cli::format_verbose_block(*map.find("53fffde5ad5")) ==
        "Rev: 53fffde5ad5 (head) (mergepoint)\n"
        "Merges: 27c6a30d7c24, ae1027a6acf\n"
        "Path: /srv/versions/53fffde5ad5.py\n"
        "\n"
        "    merge ae1 and 27c\n"
        "    \n"
        "    Revision ID: 53fffde5ad5\n");
}

TEST_CASE("verbose block lists dependencies, children and branch names") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(cli::format_verbose_block(*map.find("2a95102259be")) ==
        "Rev: 2a95102259be (head)\n"
        "Parent: 109ec7d132bf\n"
        "Also depends on: ae1027a6acf\n"
        "Branch names: networking\n"
        "Path: /srv/versions/2a95102259be.py\n"
        "\n"
        "    add ip account table\n"
        "    \n"
        "    Revision ID: 2a95102259be\n");
  CHECK(cli::format_verbose_block(*map.find("1975ea83b712")) ==
        "Rev: 1975ea83b712 (branchpoint)\n"
        "Parent: <base>\n"
        "Branches into: 27c6a30d7c24, ae1027a6acf\n"
        "Path: /srv/versions/1975ea83b712.py\n"
        "\n"
        "    create account table\n"
        "    \n"
        "    Revision ID: 1975ea83b712\n");
}

TEST_CASE("verbose block of a revision without docstring") {
  RevisionInfo bare = test::revision("abc1", {}, "");
  bare.doc.clear();
  RevisionMap map({bare});
  CHECK(cli::format_verbose_block(map.at(0)) ==
        "Rev: abc1 (head)\n"
        "Parent: <base>\n"
        "Path: /srv/versions/abc1.py\n"
        "\n"
        "\n");
  CHECK(cli::format_history({&map.at(0)}, false) == "<base> -> abc1 (head), \n");
}

TEST_CASE("verbose branches prints the block, then the children with their messages") {
  RevisionMap map(two_heads_before_merge());
  CHECK(cli::format_branches(map, branch_point_revisions(map), true) ==
        "Rev: 1975ea83b712 (branchpoint)\n"
        "Parent: <base>\n"
        "Branches into: ae1027a6acf, 27c6a30d7c24\n"
        "Path: /srv/versions/1975ea83b712.py\n"
        "\n"
        "    create account table\n"
        "    \n"
        "    Revision ID: 1975ea83b712\n"
        "\n"
        "             -> ae1027a6acf (head), add a column\n"
        "             -> 27c6a30d7c24 (head), add shopping cart table\n"
        "\n");
}

TEST_CASE("verbose heads print one block per head followed by a blank line") {
  RevisionMap map(two_heads_before_merge());
  CHECK(cli::format_heads(head_revisions(map), true) ==
        "Rev: ae1027a6acf (head)\n"
        "Parent: 1975ea83b712\n"
        "Path: /srv/versions/ae1027a6acf.py\n"
        "\n"
        "    add a column\n"
        "    \n"
        "    Revision ID: ae1027a6acf\n"
        "\n"
        "Rev: 27c6a30d7c24 (head)\n"
        "Parent: 1975ea83b712\n"
        "Path: /srv/versions/27c6a30d7c24.py\n"
        "\n"
        "    add shopping cart table\n"
        "    \n"
        "    Revision ID: 27c6a30d7c24\n"
        "\n");
}

TEST_CASE("history of the networking branch up to its head, as in the branches guide") {
  RevisionMap map(test::networking_guide_revisions());
  CHECK(cli::format_history(list_history(map, HistoryRange{"", "networking@head"}), false) ==
        "29f859a13ea (55af2cb1c267) -> 2a95102259be (networking) (head), add ip account table\n"
        "109ec7d132bf -> 29f859a13ea (networking), add DNS table\n"
        "3cac04ae8714 -> 109ec7d132bf (networking), add ip number table\n"
        "<base> -> 3cac04ae8714 (networking), create networking branch\n"
        "ae1027a6acf -> 55af2cb1c267 (effective head), add another account column\n"
        "1975ea83b712 -> ae1027a6acf, Add a column\n"
        "<base> -> 1975ea83b712 (branchpoint), create account table\n");
}

TEST_CASE("effective head marker appears only in short lines") {
  RevisionMap map(test::networking_guide_revisions());
  const Revision& dependency_target = *map.find("55af2cb1c267");
  CHECK(cli::format_short_line(dependency_target, {}) == "55af2cb1c267 (effective head)");
  CHECK(cli::format_verbose_block(dependency_target).rfind("Rev: 55af2cb1c267 (head)\n", 0) == 0);
  CHECK(cli::format_heads(head_revisions(map), false) ==
        "27c6a30d7c24 (head)\n"
        "2a95102259be (networking) (head)\n"
        "55af2cb1c267 (effective head)\n");
  CHECK(cli::format_heads(head_revisions(map, true), false) ==
        "27c6a30d7c24 (head)\n"
        "2a95102259be (networking) (head)\n");
}

TEST_CASE("current -v header") {
  CHECK(cli::format_current_header("postgresql://scott:XXXXX@localhost/test") ==
        "Current revision(s) for postgresql://scott:XXXXX@localhost/test:\n");
}
