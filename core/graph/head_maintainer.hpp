// How each migration step changes the rows of the version table (one row per head).
#pragma once

#include <string>
#include <vector>

#include "graph/migration_step.hpp"

namespace sdm::graph {

class RevisionMap;

/// One row change in the version table.
struct VersionChange {
  /// The SQL statement the change becomes.
  enum class Kind { Insert, Update, Delete };
  Kind kind = Kind::Insert;
  std::string from;  ///< the row updated or deleted (empty for Insert)
  std::string to;    ///< the row inserted or the new value (empty for Delete)

  /// Same kind and same rows.
  bool operator==(const VersionChange& other) const {
    return kind == other.kind && from == other.from && to == other.to;
  }
};

/// Tracks the heads the version table holds while a plan runs, and says which rows each step
/// inserts, updates or deletes, exactly as Alembic changes them.
class HeadMaintainer {
 public:
  /// Starts from the rows the version table holds now.
  HeadMaintainer(const RevisionMap& map, std::vector<std::string> current_heads);

  /// The row changes for `step`, applied to the tracked heads. Merges delete all but one
  /// parent row and update that one; unmerges insert the extra rows and update one; a
  /// dependency target stays a row only while nothing applied depends on it.
  std::vector<VersionChange> apply(const MigrationStep& step);

  /// The heads after the steps applied so far, in row order.
  const std::vector<std::string>& heads() const { return heads_; }

 private:
  bool is_head(const std::string& id) const;
  void insert(const std::string& version, std::vector<VersionChange>& changes);
  void remove(const std::string& version, std::vector<VersionChange>& changes);
  void update(const std::string& from, const std::string& to, std::vector<VersionChange>& changes);

  // Revision steps whose row changes depend on what other heads stand on.
  std::vector<std::string> unmerge_targets(const MigrationStep& step) const;
  std::vector<std::string> ancestors_of_heads_except(
      const std::vector<std::string>& excluded) const;

  const RevisionMap* map_;
  std::vector<std::string> heads_;
};

/// The error when an online UPDATE of the version table touched `found` rows instead of one.
std::string unexpected_update_count_message(const std::string& from, const std::string& to,
                                            const std::string& table, long long found);

/// The error when an online DELETE of the version table touched `found` rows instead of one.
std::string unexpected_delete_count_message(const std::string& version, const std::string& table,
                                            long long found);

}  // namespace sdm::graph
