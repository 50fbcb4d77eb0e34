// An in-memory SQLite database for dialect tests; a failing statement fails the test with
// SQLite's message.
#pragma once

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

namespace sdm::test {

class MemorySqlite {
 public:
  using Rows = std::vector<std::vector<std::string>>;

  MemorySqlite() { REQUIRE(sqlite3_open(":memory:", &db_) == SQLITE_OK); }
  ~MemorySqlite() { sqlite3_close(db_); }
  MemorySqlite(const MemorySqlite&) = delete;
  MemorySqlite& operator=(const MemorySqlite&) = delete;

  /// Runs a statement; returns SQLite's error message, or "" on success.
  std::string try_exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    std::string error = rc == SQLITE_OK ? "" : (message ? message : "error " + std::to_string(rc));
    sqlite3_free(message);
    return error;
  }

  /// Runs a statement that must succeed.
  void exec(const std::string& sql) {
    const std::string error = try_exec(sql);
    INFO("statement: " << sql);
    REQUIRE(error == "");
  }

  /// Every row of a query, each value as text ("NULL" for SQL NULL).
  Rows rows(const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    INFO("query: " << sql);
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &raw, nullptr) == SQLITE_OK);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
    Rows result;
    while (sqlite3_step(raw) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(raw); ++i) {
        const unsigned char* text = sqlite3_column_text(raw, i);
        row.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
      result.push_back(std::move(row));
    }
    return result;
  }

  /// The one value a query returns.
  std::string value(const std::string& sql) {
    const auto result = rows(sql);
    REQUIRE(result.size() == 1);
    return result.front().front();
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace sdm::test
