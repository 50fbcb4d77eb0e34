// A session with an SQLite database file (or memory), on SQLite's own C interface.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "sdm/connection.hpp"

struct sqlite3;

namespace sdm::sqlite {

/// An SQLite session. The run lock is an flock() on the database file: it serialises runners
/// on the same host and goes away with the process. A statement timeout interrupts a
/// statement that runs too long; the lock-wait timeout is how long a statement waits for
/// another connection's write lock (10 s when not set).
class SqliteConnection : public Connection {
 public:
  /// Opens `path` (":memory:" for an in-memory database); throws sdm::Error.
  explicit SqliteConnection(const std::string& path, const SessionLimits& limits = {});
  ~SqliteConnection() override;

  std::int64_t execute(const std::string& sql) override;
  Rows query(const std::string& sql) override;
  std::int64_t execute_bound(const std::string& sql, const std::vector<Value>& values) override;
  Rows query_bound(const std::string& sql, const std::vector<Value>& values) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  bool try_lock(const std::string& key) override;
  void unlock(const std::string& key) override;
  std::string lock_holder(const std::string& key) override;
  std::vector<std::string> table_names() override;
  std::optional<Table> reflect_table(const std::string& name) override;

 private:
  /// Throws `what` with SQLite's message for the connection's last error.
  [[noreturn]] void fail(const std::string& what) const;
  /// Prepares `sql`, binds `values` to its placeholders and steps it through, its rows into
  /// `rows` when given; returns the rows it changed.
  std::int64_t run_prepared(const std::string& sql, const std::vector<Value>& values, Rows* rows);
  /// Runs every statement of `sql` in turn; returns the rows they changed.
  std::int64_t run_script(const std::string& sql);
  /// Starts the statement timeout's clock for the next statement.
  void start_statement();
  /// SQLite's progress callback: non-zero interrupts the statement once past the deadline.
  static int past_deadline(void* connection);

  std::string path_;
  sqlite3* db_ = nullptr;
  int lock_fd_ =
      -1;  // kept open until the session is closed: closing it would drop SQLite's own locks
  SessionLimits limits_;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace sdm::sqlite
