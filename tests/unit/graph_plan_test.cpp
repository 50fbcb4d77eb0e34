// Upgrade, downgrade and stamp plans: which steps run, in which order, and their log lines.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "graph/migration_plan.hpp"
#include "graph/revision_map.hpp"
#include "unit/graph_fixtures.hpp"

using namespace sdm;
using namespace sdm::graph;

namespace {

std::vector<std::string> log_lines(const MigrationPlan& plan) {
  std::vector<std::string> lines;
  for (const MigrationStep& step : plan.steps)
    lines.push_back(step.log_text());
  return lines;
}

}  // namespace

TEST_CASE("upgrading sahara from an empty database runs 001 to 035 in order") {
  RevisionMap map(test::sahara_revisions());
  MigrationPlan plan = plan_upgrade(map, "head", {});
  REQUIRE(plan.steps.size() == 35);
  CHECK(plan.steps.front().log_text() == "upgrade  -> 001, Icehouse release");
  CHECK(plan.steps[1].log_text() == "upgrade 001 -> 002, placeholder");
  CHECK(plan.steps.back().log_text() == "upgrade 034 -> 035, boot from volume enhancements");
  CHECK(plan.steps.front().short_log() == "upgrade  -> 001");
  CHECK(plan.warnings.empty());
}

TEST_CASE("upgrading to a revision at or below the current one does nothing") {
  RevisionMap map(test::sahara_revisions());
  CHECK(plan_upgrade(map, "005", {"010"}).steps.empty());
  CHECK(plan_upgrade(map, "010", {"010"}).steps.empty());
  CHECK(plan_upgrade(map, "base", {"010"}).steps.empty());
  CHECK(plan_upgrade(map, "head", {"035"}).steps.empty());
  CHECK(plan_upgrade(map, "heads", {"035"}).steps.empty());
}

TEST_CASE("upgrading sahara part of the way") {
  RevisionMap map(test::sahara_revisions());
  CHECK(log_lines(plan_upgrade(map, "022", {"020"})) ==
        std::vector<std::string>{
            "upgrade 020 -> 021, Add data_source_urls to job_executions to support placeholders",
            "upgrade 021 -> 022, add_job_interface"});
}

TEST_CASE("upgrade heads applies each branch and the docs' log lines come out") {
  RevisionMap map(test::two_heads());
  CHECK(log_lines(plan_upgrade(map, "heads", {})) ==
        std::vector<std::string>{"upgrade  -> 1975ea83b712, create account table",
                                 "upgrade 1975ea83b712 -> ae1027a6acf, add a column",
                                 "upgrade 1975ea83b712 -> 27c6a30d7c24, add shopping cart table"});
}

TEST_CASE("upgrade through a merge runs both parents first") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(log_lines(plan_upgrade(map, "53fffde5ad5", {})) ==
        std::vector<std::string>{
            "upgrade  -> 1975ea83b712, create account table",
            "upgrade 1975ea83b712 -> ae1027a6acf, add a column",
            "upgrade 1975ea83b712 -> 27c6a30d7c24, add shopping cart table",
            "upgrade 27c6a30d7c24, ae1027a6acf -> 53fffde5ad5, merge ae1 and 27c"});
  CHECK(log_lines(plan_upgrade(map, "53fffde5ad5", {"27c6a30d7c24"})) ==
        std::vector<std::string>{
            "upgrade 1975ea83b712 -> ae1027a6acf, add a column",
            "upgrade 27c6a30d7c24, ae1027a6acf -> 53fffde5ad5, merge ae1 and 27c"});
}

TEST_CASE("upgrading a labelled branch pulls in what it depends on") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(log_lines(plan_upgrade(map, "networking@head", {})) ==
        std::vector<std::string>{"upgrade  -> 1975ea83b712, create account table",
                                 "upgrade 1975ea83b712 -> ae1027a6acf, add a column",
                                 "upgrade  -> 109ec7d132bf, create networking branch",
                                 "upgrade 109ec7d132bf -> 2a95102259be, add ip account table"});
}

TEST_CASE("upgrade steps report their revision lists with and without dependencies") {
  RevisionMap map(test::reference_run_revisions());
  MigrationPlan plan = plan_upgrade(map, "2a95102259be", {"ae1027a6acf", "109ec7d132bf"});
  REQUIRE(plan.steps.size() == 1);
  const MigrationStep& step = plan.steps.front();
  CHECK(step.is_upgrade);
  CHECK(step.name() == "upgrade");
  CHECK(step.from_revisions == std::vector<std::string>{"109ec7d132bf", "ae1027a6acf"});
  CHECK(step.from_revisions_no_deps == std::vector<std::string>{"109ec7d132bf"});
  CHECK(step.to_revisions == std::vector<std::string>{"2a95102259be"});
  CHECK(step.to_revisions_no_deps == std::vector<std::string>{"2a95102259be"});
}

TEST_CASE("downgrading one step at a time closes branches then walks down") {
  RevisionMap map(test::two_heads());
  MigrationPlan first = plan_downgrade(map, "-1", {"ae1027a6acf", "27c6a30d7c24"});
  CHECK(log_lines(first) ==
        std::vector<std::string>{"downgrade ae1027a6acf -> 1975ea83b712, add a column"});
  CHECK(first.warnings == std::vector<std::string>{
                              "downgrade -1 from multiple heads is ambiguous; this usage will be "
                              "disallowed in a future release."});
  CHECK(
      log_lines(plan_downgrade(map, "-1", {"27c6a30d7c24"})) ==
      std::vector<std::string>{"downgrade 27c6a30d7c24 -> 1975ea83b712, add shopping cart table"});
  CHECK(log_lines(plan_downgrade(map, "-1", {"1975ea83b712"})) ==
        std::vector<std::string>{"downgrade 1975ea83b712 -> , create account table"});
}

TEST_CASE("downgrade to base undoes everything newest first") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(log_lines(plan_downgrade(map, "base", {"53fffde5ad5", "2a95102259be"})) ==
        std::vector<std::string>{
            "downgrade 2a95102259be -> 109ec7d132bf, add ip account table",
            "downgrade 109ec7d132bf -> , create networking branch",
            "downgrade 53fffde5ad5 -> 27c6a30d7c24, ae1027a6acf, merge ae1 and 27c",
            "downgrade 27c6a30d7c24 -> 1975ea83b712, add shopping cart table",
            "downgrade ae1027a6acf -> 1975ea83b712, add a column",
            "downgrade 1975ea83b712 -> , create account table"});
}

TEST_CASE("downgrading below a dependency also undoes what depends on it") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(log_lines(plan_downgrade(map, "1975ea83b712", {"53fffde5ad5", "2a95102259be"})) ==
        std::vector<std::string>{
            "downgrade 2a95102259be -> 109ec7d132bf, add ip account table",
            "downgrade 53fffde5ad5 -> 27c6a30d7c24, ae1027a6acf, merge ae1 and 27c",
            "downgrade 27c6a30d7c24 -> 1975ea83b712, add shopping cart table",
            "downgrade ae1027a6acf -> 1975ea83b712, add a column"});
}

TEST_CASE("downgrade to the current revision does nothing") {
  RevisionMap map(test::sahara_revisions());
  CHECK(plan_downgrade(map, "020", {"020"}).steps.empty());
  CHECK(log_lines(plan_downgrade(map, "018", {"020"})) ==
        std::vector<std::string>{"downgrade 020 -> 019, remove redandunt progress ops",
                                 "downgrade 019 -> 018, Add is_default field for cluster and "
                                 "node_group templates"});
}

TEST_CASE("stamping sahara up, down, to base and from empty") {
  RevisionMap map(test::sahara_revisions());
  CHECK(log_lines(plan_stamp(map, {"020"}, {"035"})) ==
        std::vector<std::string>{"stamp_revision 035 -> 020"});
  CHECK(log_lines(plan_stamp(map, {"head"}, {"020"})) ==
        std::vector<std::string>{"stamp_revision 020 -> 035"});
  CHECK(log_lines(plan_stamp(map, {"base"}, {"035"})) ==
        std::vector<std::string>{"stamp_revision 035 -> "});
  CHECK(log_lines(plan_stamp(map, {"020"}, {})) ==
        std::vector<std::string>{"stamp_revision  -> 020"});
  CHECK(plan_stamp(map, {"035"}, {"035"}).steps.empty());
}

TEST_CASE("stamp steps carry direction and branch movement") {
  RevisionMap map(test::sahara_revisions());
  MigrationStep down = plan_stamp(map, {"020"}, {"035"}).steps.at(0);
  CHECK(down.kind == MigrationStep::Kind::Stamp);
  CHECK_FALSE(down.is_upgrade);
  CHECK_FALSE(down.branch_move);
  CHECK(down.doc().empty());
  MigrationStep removal = plan_stamp(map, {"base"}, {"035"}).steps.at(0);
  CHECK(removal.branch_move);
  CHECK(removal.from_revisions == std::vector<std::string>{"035"});
  CHECK(removal.to_revisions.empty());
}

TEST_CASE("stamp with purge ignores the rows the table had") {
  RevisionMap map(test::sahara_revisions());
  CHECK(log_lines(plan_stamp(map, {"020"}, {"035"}, true)) ==
        std::vector<std::string>{"stamp_revision  -> 020"});
}

TEST_CASE("stamping several revisions at once") {
  RevisionMap map(test::two_heads());
  CHECK(log_lines(plan_stamp(map, {"27c6", "ae10"}, {})) ==
        std::vector<std::string>{"stamp_revision  -> 27c6a30d7c24",
                                 "stamp_revision  -> ae1027a6acf"});
  CHECK(log_lines(plan_stamp(map, {"1975ea83b712"}, {"ae1027a6acf", "27c6a30d7c24"})) ==
        std::vector<std::string>{"stamp_revision ae1027a6acf, 27c6a30d7c24 -> 1975ea83b712"});
}

TEST_CASE("stamp errors") {
  RevisionMap sahara(test::sahara_revisions());
  CHECK_THROWS_WITH_AS(plan_stamp(sahara, {"nosuch"}, {"035"}),
                       "Can't locate revision identified by 'nosuch'", RevisionError);
  RevisionMap branched(test::two_heads());
  CHECK_THROWS_WITH_AS(plan_stamp(branched, {"head"}, {}),
                       "Multiple heads are present; please specify a single target revision",
                       RevisionError);
}

TEST_CASE("stamping the base removes the head's row") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(log_lines(plan_stamp(map, {"base"}, {"53fffde5ad5"})) ==
        std::vector<std::string>{"stamp_revision 53fffde5ad5 -> "});
}

TEST_CASE("a label narrows a relative downgrade to its branch") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(log_lines(plan_downgrade(map, "networking@-1", {"53fffde5ad5", "2a95102259be"})) ==
        std::vector<std::string>{"downgrade 2a95102259be -> 109ec7d132bf, add ip account table"});
}

TEST_CASE("a stored revision the files do not know stops the upgrade") {
  RevisionMap map(test::sahara_revisions());
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "head", {"036"}),
                       "Can't locate revision identified by '036'", RevisionError);
}
