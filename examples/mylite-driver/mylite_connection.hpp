// A mylite session: one sqlite3 connection, and a run lock of its own next to the database.
#pragma once

#include <sqlite3.h>

#include <sdm/connection.hpp>
#include <string>

namespace mylite {

/// Opens `path` (created if missing). Foreign keys are enforced, as mylite users expect; the
/// host turns them off for a migration run, because the dialect says how (sqlite_spec()).
class Connection : public sdm::Connection {
 public:
  explicit Connection(const std::string& path);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  std::int64_t execute(const std::string& sql) override;
  sdm::Rows query(const std::string& sql) override;
  std::int64_t execute_bound(const std::string& sql,
                             const std::vector<sdm::Value>& values) override;
  sdm::Rows query_bound(const std::string& sql, const std::vector<sdm::Value>& values) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  bool try_lock(const std::string& key) override;
  void unlock(const std::string& key) override;
  std::string lock_holder(const std::string& key) override;
  std::vector<std::string> table_names() override;
  std::optional<sdm::Table> reflect_table(const std::string& name) override;

 private:
  /// Runs one statement with `values` bound to its placeholders, collecting its rows into
  /// `rows` when given.
  void run(const std::string& sql, const std::vector<sdm::Value>& values, sdm::Rows* rows);
  /// The lock file of `key`: the run lock is an flock() on it, which dies with the process.
  std::string lock_path(const std::string& key) const;

  std::string path_;
  sqlite3* db_ = nullptr;
  int lock_fd_ = -1;
};

}  // namespace mylite
