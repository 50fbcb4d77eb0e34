// Revisions that cannot form a graph: every problem is reported with the file at fault.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "graph/graph_problems.hpp"
#include "graph/revision_map.hpp"
#include "graph/revision_names.hpp"
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

TEST_CASE("ids and labels a hand-written plugin cannot carry are refused, shown escaped") {
  CHECK(described({revision("a\nb", {}, "newline")}) ==
        Lines{"/srv/versions/a\nb.py: Whitespace not allowed in revision identifier 'a\\nb'"});
  CHECK(described({revision("a\x1b[2Jb", {}, "escape")}) ==
        Lines{"/srv/versions/a\x1b[2Jb.py: Control, line-separator or invisible characters (or "
              "bytes that are not UTF-8) not allowed in revision identifier 'a\\x1b[2Jb': an id "
              "is printable text on one line"});
  CHECK(revision_id_problem("a\u2028b") ==
        "Control, line-separator or invisible characters (or bytes that are not UTF-8) not "
        "allowed in revision identifier 'a\\u2028b': an id is printable text on one line");
  CHECK(revision_id_problem("a\xff"
                            "b")
            .has_value());
  CHECK(revision_id_problem("a,b") ==
        "Character(s) ',' not allowed in revision identifier 'a,b': ',' separates the ids of a "
        "list");
  CHECK(described({revision("l1", {}, "one", {}, {"ok", "bad\nlabel"})}) ==
        Lines{"/srv/versions/l1.py: Whitespace, control, line-separator or invisible characters "
              "(or bytes that are not UTF-8) not allowed in branch label 'bad\\nlabel': a label "
              "is printable text on one line"});
  CHECK(branch_label_problem("a@b") ==
        "Character(s) '@' not allowed in branch label 'a@b': ',' separates labels, '@' ends a "
        "label in label@head, ':' separates history ranges");
  CHECK(branch_label_problem("") == "Branch label is empty");
  // What Alembic accepts and these rules keep accepting.
  CHECK(revision_id_problem("ae1027a6acf") == std::nullopt);
  CHECK(revision_id_problem("001_icehouse.x") == std::nullopt);
  CHECK(revision_id_problem("r\xc3\xa9vision") == std::nullopt);
  CHECK(branch_label_problem("networking") == std::nullopt);
}

TEST_CASE("a new revision's id and labels follow the stricter rule, which its message states") {
  for (const char* good : {"0123456789ab", "036", "add_notes.v2", "A_b_C"})
    CHECK_MESSAGE(new_revision_id_problem(good) == std::nullopt, good);
  CHECK(new_revision_id_problem("../../q3") ==
        "Revision identifier '../../q3' is not allowed for a new revision: an id is 1 to 32 ASCII "
        "letters, digits, '_' or '.', does not start with '.', and is not head, heads, base or "
        "current (it names the source file and is stored in alembic_version.version_num, "
        "VARCHAR(32))");
  for (const char* bad : {"a/b", ".hidden", "..", "head", "base", "x\\y", "caf\xc3\xa9", "a\"b",
                          "0123456789abcdef0123456789abcdef0"})
    CHECK_MESSAGE(new_revision_id_problem(bad).has_value(), bad);
  CHECK(new_revision_id_problem(std::string(32, 'a')) == std::nullopt);
  // Alembic's own message comes first where it applies.
  CHECK(new_revision_id_problem("a-b") ==
        "Character(s) '-' not allowed in revision identifier 'a-b'");

  CHECK(new_branch_label_problem("networking_v2") == std::nullopt);
  CHECK(new_branch_label_problem("heads") ==
        "Branch label 'heads' is not allowed for a new revision: a label is 1 to 64 ASCII "
        "letters, digits, '_' or '.', does not start with '.', and is not head, heads, base or "
        "current");
  for (const std::string& bad :
       {std::string("a-1"), std::string("a b"), std::string("x*/y"), std::string(65, 'l')})
    CHECK_MESSAGE(new_branch_label_problem(bad).has_value(), bad);
}

TEST_CASE("printable escapes what would break a one-line message") {
  CHECK(printable("plain-id_01") == "plain-id_01");
  CHECK(printable("a\r\n\tb\\") == "a\\r\\n\\tb\\\\");
  CHECK(printable("\xe2\x80\xa8\xc2\x85\xef\xbb\xbf") == "\\u2028\\u0085\\ufeff");
  CHECK(printable("caf\xc3\xa9 \xff") == "caf\xc3\xa9 \\xff");
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
