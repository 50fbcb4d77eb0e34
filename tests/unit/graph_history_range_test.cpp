// `history -r` ranges: parsing, which ends need the database, and what each range lists.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "graph/history_range.hpp"
#include "graph/revision_map.hpp"
#include "unit/graph_fixtures.hpp"

using namespace sdm;
using namespace sdm::graph;

namespace {

std::vector<std::string> listed(const RevisionMap& map, const std::string& range,
                                const std::vector<std::string>& current = {}) {
  std::vector<std::string> ids;
  for (const Revision* revision : list_history(map, parse_history_range(range), current)) {
    ids.push_back(revision->id());
  }
  return ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a range needs a colon") {
  CHECK_THROWS_WITH_AS(parse_history_range("030"),
                       "History range requires [start]:[end], [start]:, or :[end]", RevisionError);
  CHECK_THROWS_WITH_AS(parse_history_range("001:002:003"),
                       "History range requires [start]:[end], [start]:, or :[end]", RevisionError);
  HistoryRange range = parse_history_range(" 030:032 ");
  CHECK(range.start == "030");
  CHECK(range.end == "032");
}

TEST_CASE("only current needs the database") {
  CHECK_FALSE(history_needs_database(std::nullopt, false));
  CHECK(history_needs_database(std::nullopt, true));
  CHECK(history_needs_database(HistoryRange{"current", ""}, false));
  CHECK(history_needs_database(HistoryRange{"-3", "current"}, false));
  CHECK_FALSE(history_needs_database(HistoryRange{"030", "heads"}, false));
}

TEST_CASE("ranges list newest first and include the start") {
  RevisionMap map(test::sahara_revisions());
  CHECK(listed(map, "030:032") == Ids{"032", "031", "030"});
  CHECK(listed(map, ":003") == Ids{"003", "002", "001"});
  CHECK(listed(map, "033:") == Ids{"035", "034", "033"});
  CHECK(listed(map, "base:002") == Ids{"002", "001"});
  CHECK(listed(map, "033:heads") == Ids{"035", "034", "033"});
}

TEST_CASE("relative range ends") {
  RevisionMap map(test::sahara_revisions());
  CHECK(listed(map, "-3:") == Ids{"035", "034", "033", "032"});
  CHECK(listed(map, "030:+2") == Ids{"032", "031", "030"});
  CHECK(listed(map, "033:+9") == Ids{"035", "034", "033"});
  CHECK(listed(map, "-34:").size() == 35);
  CHECK_THROWS_WITH_AS(listed(map, "030+1:"), "Can't locate revision identified by '030+1'",
                       RevisionError);
}

TEST_CASE("current at either end stands for the version table rows") {
  RevisionMap map(test::sahara_revisions());
  CHECK(listed(map, "current:", {"033"}) == Ids{"035", "034", "033"});
  CHECK(listed(map, ":current", {"003"}) == Ids{"003", "002", "001"});
  CHECK(listed(map, "032:current", {"033"}) == Ids{"033", "032"});
  // An empty table leaves the default end.
  CHECK(listed(map, ":current", {}).size() == 35);
  CHECK(listed(map, "current:", {}).size() == 35);
}

TEST_CASE("ends on different lines are refused") {
  RevisionMap map(test::sahara_revisions());
  CHECK_THROWS_WITH_AS(listed(map, "035:030"),
                       "Requested range 035:030 does not refer to ancestor/descendant revisions "
                       "along the same branch",
                       RevisionError);
  CHECK_THROWS_WITH_AS(listed(map, "current:005", {"020"}),
                       "Requested range ('020',):005 does not refer to ancestor/descendant "
                       "revisions along the same branch",
                       RevisionError);
  // Walking below the first revision reaches the base, which is not a revision of the range.
  CHECK_THROWS_WITH_AS(listed(map, "-35:"),
                       "Requested range -35:heads does not refer to ancestor/descendant revisions "
                       "along the same branch",
                       RevisionError);
}

TEST_CASE("-N as a start with several heads can be ambiguous") {
  RevisionMap map(test::reference_run_revisions());
  CHECK_THROWS_WITH_AS(listed(map, "-1:"), "Ambiguous walk", RevisionError);
}

TEST_CASE("a label's base as start covers every branch that grew from it") {
  RevisionMap map({test::revision("s000", {}, "shared base", {}, {"lbl"}),
                   test::revision("s1a0", {"s000"}, "left"),
                   test::revision("s1b0", {"s000"}, "right"),
                   test::revision("t000", {}, "unrelated base")});
  CHECK(listed(map, "lbl@base:") == Ids{"s1a0", "s1b0", "s000"});
}

TEST_CASE("ranges over the labelled branch of the branches guide") {
  RevisionMap map(test::networking_guide_revisions());
  CHECK(listed(map, ":networking@head-1") == Ids{"29f859a13ea", "109ec7d132bf", "3cac04ae8714"});
  CHECK(listed(map, "3cac:+1") == Ids{"109ec7d132bf", "3cac04ae8714"});
  CHECK(listed(map, "networking@base:") == Ids{"2a95102259be", "29f859a13ea", "109ec7d132bf",
                                               "3cac04ae8714", "55af2cb1c267", "ae1027a6acf",
                                               "1975ea83b712"});
}

TEST_CASE("both ends current is not a revision") {
  RevisionMap map(test::sahara_revisions());
  CHECK_THROWS_WITH_AS(listed(map, "current:current", {"010"}),
                       "Can't locate revision identified by 'current'", RevisionError);
}

TEST_CASE("a start on the main line leaves out the labelled branch") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(listed(map, "1975:") == Ids{"53fffde5ad5", "27c6a30d7c24", "ae1027a6acf", "1975ea83b712"});
}
