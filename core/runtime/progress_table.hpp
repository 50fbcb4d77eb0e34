// Where a revision stands while it runs on a database that commits DDL by itself (MySQL):
// the side table sahara_db_manage_progress, one row for the revision in flight. Written
// through Exec like every other statement; Alembic and the Python tool ignore it, and
// alembic_version stays exactly as Alembic writes it. A run creates the table when it
// starts and drops it when it ends with nothing in flight, so a finished database holds
// Alembic's tables only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "runtime/exec.hpp"

namespace sdm::runtime {

/// The record of one revision step that has not finished.
struct StepProgress {
  std::string revision;
  bool upgrade = true;      ///< the step runs the revision's upgrade (else its downgrade)
  int op_count = 0;         ///< ops of the step
  int ops_done = 0;         ///< ops that completed, in order
  int statements_done = 0;  ///< statements of the next op that completed (multi-statement ops)
  /// While what ran is being undone: how many of the undo ops completed (and statements of
  /// the next one). The forward position above then stays as it was when the undo began.
  std::optional<int> undo_ops_done;
  int undo_statements_done = 0;
  std::int64_t started_at = 0;  ///< Unix seconds, when the step began
  std::int64_t updated_at = 0;  ///< Unix seconds, the last recorded progress
  std::string runner;           ///< "pid 4711 on db-admin-01"
  std::string failure;          ///< the error that stopped it, when it failed rather than died

  bool undoing() const { return undo_ops_done.has_value(); }
  /// "upgrade" or "downgrade".
  std::string direction() const { return upgrade ? "upgrade" : "downgrade"; }
};

/// The side table, read and written through Exec (online only).
class ProgressTable {
 public:
  static constexpr const char* kDefaultName = "sahara_db_manage_progress";

  explicit ProgressTable(Exec& exec, std::string name = kDefaultName);

  const std::string& name() const { return name_; }
  /// The table's definition (rendered by the dialect like any create_table).
  Table definition() const;

  /// The step in flight, or none (no table, or no row). Throws DatabaseError when the table
  /// holds more than one row or a row this tool did not write.
  std::optional<StepProgress> read();
  /// Creates the table when it is missing.
  void ensure_exists();
  /// Drops the table when it holds no row.
  void drop_if_empty();

  /// Records a step that starts (or restarts from `progress`' position).
  void start(const StepProgress& progress);
  /// Records the forward position; in a transaction with a data op's statements, or alone.
  void advance(int ops_done, int statements_done);
  /// Records that what ran is being undone, and how far that got.
  void advance_undo(int undo_ops_done, int undo_statements_done);
  /// Records the error that stopped the step (best effort: the database may be gone).
  void record_failure(const std::string& message) noexcept;
  /// Removes the row: the step is done (in one transaction with its version-table change),
  /// undone, or declared settled by `stamp`.
  void finish();

  /// The runner's own description, "pid 4711 on db-admin-01".
  static std::string this_runner();
  /// The time now, in Unix seconds.
  static std::int64_t now();

 private:
  std::string update(const std::string& assignments) const;
  void insert(const StepProgress& progress);

  Exec& exec_;
  std::string name_;
  std::optional<bool> exists_;  // known after the first look
};

/// "2024-05-01 12:00:03 UTC"
std::string utc_time(std::int64_t unix_seconds);

}  // namespace sdm::runtime
