// alembic_version, exactly as Alembic keeps it: one row per head, PK alembic_version_pkc.
#pragma once

#include <string>
#include <vector>

#include "runtime/exec.hpp"

namespace sdm::runtime {

/// Reads and writes the version table through Exec.
class VersionTable {
 public:
  static constexpr const char* kDefaultName = "alembic_version";

  explicit VersionTable(Exec& exec, std::string name = kDefaultName);

  const std::string& name() const { return name_; }
  /// Online only: whether the table exists.
  bool exists();
  /// Online only: the stored heads (none when the table is missing). Any column width is read.
  std::vector<std::string> read_heads();
  /// CREATE TABLE, as Alembic writes it.
  void create();
  /// Online: creates the table if it is missing.
  void ensure_exists();
  /// DROP TABLE (offline scripts that end at base).
  void drop();

  /// INSERT one head.
  void insert(const std::string& revision);
  /// UPDATE one head; online it must match exactly one row.
  void update(const std::string& from, const std::string& to);
  /// DELETE one head; online it must match exactly one row.
  void remove(const std::string& revision);

 private:
  Exec& exec_;
  std::string name_;
};

}  // namespace sdm::runtime
