// A live session with a database, as a driver implements it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sdm/error.hpp"
#include "sdm/ops.hpp"
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

/// How long a session may wait on the database; 0 means no bound.
struct SessionLimits {
  /// Longest time one statement may run. The server stops it; the client stops waiting for an
  /// answer client_wait_ms() after sending it, since a stopped server stops nothing.
  int statement_timeout_ms = 0;
  /// Longest time one statement may wait for a lock another session holds, e.g. DDL behind a
  /// long transaction (PostgreSQL lock_timeout, MySQL lock_wait_timeout, SQLite busy timeout).
  int lock_wait_timeout_ms = 0;

  /// Whether any bound is set.
  bool any() const { return statement_timeout_ms > 0 || lock_wait_timeout_ms > 0; }
  /// How long the client waits for any answer of the server: the statement timeout plus a
  /// grace of a tenth of it, at least two seconds, for the server to report its own timeout;
  /// 0 when statements are not bounded.
  int client_wait_ms() const {
    if (statement_timeout_ms <= 0) return 0;
    const int grace = statement_timeout_ms / 10 > 2000 ? statement_timeout_ms / 10 : 2000;
    return statement_timeout_ms > 2147483647 - grace ? 2147483647 : statement_timeout_ms + grace;
  }
};

/// A database session. Every method may throw sdm::Error (with the ErrorKind that applies:
/// a timeout of the session's limits, or a lost connection).
class Connection {
 public:
  virtual ~Connection() = default;
  /// Runs one statement; returns the number of rows it changed, or -1 when unknown.
  virtual std::int64_t execute(const std::string& sql) = 0;
  /// Runs a query and returns all its rows.
  virtual Rows query(const std::string& sql) = 0;
  /// Runs one statement with its `?` placeholders (sdm/placeholders.hpp) bound to `values`,
  /// for revisions' code steps; returns the rows it changed, or -1 when unknown. Bind in the
  /// protocol where the database has it; a client library that binds on the client side
  /// (escaping with the connection's character set) will do. A driver without it refuses
  /// code steps, by default.
  virtual std::int64_t execute_bound(const std::string& sql, const std::vector<Value>& values) {
    (void)sql;
    (void)values;
    throw Error("this driver cannot bind values to a statement, which a code step (op.run) needs");
  }
  /// A query with its `?` placeholders bound to `values`, as execute_bound.
  virtual Rows query_bound(const std::string& sql, const std::vector<Value>& values) {
    (void)sql;
    (void)values;
    throw Error("this driver cannot bind values to a query, which a code step (op.run) needs");
  }
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
