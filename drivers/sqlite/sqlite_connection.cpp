#include "sqlite_connection.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "sdm/error.hpp"
#include "sqlite_reflection.hpp"

namespace sdm::sqlite {
namespace {

/// Waits this long for another connection's write lock before a statement fails, unless the
/// session's lock-wait timeout says otherwise.
constexpr int kBusyTimeoutMs = 10000;
/// How many virtual machine steps SQLite runs between two looks at the statement deadline.
constexpr int kStepsBetweenDeadlineChecks = 10000;

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, const SessionLimits& limits)
    : path_(path), limits_(limits) {
  // The file is created when missing, and a name starting with "file:" is read as an SQLite
  // URI.
  const int rc = sqlite3_open_v2(
      path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error("cannot open SQLite database " + path + ": " + message);
  }
  sqlite3_busy_timeout(
      db_, limits.lock_wait_timeout_ms > 0 ? limits.lock_wait_timeout_ms : kBusyTimeoutMs);
  if (limits.statement_timeout_ms > 0)
    sqlite3_progress_handler(db_, kStepsBetweenDeadlineChecks, &past_deadline, this);
}

SqliteConnection::~SqliteConnection() {
  sqlite3_close_v2(db_);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void SqliteConnection::fail(const std::string& what) const {
  ErrorKind kind = ErrorKind::General;
  const int code = sqlite3_errcode(db_) & 0xff;
  if (code == SQLITE_INTERRUPT && limits_.statement_timeout_ms > 0)
    kind = ErrorKind::StatementTimeout;
  else if (code == SQLITE_BUSY)
    kind = ErrorKind::LockWaitTimeout;
  throw Error(what + ": " + sqlite3_errmsg(db_), kind);
}

void SqliteConnection::start_statement() {
  if (limits_.statement_timeout_ms > 0)
    deadline_ =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(limits_.statement_timeout_ms);
}

int SqliteConnection::past_deadline(void* connection) {
  const auto* self = static_cast<const SqliteConnection*>(connection);
  return std::chrono::steady_clock::now() > self->deadline_ ? 1 : 0;
}

std::int64_t SqliteConnection::execute(const std::string& sql) {
  return run_script(sql);
}

Rows SqliteConnection::query(const std::string& sql) {
  Rows rows;
  run_prepared(sql, {}, &rows);
  return rows;
}

std::int64_t SqliteConnection::execute_bound(const std::string& sql,
                                             const std::vector<Value>& values) {
  return run_prepared(sql, values, nullptr);
}

Rows SqliteConnection::query_bound(const std::string& sql, const std::vector<Value>& values) {
  Rows rows;
  run_prepared(sql, values, &rows);
  return rows;
}

std::int64_t SqliteConnection::run_prepared(const std::string& sql,
                                            const std::vector<Value>& values, Rows* rows) {
  start_statement();
  const char* what = rows ? "SQLite query failed" : "SQLite statement failed";
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &prepared, nullptr) != SQLITE_OK) fail(what);
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(prepared, &sqlite3_finalize);
  const int placeholders = sqlite3_bind_parameter_count(statement.get());
  if (placeholders != static_cast<int>(values.size()))
    throw Error(std::string(what) + ": the statement has " + std::to_string(placeholders) +
                " placeholder(s) (?) but " + std::to_string(values.size()) +
                " value(s) were given");
  for (int i = 0; i < placeholders; ++i) {
    const Value& value = values[static_cast<std::size_t>(i)];
    int rc = SQLITE_OK;
    if (const auto* text = std::get_if<std::string>(&value))
      rc = sqlite3_bind_text(statement.get(), i + 1, text->data(), static_cast<int>(text->size()),
                             SQLITE_TRANSIENT);
    else if (const auto* integer = std::get_if<std::int64_t>(&value))
      rc = sqlite3_bind_int64(statement.get(), i + 1, *integer);
    else if (const auto* real = std::get_if<double>(&value))
      rc = sqlite3_bind_double(statement.get(), i + 1, *real);
    else if (const auto* flag = std::get_if<bool>(&value))
      rc = sqlite3_bind_int(statement.get(), i + 1, *flag ? 1 : 0);
    else
      rc = sqlite3_bind_null(statement.get(), i + 1);
    if (rc != SQLITE_OK) fail(what);
  }
  int rc;
  while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
    if (!rows) continue;
    Row row;
    for (int c = 0; c < sqlite3_column_count(statement.get()); ++c) {
      const unsigned char* text = sqlite3_column_text(statement.get(), c);
      row.push_back(text ? std::optional<std::string>(reinterpret_cast<const char*>(text))
                         : std::nullopt);
    }
    rows->push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) fail(what);
  return sqlite3_changes(db_);
}

std::int64_t SqliteConnection::run_script(const std::string& sql) {
  start_statement();
  std::int64_t changed = 0;
  const char* next = sql.c_str();
  while (*next != '\0') {
    sqlite3_stmt* prepared = nullptr;
    const char* rest = nullptr;
    if (sqlite3_prepare_v2(db_, next, -1, &prepared, &rest) != SQLITE_OK)
      fail("SQLite statement failed");
    next = rest;
    if (prepared == nullptr) continue;  // only whitespace or a comment was left
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(prepared, &sqlite3_finalize);
    const sqlite3_int64 total_before = sqlite3_total_changes64(db_);
    int rc;
    while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail("SQLite statement failed");
    // sqlite3_changes() keeps the count of the last INSERT, UPDATE or DELETE through any other
    // statement; a statement that changed no row leaves the total as it was.
    if (sqlite3_total_changes64(db_) != total_before) changed += sqlite3_changes64(db_);
  }
  return changed;
}

// IMMEDIATE takes SQLite's write lock at once, so a run never stalls half-way for a writer.
void SqliteConnection::begin() {
  execute("BEGIN IMMEDIATE");
}
void SqliteConnection::commit() {
  execute("COMMIT");
}
void SqliteConnection::rollback() {
  execute("ROLLBACK");
}

bool SqliteConnection::try_lock(const std::string&) {
  if (path_ == ":memory:" || path_.empty()) return true;  // nobody else can see it
  if (lock_fd_ < 0) {
    lock_fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (lock_fd_ < 0) throw Error("cannot open " + path_ + " to lock it: " + std::strerror(errno));
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) == 0) return true;
  if (errno == EWOULDBLOCK) return false;
  throw Error("cannot lock " + path_ + ": " + std::strerror(errno));
}

void SqliteConnection::unlock(const std::string&) {
  if (lock_fd_ >= 0) ::flock(lock_fd_, LOCK_UN);
}

std::string SqliteConnection::lock_holder(const std::string&) {
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) return "";
  // /proc/locks lines: "1: FLOCK  ADVISORY  WRITE 4711 08:01:1234 0 EOF".
  std::ifstream locks("/proc/locks");
  std::string line;
  while (std::getline(locks, line)) {
    std::istringstream in(line);
    std::string ordinal, kind, mode, access, pid, device_inode;
    if (!(in >> ordinal >> kind >> mode >> access >> pid >> device_inode)) continue;
    if (kind != "FLOCK") continue;
    auto last_colon = device_inode.rfind(':');
    if (last_colon == std::string::npos) continue;
    if (device_inode.substr(last_colon + 1) != std::to_string(st.st_ino)) continue;
    std::ifstream cmdline("/proc/" + pid + "/cmdline");
    std::string command;
    std::getline(cmdline, command, '\0');
    return "process " + pid + (command.empty() ? "" : " (" + command + ")") + " on this host";
  }
  return "";
}

std::vector<std::string> SqliteConnection::table_names() {
  std::vector<std::string> names;
  for (const auto& row : query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                               "LIKE 'sqlite_%' ORDER BY name"))
    if (!row.empty() && row[0]) names.push_back(*row[0]);
  return names;
}

std::optional<Table> SqliteConnection::reflect_table(const std::string& name) {
  return reflect_sqlite_table(*this, name);
}

}  // namespace sdm::sqlite
