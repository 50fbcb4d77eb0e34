#include "runtime/connection_handle.hpp"

#include <algorithm>
#include <utility>

#include "common/errors.hpp"
#include "sdm/detail/guard.hpp"

namespace sdm::runtime {
namespace {

std::string seconds_text(int milliseconds) {
  const int whole = milliseconds / 1000;
  if (milliseconds % 1000 == 0) return std::to_string(whole) + " s";
  return std::to_string(milliseconds) + " ms";
}

}  // namespace

ConnectionHandle::ConnectionHandle(std::unique_ptr<abi::Connection> connection,
                                   SessionLimits limits, std::string internal_name_prefix)
    : connection_(std::move(connection)),
      limits_(limits),
      internal_name_prefix_(std::move(internal_name_prefix)) {}

bool ConnectionHandle::internal(const std::string& name) const {
  return !internal_name_prefix_.empty() &&
         name.compare(0, internal_name_prefix_.size(), internal_name_prefix_) == 0;
}

[[noreturn]] void ConnectionHandle::fail(const std::string& text) const {
  auto [kind, message] = detail::decode_failure(text);
  switch (kind) {
    case ErrorKind::LockWaitTimeout:
      throw LockTimeoutError(
          message + " (a statement waited " +
              (limits_.lock_wait_timeout_ms > 0
                   ? "longer than the lock-wait timeout, " +
                         seconds_text(limits_.lock_wait_timeout_ms) + ","
                   : "too long") +
              " for a lock another transaction holds: let that transaction finish, or raise "
              "--lock-wait-timeout)",
          kind);
    case ErrorKind::StatementTimeout:
      throw DatabaseError(
          message + " (the statement ran longer than the statement timeout" +
              (limits_.statement_timeout_ms > 0 ? ", " + seconds_text(limits_.statement_timeout_ms)
                                                : std::string()) +
              "; raise --statement-timeout, or set it to 0 for no limit)",
          kind);
    case ErrorKind::ConnectionLost:
    case ErrorKind::General:
      break;
  }
  throw DatabaseError(message, kind);
}

template <class Call>
void ConnectionHandle::checked(Call&& call) const {
  std::string error;
  if (!call(error)) fail(error);
}

std::int64_t ConnectionHandle::execute(const std::string& sql) {
  std::int64_t affected = -1;
  checked([&](std::string& e) { return connection_->execute(sql, affected, e); });
  return affected;
}

Rows ConnectionHandle::query(const std::string& sql) {
  Rows rows;
  checked([&](std::string& e) { return connection_->query(sql, rows, e); });
  return rows;
}

std::int64_t ConnectionHandle::execute_bound(const std::string& sql,
                                             const std::vector<Value>& values) {
  std::int64_t affected = -1;
  checked([&](std::string& e) { return connection_->execute_bound(sql, values, affected, e); });
  return affected;
}

Rows ConnectionHandle::query_bound(const std::string& sql, const std::vector<Value>& values) {
  Rows rows;
  checked([&](std::string& e) { return connection_->query_bound(sql, values, rows, e); });
  return rows;
}

void ConnectionHandle::begin() {
  checked([&](std::string& e) { return connection_->begin(e); });
}

void ConnectionHandle::commit() {
  checked([&](std::string& e) { return connection_->commit(e); });
}

void ConnectionHandle::rollback() {
  checked([&](std::string& e) { return connection_->rollback(e); });
}

bool ConnectionHandle::try_lock(const std::string& key) {
  bool taken = false;
  checked([&](std::string& e) { return connection_->try_lock(key, taken, e); });
  return taken;
}

void ConnectionHandle::unlock(const std::string& key) {
  checked([&](std::string& e) { return connection_->unlock(key, e); });
}

std::string ConnectionHandle::lock_holder(const std::string& key) {
  std::string holder;
  checked([&](std::string& e) { return connection_->lock_holder(key, holder, e); });
  return holder;
}

std::vector<std::string> ConnectionHandle::table_names() {
  std::vector<std::string> names;
  checked([&](std::string& e) { return connection_->table_names(names, e); });
  names.erase(std::remove_if(names.begin(), names.end(),
                             [&](const std::string& name) { return internal(name); }),
              names.end());
  return names;
}

std::optional<Table> ConnectionHandle::reflect_table(const std::string& name) {
  std::optional<Table> table;
  checked([&](std::string& e) { return connection_->reflect_table(name, table, e); });
  // A rebuild recreates what reflection lists: never the database's own indexes (SQLite's
  // sqlite_autoindex_*, which back UNIQUE and PRIMARY KEY constraints).
  if (table) {
    auto& indexes = table->indexes;
    indexes.erase(std::remove_if(indexes.begin(), indexes.end(),
                                 [&](const Index& index) { return internal(index.name); }),
                  indexes.end());
    auto& constraints = table->constraints;
    for (auto& constraint : constraints)
      if (internal(constraint.name)) constraint.name.clear();
  }
  return table;
}

std::vector<HealthFinding> ConnectionHandle::check_health(Access access) {
  std::vector<HealthFinding> findings;
  checked([&](std::string& e) { return connection_->check_health(access, findings, e); });
  return findings;
}

}  // namespace sdm::runtime
