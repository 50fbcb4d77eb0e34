// The recovery SQL the tool prints when a revision stops part-way on MySQL, for every kind of
// op: each text is run on a real database, as an operator would paste it, and the database must
// end where the text says (the revision before, or the revision done).
#ifdef SDM_TEST_MYSQL

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "cli/backend_target.hpp"
#include "cli/recovery_gate.hpp"

using namespace sdm::test;

namespace {

/// The indented lines of `text` after the line ending `opening`, up to (not including) the line
/// `closing`; empty when either is missing.
std::string block(const std::string& text, const std::string& opening, const std::string& closing) {
  const auto start = text.find(opening + "\n");
  if (start == std::string::npos) return "";
  const auto from = start + opening.size() + 1;
  const auto end = text.find(closing + "\n", from);
  if (end == std::string::npos) return "";
  return text.substr(from, end - from);
}

/// What the notes of a recovery text say stays different after undoing by hand: a dropped
/// column comes back last; MySQL keeps the index it made for a foreign key.
struct Allowance {
  bool column_order = false;
  std::string kept_index;
};

/// The catalog dump, less what `allowance` forgives.
std::string fingerprint(const ScratchDatabase& db, const Allowance& allowance = {}) {
  std::istringstream dump(db.schema_fingerprint());
  std::vector<std::string> lines;
  for (std::string line; std::getline(dump, line);) {
    if (!allowance.kept_index.empty() &&
        line.find("\t" + allowance.kept_index + "\t") != std::string::npos)
      continue;
    if (allowance.column_order && line.rfind("column\t", 0) == 0) {
      // column, table, position, name, ...: drop the position.
      const auto first = line.find('\t', 7), second = line.find('\t', first + 1);
      line.erase(first, second - first);
    }
    lines.push_back(line);
  }
  if (allowance.column_order) std::sort(lines.begin(), lines.end());
  std::string text;
  for (const auto& line : lines)
    text += line + "\n";
  return text;
}

/// Upgrades to `revision`, which fails at the gate; returns what the tool printed.
std::string fail(const Target& t, const std::string& revision) {
  auto failure = t.run("every_op_kind", {"upgrade", revision});
  REQUIRE_MESSAGE(failure.exit_code == 6, failure.err);
  return failure.err;
}

/// Runs every recovery text printed for `revision` and checks where each leaves the database.
void check_recovery_texts(const std::string& revision, bool data_op, Allowance allowance = {}) {
  const std::string stamp_base = "    sahara-db-manage stamp " + kOkBase;
  const std::string stamp_done = "    sahara-db-manage stamp " + revision;
  Target done("mysql");
  done.db.sql(kGateTable);
  const auto clean = done.run("every_op_kind", {"upgrade", revision});
  REQUIRE_MESSAGE(clean.exit_code == 0, clean.err);

  Target t("mysql");
  const auto to_base = t.run("every_op_kind", {"upgrade", kOkBase});
  REQUIRE_MESSAGE(to_base.exit_code == 0, to_base.err);
  const std::string at_base = fingerprint(t.db, allowance);
  const std::string at_base_exactly = fingerprint(t.db);

  // Undo by hand: the SQL, then the stamp the text names.
  std::string printed = fail(t, revision);
  const std::string undo = block(printed, "or by hand:", stamp_base);
  REQUIRE_MESSAGE(!undo.empty(), printed);
  if (data_op) {
    CHECK(undo.find("    -- these ops cannot be undone automatically (") == 0);
  } else {
    t.db.sql(undo);
    auto stamped = t.run("every_op_kind", {"stamp", kOkBase});
    CHECK_MESSAGE(stamped.exit_code == 0, stamped.err);
    CHECK(t.db.versions() == std::vector<std::string>{kOkBase});
    CHECK_FALSE(has_progress_table(t));
    CHECK(fingerprint(t.db, allowance) == at_base);
    printed = fail(t, revision);
  }

  // Undo with the command the text names.
  const std::string command = "sahara-db-manage downgrade " + kOkBase;
  CHECK(printed.find("or undo what ran with `" + command + "`, or by hand:") != std::string::npos);
  auto undone = t.run("every_op_kind", {"downgrade", kOkBase});
  if (data_op) {
    CHECK(undone.exit_code == 6);
    CHECK(undone.err.find("cannot be undone automatically") != std::string::npos);
  } else {
    CHECK_MESSAGE(undone.exit_code == 0, undone.err);
    CHECK(t.db.versions() == std::vector<std::string>{kOkBase});
    CHECK_FALSE(has_progress_table(t));
    CHECK(fingerprint(t.db, allowance) == at_base);
    printed = fail(t, revision);
  }

  // Fix the cause and run the same command again: it resumes, and ends as a clean run does.
  t.db.sql(kGateTable);
  auto resumed = t.run("every_op_kind", {"upgrade", revision});
  CHECK_MESSAGE(resumed.exit_code == 0, resumed.err);
  CHECK(resumed.err.find("Resuming at op 2 of 2 (execute)") != std::string::npos);
  CHECK_FALSE(has_progress_table(t));
  CHECK(fingerprint(t.db, allowance) == fingerprint(done.db, allowance));
  CHECK(t.db.sql("SELECT COUNT(*) FROM parents;") == done.db.sql("SELECT COUNT(*) FROM parents;"));

  // Finish by hand once the cause is fixed: the SQL, then the stamp the text names.
  Target by_hand("mysql");
  REQUIRE(by_hand.run("every_op_kind", {"upgrade", kOkBase}).exit_code == 0);
  CHECK(fingerprint(by_hand.db) == at_base_exactly);
  printed = fail(by_hand, revision);
  const std::string finish =
      block(printed, "or finish the revision by hand and record it:", stamp_done);
  REQUIRE_MESSAGE(!finish.empty(), printed);
  by_hand.db.sql(kGateTable);
  by_hand.db.sql(finish);
  auto stamped = by_hand.run("every_op_kind", {"stamp", revision});
  CHECK_MESSAGE(stamped.exit_code == 0, stamped.err);
  CHECK(by_hand.db.versions() == std::vector<std::string>{revision});
  CHECK_FALSE(has_progress_table(by_hand));
  CHECK(fingerprint(by_hand.db) == fingerprint(done.db));
  CHECK(by_hand.db.sql("SELECT COUNT(*) FROM parents;") ==
        done.db.sql("SELECT COUNT(*) FROM parents;"));
  CHECK(by_hand.db.sql("SELECT COUNT(*) FROM recovery_gate;") == "1\n");
}

}  // namespace

#define RECOVERY_CASE(REVISION, KIND, ...)                                       \
  TEST_CASE("mysql: the recovery SQL printed after " KIND " works as it says") { \
    check_recovery_texts(REVISION, __VA_ARGS__);                                 \
  }

RECOVERY_CASE("ok0100000001", "create_table", false)
RECOVERY_CASE("ok0300000003", "drop_table of a table with an index", false)
RECOVERY_CASE("ok0400000004", "add_column", false)
// The column comes back as the table's last one, as the printed note says.
RECOVERY_CASE("ok0500000005", "drop_column", false, Allowance{true, ""})
RECOVERY_CASE("ok0600000006", "alter_column of a type", false)
RECOVERY_CASE("ok0700000007", "alter_column of nullability", false)
RECOVERY_CASE("ok0800000008", "alter_column setting a default", false)
RECOVERY_CASE("ok0900000009", "alter_column dropping a default", false)
RECOVERY_CASE("ok1000000010", "alter_column renaming", false)
RECOVERY_CASE("ok1100000011", "rename_table", false)
RECOVERY_CASE("ok1200000012", "create_index", false)
RECOVERY_CASE("ok1300000013", "create_index unique", false)
RECOVERY_CASE("ok1400000014", "drop_index", false)
RECOVERY_CASE("ok1500000015", "create_primary_key", false)
RECOVERY_CASE("ok1600000016", "create_unique_constraint", false)
// MySQL keeps the index it made for the foreign key, as the printed note says.
RECOVERY_CASE("ok1700000017", "create_foreign_key", false, Allowance{false, "fk_children_parent"})
RECOVERY_CASE("ok1800000018", "create_check_constraint", false)
RECOVERY_CASE("ok1900000019", "drop_constraint of a foreign key", false)
RECOVERY_CASE("ok2000000020", "drop_constraint of a unique constraint", false)
RECOVERY_CASE("ok2100000021", "drop_constraint of a check", false)
RECOVERY_CASE("ok2200000022", "execute", true)
RECOVERY_CASE("ok2300000023", "bulk_insert", true)

#endif  // SDM_TEST_MYSQL
