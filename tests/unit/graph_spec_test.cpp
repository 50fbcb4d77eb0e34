// Revision arguments: symbols, ids, prefixes, labels, relative steps, and their error texts.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "graph/migration_plan.hpp"
#include "graph/revision_errors.hpp"
#include "graph/revision_lookup.hpp"
#include "graph/revision_map.hpp"
#include "graph/revision_spec.hpp"
#include "unit/graph_fixtures.hpp"

using namespace sdm;
using namespace sdm::graph;

namespace {

std::vector<std::string> ids(const std::vector<const Revision*>& revisions) {
  std::vector<std::string> result;
  for (const Revision* revision : revisions)
    result.push_back(revision->id());
  return result;
}

std::vector<std::string> upgraded(const RevisionMap& map, const std::string& destination,
                                  const std::vector<std::string>& current) {
  std::vector<std::string> result;
  for (const MigrationStep& step : plan_upgrade(map, destination, current).steps) {
    result.push_back(step.revision->id());
  }
  return result;
}

const char* const kMultipleHeads =
    "Multiple head revisions are present for given argument 'head'; please specify a specific "
    "target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads";

}  // namespace

TEST_CASE("symbols head heads and base") {
  RevisionMap map(test::sahara_revisions());
  CHECK(ids(resolve_revisions(map, "head")) == std::vector<std::string>{"035"});
  CHECK(ids(resolve_revisions(map, "heads")) == std::vector<std::string>{"035"});
  CHECK(resolve_revisions(map, "base").empty());
  CHECK(resolve_revision(map, "base") == nullptr);
  CHECK(resolve_revision(map, "head")->id() == "035");
}

TEST_CASE("exact sahara ids resolve but their prefixes never do") {
  RevisionMap map(test::sahara_revisions());
  CHECK(resolve_revision(map, "002")->id() == "002");
  CHECK_THROWS_WITH_AS(resolve_revision(map, "00"), "Can't locate revision identified by '00'",
                       RevisionError);
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "03", {}), "Can't locate revision identified by '03'",
                       RevisionError);
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "nosuch", {"010"}),
                       "Can't locate revision identified by 'nosuch'", RevisionError);
}

TEST_CASE("the underlying resolution error explains the four character rule") {
  RevisionMap map(test::sahara_revisions());
  CHECK_THROWS_WITH_AS(get_revision(map, "03"),
                       "No such revision or branch '03'; please ensure at least four characters "
                       "are present for partial revision identifier matches",
                       ResolutionError);
}

TEST_CASE("prefixes match ids longer than three characters") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(resolve_revision(map, "a")->id() == "ae1027a6acf");
  CHECK(resolve_revision(map, "27c6")->id() == "27c6a30d7c24");
  CHECK(resolve_revision(map, "networking")->id() == "109ec7d132bf");
}

TEST_CASE("an ambiguous prefix reads as an unknown revision to the user") {
  RevisionMap map(test::reference_run_revisions());
  CHECK_THROWS_WITH_AS(resolve_revision(map, "1"), "Can't locate revision identified by '1'",
                       RevisionError);
  CHECK_THROWS_WITH_AS(get_revision(map, "1"),
                       "Multiple revisions start with '1': '109ec7d132bf', '1975ea83b712'...",
                       ResolutionError);
}

TEST_CASE("head with several heads is refused with the full advice") {
  RevisionMap map(test::reference_run_revisions());
  CHECK_THROWS_WITH_AS(resolve_revision(map, "head"), kMultipleHeads, RevisionError);
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "head", {}), kMultipleHeads, RevisionError);
  CHECK(ids(resolve_revisions(map, "heads")) ==
        std::vector<std::string>{"2a95102259be", "53fffde5ad5"});
}

TEST_CASE("branch label forms") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(ids(resolve_revisions(map, "networking@head")) == std::vector<std::string>{"2a95102259be"});
  CHECK(ids(resolve_revisions(map, "networking@heads")) ==
        std::vector<std::string>{"2a95102259be"});
  CHECK(resolve_revisions(map, "networking@base").empty());
  CHECK(ids(resolve_revisions(map, "networking@-1")) == std::vector<std::string>{"109ec7d132bf"});
  CHECK_THROWS_WITH_AS(resolve_revisions(map, "nosuch@head"),
                       "Can't locate revision identified by 'nosuch'", RevisionError);
}

TEST_CASE("a revision id before @head names the head of its branch") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(resolve_revision(map, "ae10@head")->id() == "53fffde5ad5");
  CHECK(resolve_revision(map, "109ec7d132bf@head")->id() == "2a95102259be");
}

TEST_CASE("a revision outside the named branch is refused") {
  RevisionMap map(test::reference_run_revisions());
  CHECK_THROWS_WITH_AS(get_revision(map, "networking@27c6a30d7c24"),
                       "Revision 27c6a30d7c24 is not a member of branch 'networking'",
                       ResolutionError);
  CHECK_THROWS_WITH_AS(resolve_revision(map, "networking@27c6a30d7c24"),
                       "Can't locate revision identified by '27c6a30d7c24'", RevisionError);
  // A prefix is only matched among the branch's own revisions.
  CHECK_THROWS_WITH_AS(get_revision(map, "networking@27c6"), "No such revision or branch '27c6'",
                       ResolutionError);
}

TEST_CASE("relative targets match at the start like Alembic's pattern") {
  std::optional<RelativeTarget> plain = match_relative_target("+2");
  REQUIRE(plain);
  CHECK_FALSE(plain->branch_label);
  CHECK_FALSE(plain->symbol);
  CHECK(plain->relative == "+2");
  CHECK(plain->steps == 2);

  std::optional<RelativeTarget> full = match_relative_target("networking@head-12");
  REQUIRE(full);
  CHECK(*full->branch_label == "networking");
  CHECK(*full->symbol == "head");
  CHECK(full->steps == -12);

  std::optional<RelativeTarget> at_in_label = match_relative_target("a@b@+1");
  REQUIRE(at_in_label);
  CHECK(*at_in_label->branch_label == "a@b");
  CHECK_FALSE(at_in_label->symbol);

  CHECK_FALSE(match_relative_target("+-2"));
  CHECK_FALSE(match_relative_target("head"));
  CHECK_FALSE(match_relative_target("a-b"));
}

TEST_CASE("relative upgrades of sahara") {
  RevisionMap map(test::sahara_revisions());
  CHECK(upgraded(map, "+2", {"003"}) == std::vector<std::string>{"004", "005"});
  CHECK(upgraded(map, "006+2", {"003"}) ==
        std::vector<std::string>{"004", "005", "006", "007", "008"});
  CHECK(upgraded(map, "+2", {}) == std::vector<std::string>{"001", "002"});
  CHECK(upgraded(map, "head-33", {}) == std::vector<std::string>{"001", "002"});
}

TEST_CASE("relative upgrades that cannot be taken") {
  RevisionMap map(test::sahara_revisions());
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "+1", {"035"}),
                       "Relative revision +1 didn't produce 1 migrations", RevisionError);
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "+5", {"032"}),
                       "Relative revision +5 didn't produce 5 migrations", RevisionError);
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "-1", {"010"}),
                       "Relative revision -1 didn't produce 1 migrations", RevisionError);
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "+0", {"010"}),
                       "Relative revision 0 didn't produce 0 migrations", RevisionError);
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "033+5", {"010"}),
                       "Relative revision +5 didn't produce 5 migrations", RevisionError);
}

TEST_CASE("a negative delta turned into +-N is an unknown revision") {
  RevisionMap map(test::sahara_revisions());
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "+-2", {"010"}),
                       "Can't locate revision identified by '+-2'", RevisionError);
}

TEST_CASE("-N names the revision N below each head") {
  RevisionMap map(test::sahara_revisions());
  CHECK(ids(resolve_revisions(map, "-1")) == std::vector<std::string>{"034"});
  CHECK(resolve_revisions(map, "-35").empty());
  // Other relative forms are only understood as upgrade or downgrade targets.
  CHECK_THROWS_WITH_AS(resolve_revision(map, "head-1"),
                       "Can't locate revision identified by 'head-1'", RevisionError);
}

TEST_CASE("label relative forms") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(upgraded(map, "networking@+1", {}) == std::vector<std::string>{"109ec7d132bf"});
  CHECK(upgraded(map, "networking@+2", {}) ==
        std::vector<std::string>{"1975ea83b712", "ae1027a6acf", "109ec7d132bf", "2a95102259be"});
  CHECK(upgraded(map, "networking@head-1", {}) == std::vector<std::string>{"109ec7d132bf"});
  CHECK(upgraded(map, "networking@109ec+1", {"109ec7d132bf"}) ==
        std::vector<std::string>{"1975ea83b712", "ae1027a6acf", "2a95102259be"});
}

TEST_CASE("a relative step from several current heads is ambiguous") {
  RevisionMap map(test::reference_run_revisions());
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "+1", {"ae1027a6acf", "27c6a30d7c24"}),
                       "Ambiguous upgrade from multiple current revisions", RevisionError);
}

TEST_CASE("walking down from a merge point is ambiguous") {
  RevisionMap map(test::reference_run_revisions());
  CHECK_THROWS_WITH_AS(plan_downgrade(map, "-1", {"53fffde5ad5"}), "Ambiguous walk", RevisionError);
  CHECK_THROWS_WITH_AS(resolve_revisions(map, "53fff-1"),
                       "Can't locate revision identified "
                       "by '53fff-1'",
                       RevisionError);
}

TEST_CASE("downgrade by a positive step is refused") {
  RevisionMap map(test::sahara_revisions());
  CHECK_THROWS_WITH_AS(plan_downgrade(map, "+1", {"010"}),
                       "Relative revision +1 didn't produce 1 migrations", RevisionError);
  CHECK_THROWS_WITH_AS(plan_downgrade(map, "-11", {"010"}),
                       "Relative revision -11 didn't produce 11 migrations", RevisionError);
}

TEST_CASE("a downgrade destination above the current revision is refused") {
  RevisionMap map(test::sahara_revisions());
  CHECK_THROWS_WITH_AS(plan_downgrade(map, "030", {"020"}),
                       "Destination 030 is not a valid downgrade target from current head(s)",
                       RevisionError);
}

TEST_CASE("targets reaching one another are refused") {
  RevisionMap map({test::revision("b000", {}, "base", {}, {"lbl"}),
                   test::revision("b001", {"b000"}, "one"),
                   test::revision("b002", {"b000"}, "two", {"b001"})});
  CHECK_THROWS_WITH_AS(plan_upgrade(map, "lbl@heads", {}),
                       "Requested revision b002 overlaps with other requested revisions b001",
                       RevisionError);
}

TEST_CASE("parents of a new revision") {
  RevisionMap sahara(test::sahara_revisions());
  CHECK(ids(new_revision_parents(sahara)) == std::vector<std::string>{"035"});
  CHECK_THROWS_WITH_AS(new_revision_parents(sahara, "020"),
                       "Revision 020 is not a head revision; please specify --splice to create a "
                       "new branch from this revision",
                       RevisionError);
  CHECK(ids(new_revision_parents(sahara, "020", true)) == std::vector<std::string>{"020"});
  CHECK(new_revision_parents(RevisionMap{}).empty());

  RevisionMap branched(test::reference_run_revisions());
  CHECK_THROWS_WITH_AS(new_revision_parents(branched),
                       "Multiple heads are present; please specify the head revision on which the "
                       "new revision should be based, or perform a merge.",
                       RevisionError);
  CHECK(ids(new_revision_parents(branched, std::vector<std::string>{"53ff", "2a95"})) ==
        std::vector<std::string>{"53fffde5ad5", "2a95102259be"});
  CHECK_THROWS_WITH_AS(
      new_revision_parents(branched, std::vector<std::string>{"53ff", "53fffde5ad5"}),
      "Duplicate head revisions specified", RevisionError);
}
