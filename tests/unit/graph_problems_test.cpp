// Revisions that cannot form a graph: every problem is reported with the file at fault.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "graph/graph_problems.hpp"
#include "graph/revision_map.hpp"
#include "unit/graph_fixtures.hpp"

using namespace sdm;
using namespace sdm::graph;

namespace {

using test::revision;

std::vector<std::string> described(const std::vector<RevisionInfo>& revisions) {
  std::vector<std::string> lines;
  for (const GraphProblem& problem : find_graph_problems(revisions)) {
    lines.push_back(format_graph_problem(problem));
  }
  return lines;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a sound graph has no problems") {
  CHECK(find_graph_problems(test::sahara_revisions()).empty());
  CHECK(find_graph_problems(test::reference_run_revisions()).empty());
  CHECK(find_graph_problems({}).empty());
}

TEST_CASE("a duplicate id names both files") {
  std::vector<RevisionInfo> revisions = {revision("001", {}, "first"),
                                         revision("002", {"001"}, "second")};
  RevisionInfo copy = revision("002", {"001"}, "copy");
  copy.path = "/srv/other/002_copy.py";
  revisions.push_back(copy);
  CHECK(described(revisions) ==
        Lines{"/srv/versions/002.py, /srv/other/002_copy.py: Revision 002 is present more than "
              "once"});
}

TEST_CASE("an unknown parent, in Alembic's words: the referrer as its history line") {
  CHECK(described({revision("001", {}, "first"), revision("002", {"999"}, "second")}) ==
        Lines{"/srv/versions/002.py: Revision 999 referenced from 999 -> 002 (head), second is "
              "not present"});
  // Only children loaded before the referrer count, as when Alembic meets the reference.
  CHECK(described({revision("c1", {"m1"}, "child one"), revision("c2", {"m1"}, "child two"),
                   revision("m1", {"a1", "zz"}, "merge")}) ==
        Lines{"/srv/versions/m1.py: Revision a1 referenced from a1, zz -> m1 (branchpoint) "
              "(mergepoint), merge is not present",
              "/srv/versions/m1.py: Revision zz referenced from a1, zz -> m1 (branchpoint) "
              "(mergepoint), merge is not present"});
  CHECK(described({revision("m1", {"zz"}, "parent"), revision("c1", {"m1"}, "child")}) ==
        Lines{"/srv/versions/m1.py: Revision zz referenced from zz -> m1 (head), parent is not "
              "present"});
}

TEST_CASE("an unknown dependency") {
  CHECK(described({revision("001", {}, "first"), revision("002", {"001"}, "second", {"nope"})}) ==
        Lines{"/srv/versions/002.py: Revision nope referenced from 001 -> 002 (head), second is "
              "not present"});
}

TEST_CASE("a cycle names every file on it") {
  CHECK(described({revision("r000", {}, "base"), revision("r001", {"r002"}, "one"),
                   revision("r002", {"r001"}, "two")}) ==
        Lines{"/srv/versions/r001.py, /srv/versions/r002.py: Cycle is detected in revisions "
              "(r001, r002)"});
}

TEST_CASE("a graph that is all cycle") {
  CHECK(described({revision("y", {"x"}, "y"), revision("x", {"y"}, "x")}) ==
        Lines{"/srv/versions/y.py, /srv/versions/x.py: Cycle is detected in revisions (y, x)"});
}

TEST_CASE("a dependency cycle") {
  CHECK(described({revision("d0", {}, "base"), revision("d1", {"d0"}, "one", {"d2"}),
                   revision("d2", {"d0"}, "two", {"d1"})}) ==
        Lines{"/srv/versions/d0.py, /srv/versions/d1.py, /srv/versions/d2.py: Dependency cycle is "
              "detected in revisions (d0, d1, d2)"});
}

TEST_CASE("self loops") {
  CHECK(described({revision("s1", {"s1"}, "loop")}) ==
        Lines{"/srv/versions/s1.py: Self-loop is detected in revisions (s1)"});
  CHECK(described({revision("s1", {}, "loop", {"s1"})}) ==
        Lines{"/srv/versions/s1.py: Dependency self-loop is detected in revisions (s1)"});
}

TEST_CASE("illegal revision ids") {
  CHECK(described({revision("a-b", {}, "dash")}) ==
        Lines{"/srv/versions/a-b.py: Character(s) '-' not allowed in revision identifier 'a-b'"});
  CHECK(described({revision("a@b:c+", {}, "many")}) ==
        Lines{"/srv/versions/a@b:c+.py: Character(s) '+, :, @' not allowed in revision "
              "identifier 'a@b:c+'"});
  CHECK(described({revision("a b", {}, "space")}) ==
        Lines{"/srv/versions/a b.py: Whitespace not allowed in revision identifier 'a b'"});
  CHECK(described({revision("", {}, "empty")}) ==
        Lines{"/srv/versions/.py: Revision identifier is empty"});
  CHECK(revision_id_problem("0db70cede92f") == std::nullopt);
}

TEST_CASE("a branch label used twice or clashing with an id") {
  CHECK(described({revision("l1", {}, "one", {}, {"shared"}),
                   revision("l2", {}, "two", {}, {"shared"})}) ==
        Lines{"/srv/versions/l1.py, /srv/versions/l2.py: Branch name 'shared' in revision l2 "
              "already used by revision l1"});
  CHECK(described({revision("l1", {}, "one"), revision("l2", {}, "two", {}, {"l1"})}) ==
        Lines{"/srv/versions/l1.py, /srv/versions/l2.py: Branch name 'l1' in revision l2 already "
              "used by revision l1"});
}

TEST_CASE("a parent listed twice") {
  CHECK(described({revision("p1", {}, "one"), revision("p2", {"p1", "p1"}, "two")}) ==
        Lines{"/srv/versions/p2.py: Revision p2 names down_revision p1 more than once"});
}

TEST_CASE("every problem is listed, not just the first") {
  CHECK(described({revision("a-1", {}, "bad id"), revision("b1", {"zz"}, "unknown parent"),
                   revision("c1", {}, "unknown dependency", {"yy"})}) ==
        Lines{"/srv/versions/a-1.py: Character(s) '-' not allowed in revision identifier 'a-1'",
              "/srv/versions/b1.py: Revision zz referenced from zz -> b1 (head), unknown parent "
              "is not present",
              "/srv/versions/c1.py: Revision yy referenced from <base> -> c1 (head), unknown "
              "dependency is not present"});
}

TEST_CASE("building a map from broken revisions throws with all problems") {
  std::vector<RevisionInfo> revisions = {revision("001", {}, "first"),
                                         revision("002", {"999"}, "second", {"nope"})};
  try {
    RevisionMap map(revisions);
    FAIL("a map was built from broken revisions");
  } catch (const GraphValidationError& error) {
    CHECK(error.problems().size() == 2);
    CHECK(std::string(error.what()) ==
          "/srv/versions/002.py: Revision 999 referenced from 999 -> 002 (head), second is not "
          "present\n"
          "/srv/versions/002.py: Revision nope referenced from 999 -> 002 (head), second is not "
          "present");
    CHECK(error.code() == ExitCode::Revision);
  }
  CHECK_THROWS_AS(RevisionMap{revisions}, RevisionError);
}
