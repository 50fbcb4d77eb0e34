#include "mylite_connection.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sdm/error.hpp>

namespace mylite {
namespace {

constexpr int kBusyTimeoutMs = 10000;

}  // namespace

Connection::Connection(const std::string& path) : path_(path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw sdm::Error("mylite: cannot open " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  execute("PRAGMA foreign_keys = ON");
}

Connection::~Connection() {
  sqlite3_close(db_);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void Connection::run(const std::string& sql, const std::vector<sdm::Value>& values,
                     sdm::Rows* rows) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
    throw sdm::Error(std::string("mylite: ") + sqlite3_errmsg(db_));
  // The engine binds `?` itself; each kind of value goes in as its own type.
  if (sqlite3_bind_parameter_count(statement) != static_cast<int>(values.size())) {
    sqlite3_finalize(statement);
    throw sdm::Error("mylite: the statement's placeholders and the values given differ in number");
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int at = static_cast<int>(i) + 1;
    const sdm::Value& v = values[i];
    if (const auto* text = std::get_if<std::string>(&v))
      sqlite3_bind_text(statement, at, text->c_str(), static_cast<int>(text->size()),
                        SQLITE_TRANSIENT);
    else if (const auto* number = std::get_if<std::int64_t>(&v))
      sqlite3_bind_int64(statement, at, *number);
    else if (const auto* real = std::get_if<double>(&v))
      sqlite3_bind_double(statement, at, *real);
    else if (const auto* flag = std::get_if<bool>(&v))
      sqlite3_bind_int(statement, at, *flag);
    else
      sqlite3_bind_null(statement, at);
  }
  int rc;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    if (rows == nullptr) continue;
    sdm::Row row;
    for (int i = 0; i < sqlite3_column_count(statement); ++i) {
      const unsigned char* text = sqlite3_column_text(statement, i);
      row.push_back(text ? std::optional<std::string>(reinterpret_cast<const char*>(text))
                         : std::nullopt);
    }
    rows->push_back(std::move(row));
  }
  sqlite3_finalize(statement);
  if (rc != SQLITE_DONE) throw sdm::Error(std::string("mylite: ") + sqlite3_errmsg(db_));
}

std::int64_t Connection::execute(const std::string& sql) {
  return execute_bound(sql, {});
}

sdm::Rows Connection::query(const std::string& sql) {
  return query_bound(sql, {});
}

std::int64_t Connection::execute_bound(const std::string& sql,
                                       const std::vector<sdm::Value>& values) {
  run(sql, values, nullptr);
  return sqlite3_changes64(db_);
}

sdm::Rows Connection::query_bound(const std::string& sql, const std::vector<sdm::Value>& values) {
  sdm::Rows rows;
  run(sql, values, &rows);
  return rows;
}

// IMMEDIATE takes the write lock at once, so a run never stalls half-way for another writer.
void Connection::begin() {
  execute("BEGIN IMMEDIATE");
}
void Connection::commit() {
  execute("COMMIT");
}
void Connection::rollback() {
  execute("ROLLBACK");
}

std::string Connection::lock_path(const std::string& key) const {
  std::string file = path_ + ".";
  for (char c : key)
    file += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return file + ".lock";
}

bool Connection::try_lock(const std::string& key) {
  if (lock_fd_ < 0) {
    lock_fd_ = ::open(lock_path(key).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock_fd_ < 0)
      throw sdm::Error("mylite: cannot open " + lock_path(key) + ": " + std::strerror(errno));
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) return false;
    throw sdm::Error("mylite: cannot lock " + lock_path(key) + ": " + std::strerror(errno));
  }
  // Who holds it, for the runner that waits.
  const std::string holder = "process " + std::to_string(::getpid()) + " on this host";
  if (::ftruncate(lock_fd_, 0) != 0 || ::pwrite(lock_fd_, holder.data(), holder.size(), 0) < 0)
    throw sdm::Error("mylite: cannot write " + lock_path(key) + ": " + std::strerror(errno));
  return true;
}

void Connection::unlock(const std::string&) {
  if (lock_fd_ < 0) return;
  // Best effort: a stale holder text is shown only while someone holds the lock again.
  if (::ftruncate(lock_fd_, 0) != 0) errno = 0;
  ::flock(lock_fd_, LOCK_UN);
}

std::string Connection::lock_holder(const std::string& key) {
  std::ifstream file(lock_path(key));
  std::string holder;
  std::getline(file, holder);
  return holder;
}

// Every table, the engine's own (sqlite_sequence) included: the host leaves out the names that
// start with the dialect's internal_name_prefix.
std::vector<std::string> Connection::table_names() {
  std::vector<std::string> names;
  for (const auto& row : query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"))
    names.push_back(*row[0]);
  return names;
}

}  // namespace mylite
