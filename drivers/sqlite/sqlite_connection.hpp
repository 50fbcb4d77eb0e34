// A session with an SQLite database file (or memory) through Poco::Data.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sdm/connection.hpp"

namespace Poco::Data {
class Session;
}

namespace sdm::sqlite {

/// An SQLite session. The run lock is an flock() on the database file: it serialises runners
/// on the same host and goes away with the process.
class SqliteConnection : public Connection {
 public:
  /// Opens `path` (":memory:" for an in-memory database); throws sdm::Error.
  explicit SqliteConnection(const std::string& path);
  ~SqliteConnection() override;

  std::int64_t execute(const std::string& sql) override;
  Rows query(const std::string& sql) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  bool try_lock(const std::string& key) override;
  void unlock(const std::string& key) override;
  std::string lock_holder(const std::string& key) override;
  std::vector<std::string> table_names() override;
  std::optional<Table> reflect_table(const std::string& name) override;

 private:
  [[noreturn]] void fail(const std::string& what, const std::exception& e) const;

  std::string path_;
  std::unique_ptr<Poco::Data::Session> session_;
  int lock_fd_ =
      -1;  // kept open until the session is closed: closing it would drop SQLite's own locks
};

}  // namespace sdm::sqlite
