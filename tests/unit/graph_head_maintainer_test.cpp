// Version table rows: what each step inserts, updates or deletes (one row per head).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "graph/head_maintainer.hpp"
#include "graph/migration_plan.hpp"
#include "graph/revision_map.hpp"
#include "unit/graph_fixtures.hpp"

using namespace sdm;
using namespace sdm::graph;

namespace {

std::string describe(const VersionChange& change) {
  switch (change.kind) {
    case VersionChange::Kind::Insert:
      return "INSERT " + change.to;
    case VersionChange::Kind::Update:
      return "UPDATE " + change.from + " -> " + change.to;
    case VersionChange::Kind::Delete:
      break;
  }
  return "DELETE " + change.from;
}

// Every row change of the plan, in order, and the rows left at the end.
struct TableRun {
  std::vector<std::string> changes;
  std::vector<std::string> rows;
};

TableRun run(const RevisionMap& map, const MigrationPlan& plan, std::vector<std::string> rows) {
  HeadMaintainer maintainer(map, std::move(rows));
  TableRun result;
  for (const MigrationStep& step : plan.steps) {
    for (const VersionChange& change : maintainer.apply(step)) {
      result.changes.push_back(describe(change));
    }
  }
  result.rows = maintainer.heads();
  return result;
}

using Lines = std::vector<std::string>;

// Two bases; b2 depends on the other branch's a1.
std::vector<RevisionInfo> dependent_branches() {
  return {
      test::revision("a1", {}, "first of a"),
      test::revision("b1", {}, "first of b"),
      test::revision("b2", {"b1"}, "needs a1", {"a1"}),
  };
}

}  // namespace

TEST_CASE("a linear upgrade inserts the first row then updates it") {
  RevisionMap map(test::sahara_revisions());
  TableRun table = run(map, plan_upgrade(map, "003", {}), {});
  CHECK(table.changes == Lines{"INSERT 001", "UPDATE 001 -> 002", "UPDATE 002 -> 003"});
  CHECK(table.rows == Lines{"003"});
}

TEST_CASE("upgrade heads leaves one row per branch") {
  RevisionMap map(test::two_heads());
  TableRun table = run(map, plan_upgrade(map, "heads", {}), {});
  CHECK(table.changes ==
        Lines{"INSERT 1975ea83b712", "UPDATE 1975ea83b712 -> ae1027a6acf", "INSERT 27c6a30d7c24"});
  CHECK(table.rows == Lines{"ae1027a6acf", "27c6a30d7c24"});
}

TEST_CASE("a merge deletes the other parent rows and updates one") {
  RevisionMap map(test::reference_run_revisions());
  TableRun table = run(map, plan_upgrade(map, "53fffde5ad5", {"ae1027a6acf", "27c6a30d7c24"}),
                       {"ae1027a6acf", "27c6a30d7c24"});
  CHECK(table.changes == Lines{"DELETE 27c6a30d7c24", "UPDATE ae1027a6acf -> 53fffde5ad5"});
  CHECK(table.rows == Lines{"53fffde5ad5"});
}

TEST_CASE("an unmerge inserts the extra parent and updates the merge row") {
  RevisionMap map(test::reference_run_revisions());
  TableRun table = run(map, plan_downgrade(map, "ae1027a6acf", {"53fffde5ad5"}), {"53fffde5ad5"});
  CHECK(table.changes == Lines{"INSERT 27c6a30d7c24", "UPDATE 53fffde5ad5 -> ae1027a6acf"});
  CHECK(table.rows == Lines{"ae1027a6acf", "27c6a30d7c24"});
}

TEST_CASE("unmerging gives every parent its row, even one the other parent depends on") {
  // r1 depends on l2, so l2 is implied by r1; Alembic still writes a row for each parent.
  RevisionMap map({test::revision("b", {}, "base"), test::revision("l1", {"b"}, "left one"),
                   test::revision("l2", {"l1"}, "left two"),
                   test::revision("r1", {"b"}, "right", {"l2"}),
                   test::revision("m", {"l2", "r1"}, "merge")});
  TableRun unmerge = run(map, plan_downgrade(map, "r1", {"m"}), {"m"});
  CHECK(unmerge.changes == Lines{"INSERT l2", "UPDATE m -> r1"});
  CHECK(unmerge.rows == Lines{"r1", "l2"});
  // Below the merge the implied parent's row is the one that stays.
  TableRun below = run(map, plan_downgrade(map, "l1", {"m"}), {"m"});
  CHECK(below.changes == Lines{"INSERT l2", "UPDATE m -> r1", "DELETE r1", "UPDATE l2 -> l1"});
  CHECK(below.rows == Lines{"l1"});
}

TEST_CASE("downgrading a branch that other rows do not need deletes its row") {
  RevisionMap map(test::two_heads());
  TableRun first = run(map, plan_downgrade(map, "-1", {"ae1027a6acf", "27c6a30d7c24"}),
                       {"ae1027a6acf", "27c6a30d7c24"});
  CHECK(first.changes == Lines{"DELETE ae1027a6acf"});
  CHECK(first.rows == Lines{"27c6a30d7c24"});
  TableRun to_base = run(map, plan_downgrade(map, "base", {"27c6a30d7c24"}), {"27c6a30d7c24"});
  CHECK(to_base.changes == Lines{"UPDATE 27c6a30d7c24 -> 1975ea83b712", "DELETE 1975ea83b712"});
  CHECK(to_base.rows.empty());
}

TEST_CASE("a dependency target is not kept as a row of its own") {
  RevisionMap map(dependent_branches());
  TableRun table = run(map, plan_upgrade(map, "heads", {}), {});
  CHECK(table.changes == Lines{"INSERT a1", "INSERT b1", "DELETE b1", "UPDATE a1 -> b2"});
  CHECK(table.rows == Lines{"b2"});
}

TEST_CASE("downgrading past a dependency gives its target a row again") {
  RevisionMap map(dependent_branches());
  TableRun table = run(map, plan_downgrade(map, "b1", {"b2"}), {"b2"});
  CHECK(table.changes == Lines{"INSERT b1", "UPDATE b2 -> a1"});
  CHECK(table.rows == Lines{"a1", "b1"});
}

TEST_CASE("stamp rows: update, delete, insert") {
  RevisionMap map(test::sahara_revisions());
  CHECK(run(map, plan_stamp(map, {"020"}, {"035"}), {"035"}).changes == Lines{"UPDATE 035 -> 020"});
  CHECK(run(map, plan_stamp(map, {"base"}, {"035"}), {"035"}).changes == Lines{"DELETE 035"});
  CHECK(run(map, plan_stamp(map, {"020"}, {}), {}).changes == Lines{"INSERT 020"});
}

TEST_CASE("stamping two branch revisions inserts two rows") {
  RevisionMap map(test::two_heads());
  TableRun table = run(map, plan_stamp(map, {"27c6", "ae10"}, {}), {});
  CHECK(table.changes == Lines{"INSERT 27c6a30d7c24", "INSERT ae1027a6acf"});
  CHECK(table.rows == Lines{"27c6a30d7c24", "ae1027a6acf"});
}

TEST_CASE("stamping below two heads merges their rows into one") {
  RevisionMap map(test::two_heads());
  TableRun table = run(map, plan_stamp(map, {"1975ea83b712"}, {"ae1027a6acf", "27c6a30d7c24"}),
                       {"ae1027a6acf", "27c6a30d7c24"});
  CHECK(table.changes == Lines{"DELETE ae1027a6acf", "UPDATE 27c6a30d7c24 -> 1975ea83b712"});
  CHECK(table.rows == Lines{"1975ea83b712"});
}

TEST_CASE("stamping heads above a branch point splits the row") {
  RevisionMap map(test::two_heads());
  TableRun table = run(map, plan_stamp(map, {"heads"}, {"1975ea83b712"}), {"1975ea83b712"});
  CHECK(table.changes == Lines{"UPDATE 1975ea83b712 -> 27c6a30d7c24", "INSERT ae1027a6acf"});
  CHECK(table.rows == Lines{"27c6a30d7c24", "ae1027a6acf"});
}

TEST_CASE("stamp with purge starts from an empty table") {
  RevisionMap map(test::sahara_revisions());
  TableRun table = run(map, plan_stamp(map, {"020"}, {"035"}, true), {});
  CHECK(table.changes == Lines{"INSERT 020"});
}

TEST_CASE("a step that does not fit the rows is refused") {
  RevisionMap map(test::sahara_revisions());
  HeadMaintainer maintainer(map, {"001"});
  CHECK_THROWS_AS(maintainer.apply(MigrationStep::upgrade(*map.find("001"))), DatabaseError);
  HeadMaintainer empty(map, {});
  CHECK_THROWS_AS(empty.apply(MigrationStep::stamp({"010"}, {"009"}, false, false)), DatabaseError);
}

TEST_CASE("online row count messages") {
  CHECK(unexpected_update_count_message("001", "002", "alembic_version", 0) ==
        "Online migration expected to match one row when updating '001' to '002' in "
        "'alembic_version'; 0 found");
  CHECK(unexpected_delete_count_message("035", "alembic_version", 2) ==
        "Online migration expected to match one row when deleting '035' in "
        "'alembic_version'; 2 found");
}

TEST_CASE("upgrading an empty table through a merge leaves only the merge") {
  std::vector<RevisionInfo> revisions = test::two_heads();
  revisions.push_back(
      test::revision("53fffde5ad5", {"27c6a30d7c24", "ae1027a6acf"}, "merge ae1 and 27c"));
  RevisionMap map(revisions);
  TableRun table = run(map, plan_upgrade(map, "head", {}), {});
  CHECK(table.changes == Lines{"INSERT 1975ea83b712", "UPDATE 1975ea83b712 -> ae1027a6acf",
                               "INSERT 27c6a30d7c24", "DELETE 27c6a30d7c24",
                               "UPDATE ae1027a6acf -> 53fffde5ad5"});
  CHECK(table.rows == Lines{"53fffde5ad5"});
}

TEST_CASE("downgrading one labelled branch updates its row back to its parent") {
  RevisionMap map(test::reference_run_revisions());
  TableRun table = run(map, plan_downgrade(map, "networking@-1", {"53fffde5ad5", "2a95102259be"}),
                       {"53fffde5ad5", "2a95102259be"});
  CHECK(table.changes == Lines{"UPDATE 2a95102259be -> 109ec7d132bf"});
  CHECK(table.rows == Lines{"53fffde5ad5", "109ec7d132bf"});
}
