// Branches, merges, depends_on and labels end to end: planning, version rows, listings.
#include <doctest/doctest.h>

#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("a branch and its merge: one row per head, merged into one") {
  Sandbox box;
  REQUIRE(sdm_on(box, "branchmerge", {"upgrade", "1eft00000002"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"1eft00000002"});
  REQUIRE(sdm_on(box, "branchmerge", {"upgrade", "7ight0000003"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"1eft00000002", "7ight0000003"});
  auto merge = sdm_on(box, "branchmerge", {"upgrade", "head"});
  REQUIRE(merge.exit_code == 0);
  CHECK(merge.err.find("Running upgrade 1eft00000002, 7ight0000003 -> 3e7ge0000004, merge left "
                       "and right") != std::string::npos);
  CHECK(version_rows(box) == std::vector<std::string>{"3e7ge0000004"});
  CHECK(sdm_on(box, "branchmerge", {"current"}).out == "3e7ge0000004 (head) (mergepoint)\n");
  // Stepping back from a merge point is ambiguous; naming the target is not.
  auto ambiguous = sdm_on(box, "branchmerge", {"downgrade", "-1"});
  CHECK(ambiguous.exit_code == 4);
  CHECK(ambiguous.err == "FAILED: Ambiguous walk\n");
  // Down to one side of the merge: the merge is undone, the other side stays.
  auto unmerge = sdm_on(box, "branchmerge", {"downgrade", "1eft00000002"});
  REQUIRE(unmerge.exit_code == 0);
  CHECK(unmerge.err.find("Running downgrade 3e7ge0000004 -> 1eft00000002, 7ight0000003") !=
        std::string::npos);
  CHECK(version_rows(box) == std::vector<std::string>{"1eft00000002", "7ight0000003"});
  CHECK(sqlite_tables(box.path("test.db")) ==
        std::vector<std::string>{"alembic_version", "t_1eft00000002", "t_7ight0000003",
                                 "t_ba5e00000001"});
}

TEST_CASE("several heads: head is ambiguous, heads upgrades them all") {
  Sandbox box;
  auto head = sdm_on(box, "branched", {"upgrade", "head"});
  CHECK(head.exit_code == 4);
  CHECK(head.err ==
        "FAILED: Multiple head revisions are present for given argument 'head'; please specify "
        "a specific target revision, '<branchname>@head' to narrow to a specific head, or "
        "'heads' for all heads\n");
  REQUIRE(sdm_on(box, "branched", {"upgrade", "heads"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"1eft00000002", "7ight0000003"});
  // One line per row, in the table's order.
  auto current = sdm_on(box, "branched", {"current"}).out;
  CHECK((current == "1eft00000002 (head)\n7ight0000003 (head)\n" ||
         current == "7ight0000003 (head)\n1eft00000002 (head)\n"));
}

TEST_CASE("history, heads and branches of a merged branch") {
  Sandbox box;
  CHECK(sdm_on(box, "branchmerge", {"history"}).out ==
        "1eft00000002, 7ight0000003 -> 3e7ge0000004 (head) (mergepoint), merge left and right\n"
        "ba5e00000001 -> 1eft00000002, left\n"
        "ba5e00000001 -> 7ight0000003, right\n"
        "<base> -> ba5e00000001 (branchpoint), base\n");
  CHECK(sdm_on(box, "branchmerge", {"heads"}).out == "3e7ge0000004 (head)\n");
  CHECK(sdm_on(box, "branchmerge", {"branches"}).out ==
        "ba5e00000001 (branchpoint)\n"
        "             -> 1eft00000002\n"
        "             -> 7ight0000003\n\n");
}

TEST_CASE("check_migration passes a merged timeline and fails a branched one") {
  Sandbox box;
  auto merged = sdm_on(box, "branchmerge", {"check_migration"});
  CHECK(merged.exit_code == 0);
  CHECK(merged.out == sdm_on(box, "branchmerge", {"branches"}).out);
  auto linear = sdm_on(box, "linear", {"check_migration"});
  CHECK(linear.exit_code == 0);
  CHECK(linear.out.empty());
  auto branched = sdm_on(box, "branched", {"check_migration"});
  CHECK(branched.exit_code == 8);
  CHECK(branched.out ==
        "ba5e00000001 (branchpoint)\n"
        "             -> 1eft00000002 (head)\n"
        "             -> 7ight0000003 (head)\n\n");
  CHECK(branched.err ==
        "FAILED: the revision timeline branches: 2 heads (1eft00000002, 7ight0000003); join them "
        "with `sahara-db-manage merge -m MESSAGE 1eft00000002 7ight0000003`\n");
}

TEST_CASE("depends_on pulls its target in first and is not kept as its own row") {
  Sandbox box;
  auto r = sdm_on(box, "depends", {"upgrade", "p1ug00000001"});
  REQUIRE(r.exit_code == 0);
  auto core = r.err.find("Running upgrade  -> c0re00000001, core base");
  // Log lines leave dependencies out of the "from" side, as Alembic's do.
  auto plugin = r.err.find("Running upgrade  -> p1ug00000001, plugin base, needs core");
  CHECK(core != std::string::npos);
  CHECK(plugin != std::string::npos);
  CHECK(core < plugin);
  CHECK(version_rows(box) == std::vector<std::string>{"p1ug00000001"});
  REQUIRE(sdm_on(box, "depends", {"upgrade", "heads"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"c0re00000002", "p1ug00000001"});
  CHECK(sdm_on(box, "depends", {"history"})
            .out.find(
                "<base> (c0re00000001) -> p1ug00000001 (plugin) (head), plugin base, needs core") !=
        std::string::npos);
}

TEST_CASE("branch labels select a branch") {
  Sandbox box;
  REQUIRE(sdm_on(box, "labels", {"upgrade", "feature@+1"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"1ab000000001"});
  REQUIRE(sdm_on(box, "labels", {"upgrade", "feature@head"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"1ab000000002"});
  CHECK(sdm_on(box, "labels", {"heads"}).out == "1ab000000002 (feature) (head)\n");
  REQUIRE(sdm_on(box, "labels", {"downgrade", "feature@base"}).exit_code == 0);
  CHECK(version_rows(box).empty());
}

TEST_CASE("unmerging where one parent depends on the other writes Alembic's rows, step by step") {
  // Writes as Alembic 1.8.1 makes them on the same graph: a row for each parent of the
  // merge, the implied one (1eft00000002, which 7ight0000001 depends on) included.
  Sandbox box;
  const std::string db = box.path("test.db");
  REQUIRE(sdm_on(box, "unmerge", {"ensure_version"}).exit_code == 0);
  log_version_writes(db);
  using Writes = std::vector<std::string>;
  REQUIRE(sdm_on(box, "unmerge", {"upgrade", "head"}).exit_code == 0);
  CHECK(take_version_writes(db) ==
        Writes{"insert:ba5e00000001", "update:ba5e00000001->1eft00000001",
               "update:1eft00000001->1eft00000002", "update:1eft00000002->7ight0000001",
               "update:7ight0000001->3e7ge0000001"});

  auto unmerge = sdm_on(box, "unmerge", {"downgrade", "7ight0000001"});
  REQUIRE(unmerge.exit_code == 0);
  CHECK(unmerge.err.find("Running downgrade 3e7ge0000001 -> 1eft00000002, 7ight0000001, merge "
                         "left and right") != std::string::npos);
  CHECK(take_version_writes(db) ==
        Writes{"insert:1eft00000002", "update:3e7ge0000001->7ight0000001"});
  CHECK(version_rows(box) == Writes{"1eft00000002", "7ight0000001"});

  REQUIRE(sdm_on(box, "unmerge", {"downgrade", "base"}).exit_code == 0);
  CHECK(take_version_writes(db) ==
        Writes{"delete:7ight0000001", "update:1eft00000002->1eft00000001",
               "update:1eft00000001->ba5e00000001", "delete:ba5e00000001"});

  // From the merge to below it in one run: the same unmerge, then the right branch goes.
  REQUIRE(sdm_on(box, "unmerge", {"upgrade", "heads"}).exit_code == 0);
  take_version_writes(db);
  REQUIRE(sdm_on(box, "unmerge", {"downgrade", "1eft00000001"}).exit_code == 0);
  CHECK(take_version_writes(db) ==
        Writes{"insert:1eft00000002", "update:3e7ge0000001->7ight0000001", "delete:7ight0000001",
               "update:1eft00000002->1eft00000001"});
  CHECK(version_rows(box) == Writes{"1eft00000001"});
  CHECK(sqlite_tables(db) ==
        Writes{"alembic_version", "t_1eft00000001", "t_ba5e00000001", "version_writes"});
}
