// The structure of a RevisionMap: heads, bases, branch and merge points, labels, messages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "graph/revision_map.hpp"
#include "unit/graph_fixtures.hpp"

using namespace sdm::graph;

namespace {

using Ids = std::vector<std::string>;

Ids ids_of(const std::vector<const Revision*>& revisions) {
  Ids ids;
  for (const Revision* revision : revisions)
    ids.push_back(revision->id());
  return ids;
}

}  // namespace

TEST_CASE("sahara history is one line from 001 to 035") {
  RevisionMap map(test::sahara_revisions());
  REQUIRE(map.size() == 35);
  CHECK(map.ids(map.heads()) == Ids{"035"});
  CHECK(map.ids(map.real_heads()) == Ids{"035"});
  CHECK(map.ids(map.bases()) == Ids{"001"});
  CHECK(map.branch_points().empty());
  CHECK(map.merge_points().empty());
  CHECK(map.find("020")->children() == Ids{"021"});
  CHECK(map.find("020")->parents() == Ids{"019"});
}

TEST_CASE("heads and bases of the reference run follow load order") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(map.ids(map.heads()) == Ids{"2a95102259be", "53fffde5ad5"});
  CHECK(map.ids(map.real_heads()) == Ids{"2a95102259be", "53fffde5ad5"});
  CHECK(map.ids(map.bases()) == Ids{"109ec7d132bf", "1975ea83b712"});
  CHECK(map.ids(map.real_bases()) == Ids{"109ec7d132bf", "1975ea83b712"});
  CHECK(ids_of(map.branch_points()) == Ids{"1975ea83b712"});
  CHECK(ids_of(map.merge_points()) == Ids{"53fffde5ad5"});
}

TEST_CASE("children are listed in load order") {
  RevisionMap map({test::revision("base", {}, "b"), test::revision("zeta", {"base"}, "z"),
                   test::revision("alpha", {"base"}, "a")});
  CHECK(map.find("base")->children() == Ids{"zeta", "alpha"});
  CHECK(map.find("base")->is_branch_point());
}

TEST_CASE("a dependency makes its target an effective head, not a real one") {
  RevisionMap map(test::networking_guide_revisions());
  const Revision& target = *map.find("55af2cb1c267");
  CHECK(target.is_head());
  CHECK_FALSE(target.is_real_head());
  CHECK(map.ids(map.heads()) == Ids{"27c6a30d7c24", "2a95102259be", "55af2cb1c267"});
  CHECK(map.ids(map.real_heads()) == Ids{"27c6a30d7c24", "2a95102259be"});
  const Revision& dependent = *map.find("2a95102259be");
  CHECK(map.ids(dependent.dependency_indices()) == Ids{"55af2cb1c267"});
  CHECK(dependent.normalized_down_revisions() == Ids{"29f859a13ea", "55af2cb1c267"});
}

TEST_CASE("a dependency counts toward real branch points") {
  RevisionMap map(test::reference_run_revisions());
  const Revision& column = *map.find("ae1027a6acf");
  CHECK_FALSE(column.is_branch_point());
  CHECK(column.is_real_branch_point());
}

TEST_CASE("a dependency an ancestor already declares is not repeated") {
  RevisionMap map({test::revision("a1", {}, "a"), test::revision("b1", {}, "b", {"a1"}),
                   test::revision("b2", {"b1"}, "b two", {"a1"})});
  const Revision& later = *map.find("b2");
  CHECK(map.ids(later.dependency_indices()) == Ids{"a1"});
  CHECK(later.normalized_dependency_indices().empty());
  CHECK(later.normalized_down_revisions() == Ids{"b1"});
}

TEST_CASE("a depends_on label resolves to the revision declaring it") {
  RevisionMap map({test::revision("a1", {}, "a", {}, {"accounts"}),
                   test::revision("b1", {}, "b", {"accounts"})});
  const Revision& dependent = *map.find("b1");
  CHECK(map.ids(dependent.dependency_indices()) == Ids{"a1"});
  CHECK(dependent.depends_on() == Ids{"accounts"});
  CHECK(dependent.is_base());
  CHECK_FALSE(dependent.is_real_base());
  CHECK(map.ids(map.real_bases()) == Ids{"a1"});
}

TEST_CASE("a label spreads to the revisions of its branch") {
  RevisionMap map(test::networking_guide_revisions());
  for (const char* id : {"3cac04ae8714", "109ec7d132bf", "29f859a13ea", "2a95102259be"}) {
    CAPTURE(std::string(id));
    CHECK(map.find(id)->branch_labels() == Ids{"networking"});
  }
  for (const char* id : {"55af2cb1c267", "ae1027a6acf", "1975ea83b712", "27c6a30d7c24"}) {
    CAPTURE(std::string(id));
    CHECK(map.find(id)->branch_labels().empty());
  }
  CHECK(map.find("3cac04ae8714")->own_branch_labels() == Ids{"networking"});
  CHECK(map.find("109ec7d132bf")->own_branch_labels().empty());
}

TEST_CASE("a label stops spreading down at the branch point") {
  RevisionMap map({test::revision("b0", {}, "base"), test::revision("b1", {"b0"}, "split"),
                   test::revision("b2", {"b1"}, "labelled", {}, {"x"}),
                   test::revision("b3", {"b2"}, "tip of x"),
                   test::revision("c2", {"b1"}, "other side")});
  CHECK(map.find("b2")->branch_labels() == Ids{"x"});
  CHECK(map.find("b3")->branch_labels() == Ids{"x"});
  CHECK(map.find("b1")->branch_labels().empty());
  CHECK(map.find("b0")->branch_labels().empty());
  CHECK(map.find("c2")->branch_labels().empty());
}

TEST_CASE("on a single line a label covers the whole line") {
  std::vector<RevisionInfo> revisions = test::sahara_revisions();
  revisions[19].branch_labels = {"sahara"};
  RevisionMap map(revisions);
  CHECK(map.find("001")->branch_labels() == Ids{"sahara"});
  CHECK(map.find("035")->branch_labels() == Ids{"sahara"});
}

TEST_CASE("lookups by id and by label") {
  RevisionMap map(test::reference_run_revisions());
  CHECK(map.find("ae1027a6acf")->index() == 5);
  CHECK(map.find("networking") == nullptr);
  CHECK(map.find_key("networking")->id() == "109ec7d132bf");
  CHECK(map.lookup_keys().back() == "networking");
  CHECK(map.find("ae10") == nullptr);
}

TEST_CASE("message is the first paragraph of the stripped docstring") {
  RevisionInfo info = test::revision("m1", {}, "");
  info.doc = "\n  first line\nsecond line\n\nRevision ID: m1\n\n  ";
  RevisionMap map({info});
  CHECK(map.at(0).message() == "first line\nsecond line");
  CHECK(map.at(0).long_doc() == "first line\nsecond line\n\nRevision ID: m1");
}

TEST_CASE("an empty graph") {
  RevisionMap map;
  CHECK(map.empty());
  CHECK(map.heads().empty());
  RevisionMap built(std::vector<RevisionInfo>{});
  CHECK(built.bases().empty());
}
