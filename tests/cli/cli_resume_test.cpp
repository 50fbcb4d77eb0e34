// A revision that stops part-way on MySQL, where every DDL statement commits by itself: what
// `current` and `history` say about it, how running the same command again finishes it, how a
// downgrade undoes what ran, and how a schema changed by hand in between stops the run with
// the exact difference instead of a guess.
#ifdef SDM_TEST_MYSQL

#include <doctest/doctest.h>

#include "cli/backend_target.hpp"
#include "cli/recovery_gate.hpp"

using namespace sdm::test;

namespace {

const std::string kAddColumn = "ok0400000004";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// A database at the base revision whose upgrade to `kAddColumn` added its column and then
/// failed at the op after it (the gate table is missing).
void interrupt_add_column(const Target& t) {
  REQUIRE(t.run("every_op_kind", {"upgrade", kOkBase}).exit_code == 0);
  auto failed = t.run("every_op_kind", {"upgrade", kAddColumn});
  REQUIRE_MESSAGE(failed.exit_code == 6, failed.err);
  REQUIRE(t.db.versions() == std::vector<std::string>{kOkBase});
  REQUIRE(has_progress_table(t));
}

}  // namespace

TEST_CASE("mysql: current and history show a revision a run did not finish") {
  Target t("mysql");
  interrupt_add_column(t);

  auto current = t.run("every_op_kind", {"current"});
  REQUIRE(current.exit_code == 0);
  CHECK(contains(current.out, kOkBase));
  CHECK(contains(current.out,
                 kAddColumn + " (interrupted at op 2 of 2; run upgrade to finish it)\n"));

  auto verbose = t.run("every_op_kind", {"current", "-v"});
  REQUIRE(verbose.exit_code == 0);
  CHECK(contains(verbose.out, "The upgrade of " + kAddColumn + " started at "));
  CHECK(contains(verbose.out, " UTC (pid "));
  CHECK(contains(verbose.out, "after 1 of its 2 ops; it failed with: "));
  CHECK(contains(verbose.out, "recovery_gate"));

  auto history = t.run("every_op_kind", {"history", "-i"});
  REQUIRE(history.exit_code == 0);
  CHECK(contains(history.out, kOkBase + " -> " + kAddColumn));
  CHECK(contains(history.out, "(interrupted at op 2 of 2 at "));

  auto history_verbose = t.run("every_op_kind", {"history", "-i", "-v"});
  REQUIRE(history_verbose.exit_code == 0);
  CHECK(contains(history_verbose.out, "Interrupted: interrupted at op 2 of 2 at "));
}

TEST_CASE("mysql: running the same command again finishes an interrupted revision once") {
  Target done("mysql");
  done.db.sql(kGateTable);
  REQUIRE(done.run("every_op_kind", {"upgrade", kAddColumn}).exit_code == 0);

  Target t("mysql");
  interrupt_add_column(t);
  t.db.sql(kGateTable);
  auto resumed = t.run("every_op_kind", {"upgrade", kAddColumn});
  REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.err);
  // The column is not added a second time: the run starts at the op after it.
  CHECK(contains(resumed.err, "Resuming at op 2 of 2 (execute)"));
  CHECK(t.db.versions() == std::vector<std::string>{kAddColumn});
  CHECK_FALSE(has_progress_table(t));
  CHECK(t.db.schema_fingerprint() == done.db.schema_fingerprint());
  CHECK(t.db.sql("SELECT COUNT(*) FROM recovery_gate;") == "1\n");

  auto current = t.run("every_op_kind", {"current"});
  CHECK_FALSE(contains(current.out, "interrupted"));
}

TEST_CASE("mysql: a downgrade from an interrupted revision undoes what ran of it") {
  Target at_base("mysql");
  REQUIRE(at_base.run("every_op_kind", {"upgrade", kOkBase}).exit_code == 0);

  Target t("mysql");
  interrupt_add_column(t);
  auto undone = t.run("every_op_kind", {"downgrade", kOkBase});
  REQUIRE_MESSAGE(undone.exit_code == 0, undone.err);
  CHECK(contains(undone.err, "Undoing what ran of the interrupted upgrade (1 op(s))"));
  CHECK(t.db.versions() == std::vector<std::string>{kOkBase});
  CHECK_FALSE(has_progress_table(t));
  CHECK(t.db.schema_fingerprint() == at_base.db.schema_fingerprint());
}

TEST_CASE("mysql: a command that does not start with the interrupted revision is refused") {
  Target t("mysql");
  interrupt_add_column(t);
  const std::string before = t.db.schema_fingerprint();
  auto other = t.run("every_op_kind", {"upgrade", "ok0100000001"});
  CHECK(other.exit_code == 6);
  CHECK(contains(other.err, "the upgrade of revision " + kAddColumn +
                                " was interrupted after 1 of its 2 ops, and this command does "
                                "not start with that revision"));
  CHECK(t.db.schema_fingerprint() == before);
  CHECK(t.db.versions() == std::vector<std::string>{kOkBase});
}

TEST_CASE(
    "mysql: a schema changed by hand after an interruption stops the run with the "
    "difference and the ways on") {
  Target t("mysql");
  interrupt_add_column(t);
  t.db.sql("ALTER TABLE items DROP COLUMN extra;\n" + kGateTable);
  const std::string before = t.db.schema_fingerprint();

  auto stopped = t.run("every_op_kind", {"upgrade", kAddColumn});
  CHECK(stopped.exit_code == 6);
  CHECK(contains(stopped.err, "the upgrade of " + kAddColumn + " stopped at op 2 of 2 (execute)"));
  CHECK(contains(stopped.err, "items"));
  CHECK(contains(stopped.err, "extra"));
  CHECK(contains(stopped.err, "Nothing was changed"));
  CHECK(contains(stopped.err, "sahara-db-manage stamp " + kAddColumn));
  CHECK(contains(stopped.err, "sahara-db-manage stamp " + kOkBase));
  CHECK(t.db.schema_fingerprint() == before);
  CHECK(t.db.versions() == std::vector<std::string>{kOkBase});
  CHECK(has_progress_table(t));

  // Stamping takes the schema as it is and drops the record of the interrupted run.
  auto stamped = t.run("every_op_kind", {"stamp", kOkBase});
  CHECK_MESSAGE(stamped.exit_code == 0, stamped.err);
  CHECK(contains(stamped.err, "stamping takes the schema as it is and drops that record"));
  CHECK_FALSE(has_progress_table(t));
}

TEST_CASE("mysql: a progress table edited by hand to hold two rows is refused") {
  Target t("mysql");
  interrupt_add_column(t);
  t.db.sql(
      "INSERT INTO sahara_db_manage_progress SELECT 'ok0100000001', direction, op_count, "
      "ops_done, statements_done, undo_ops_done, undo_statements_done, started_at, updated_at, "
      "runner, failure FROM sahara_db_manage_progress;\n");
  const std::string before = t.db.schema_fingerprint();
  auto refused = t.run("every_op_kind", {"upgrade", kAddColumn});
  CHECK(refused.exit_code == 6);
  CHECK(contains(refused.err,
                 "sahara_db_manage_progress holds 2 rows, but only one revision can "
                 "be in flight at a time: it was changed by hand. Delete all but the "
                 "row of the revision that was running, and run the command again"));
  CHECK(t.db.schema_fingerprint() == before);
  CHECK(t.db.versions() == std::vector<std::string>{kOkBase});
}

#endif  // SDM_TEST_MYSQL
