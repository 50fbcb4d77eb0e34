// A live session with a database, as a driver implements it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sdm/schema.hpp"

namespace sdm {

/// One result row; every value as text, SQL NULL as std::nullopt.
using Row = std::vector<std::optional<std::string>>;
/// The rows of a query.
using Rows = std::vector<Row>;

/// What the command about to run does with the database.
enum class Access : std::uint32_t {
  Read,   ///< reads only (current, history)
  Write,  ///< changes schema or version rows (upgrade, downgrade, stamp)
};

/// How a finding of a pre-run check weighs.
enum class HealthSeverity : std::uint32_t {
  Note,     ///< printed as information
  Warning,  ///< printed as a warning; the command goes on
  Refusal,  ///< the command stops before it changes anything
};

/// One thing a driver found about the database before a command runs.
struct HealthFinding {
  HealthSeverity severity = HealthSeverity::Note;
  /// A whole sentence for the operator: what was found, why it matters, what to do.
  std::string message;
};

/// A database session. Every method may throw sdm::Error.
class Connection {
 public:
  virtual ~Connection() = default;
  /// Runs one statement; returns the number of rows it changed, or -1 when unknown.
  virtual std::int64_t execute(const std::string& sql) = 0;
  /// Runs a query and returns all its rows.
  virtual Rows query(const std::string& sql) = 0;
  /// Opens a transaction.
  virtual void begin() = 0;
  /// Commits the open transaction.
  virtual void commit() = 0;
  /// Rolls back the open transaction.
  virtual void rollback() = 0;
  /// Takes the run lock named `key` without waiting; false when another session holds it.
  /// The lock must go away with the session, so a crashed runner leaves nothing behind.
  virtual bool try_lock(const std::string& key) = 0;
  /// Releases the run lock.
  virtual void unlock(const std::string& key) = 0;
  /// Describes the session holding the lock (e.g. "pid 4711 on 10.0.0.5"), or "" if unknown.
  virtual std::string lock_holder(const std::string& key) = 0;
  /// Names of the tables in the connected schema.
  virtual std::vector<std::string> table_names() = 0;
  /// The live definition of a table, or std::nullopt when it does not exist.
  virtual std::optional<Table> reflect_table(const std::string& name) = 0;
  /// Checks made before a command runs, such as a cluster node's health or a read-only
  /// standby. The host prints notes and warnings, and refuses to run on any refusal. None by
  /// default.
  virtual std::vector<HealthFinding> check_health(Access access) {
    (void)access;
    return {};
  }
};

}  // namespace sdm
