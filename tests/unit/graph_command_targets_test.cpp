// Splitting upgrade/downgrade/stamp arguments into an offline start and destinations.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "graph/command_targets.hpp"
#include "graph/migration_plan.hpp"
#include "graph/revision_map.hpp"
#include "unit/graph_fixtures.hpp"

using namespace sdm;
using namespace sdm::graph;

TEST_CASE("upgrade ranges only offline") {
  CHECK_THROWS_WITH_AS(parse_upgrade_argument("033:035", false), "Range revision not allowed",
                       RevisionError);
  MigrationTarget online = parse_upgrade_argument("head", false);
  CHECK_FALSE(online.starting_revision);
  CHECK(online.destination == "head");
  MigrationTarget offline = parse_upgrade_argument("033:035", true);
  CHECK(*offline.starting_revision == "033");
  CHECK(offline.destination == "035");
  CHECK_FALSE(parse_upgrade_argument("+2", true).starting_revision);
}

TEST_CASE("downgrade offline requires a range") {
  CHECK_THROWS_WITH_AS(parse_downgrade_argument("base", true),
                       "downgrade with --sql requires <fromrev>:<torev>", RevisionError);
  CHECK_THROWS_WITH_AS(parse_downgrade_argument("035:base", false), "Range revision not allowed",
                       RevisionError);
  MigrationTarget offline = parse_downgrade_argument("035:base", true);
  CHECK(*offline.starting_revision == "035");
  CHECK(offline.destination == "base");
}

TEST_CASE("stamp arguments") {
  StampTarget online = parse_stamp_arguments({"27c6", "ae10"}, false, true);
  CHECK(online.destinations == std::vector<std::string>{"27c6", "ae10"});
  CHECK_FALSE(online.starting_revision);

  StampTarget offline = parse_stamp_arguments({"033:035"}, true, false);
  CHECK(*offline.starting_revision == "033");
  CHECK(offline.destinations == std::vector<std::string>{"035"});

  CHECK_THROWS_WITH_AS(parse_stamp_arguments({"001:002", "003:004"}, true, false),
                       "Stamp operation with --sql only supports a single starting revision at a "
                       "time",
                       RevisionError);
  CHECK_THROWS_WITH_AS(parse_stamp_arguments({"020"}, true, true),
                       "Can't use --purge with --sql mode", RevisionError);
}

TEST_CASE("offline runs start from the revision the range names") {
  RevisionMap map(test::sahara_revisions());
  CHECK(offline_start_heads(map, std::nullopt).empty());
  CHECK(offline_start_heads(map, std::string("base")).empty());
  CHECK(offline_start_heads(map, std::string("033")) == std::vector<std::string>{"033"});
  CHECK(offline_start_heads(map, std::string("head")) == std::vector<std::string>{"035"});
  CHECK_THROWS_WITH_AS(offline_start_heads(map, std::string("03")),
                       "Can't locate revision identified by '03'", RevisionError);
}

TEST_CASE("offline ranges of sahara that go nowhere produce no steps") {
  RevisionMap map(test::sahara_revisions());
  for (const char* argument : {"034:033", "035:head", "001:base"}) {
    CAPTURE(std::string(argument));
    MigrationTarget target = parse_upgrade_argument(argument, true);
    CHECK(plan_upgrade(map, target.destination, offline_start_heads(map, target.starting_revision))
              .steps.empty());
  }
  CHECK(plan_upgrade(map, "base", offline_start_heads(map, std::nullopt)).steps.empty());
}

TEST_CASE("offline upgrade and stamp from a start revision") {
  RevisionMap map(test::sahara_revisions());
  MigrationTarget range = parse_upgrade_argument("033:035", true);
  MigrationPlan upgrade =
      plan_upgrade(map, range.destination, offline_start_heads(map, range.starting_revision));
  REQUIRE(upgrade.steps.size() == 2);
  CHECK(upgrade.steps[0].short_log() == "upgrade 033 -> 034");
  CHECK(plan_upgrade(map, "+2", offline_start_heads(map, std::nullopt)).steps.size() == 2);

  StampTarget stamp = parse_stamp_arguments({"035:base"}, true, false);
  MigrationPlan removal =
      plan_stamp(map, stamp.destinations, offline_start_heads(map, stamp.starting_revision));
  REQUIRE(removal.steps.size() == 1);
  CHECK(removal.steps[0].short_log() == "stamp_revision 035 -> ");
  CHECK(plan_stamp(map, {"020"}, offline_start_heads(map, std::nullopt)).steps.at(0).short_log() ==
        "stamp_revision  -> 020");
}
