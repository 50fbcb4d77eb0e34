#include "runtime/connection_handle.hpp"

#include <utility>

#include "common/errors.hpp"

namespace sdm::runtime {
namespace {

/// Runs one plugin call; its error text becomes the DatabaseError message.
template <class Call>
void checked(Call&& call) {
  std::string error;
  if (!call(error)) throw DatabaseError(error);
}

}  // namespace

ConnectionHandle::ConnectionHandle(std::unique_ptr<abi::Connection> connection)
    : connection_(std::move(connection)) {}

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
  return names;
}

std::optional<Table> ConnectionHandle::reflect_table(const std::string& name) {
  std::optional<Table> table;
  checked([&](std::string& e) { return connection_->reflect_table(name, table, e); });
  return table;
}

std::vector<HealthFinding> ConnectionHandle::check_health(Access access) {
  std::vector<HealthFinding> findings;
  checked([&](std::string& e) { return connection_->check_health(access, findings, e); });
  return findings;
}

}  // namespace sdm::runtime
