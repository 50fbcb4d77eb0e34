#include "runtime/exec.hpp"

#include <stdexcept>

namespace sdm::runtime {

Exec::Exec(ConnectionHandle& connection, const DialectHandle& dialect)
    : connection_(&connection), dialect_(dialect) {}

Exec::Exec(std::ostream& script, const DialectHandle& dialect)
    : script_(&script), dialect_(dialect) {}

ConnectionHandle& Exec::connection() {
  if (connection_ == nullptr) throw std::logic_error("no live connection in offline mode");
  return *connection_;
}

std::int64_t Exec::run(const std::string& sql) {
  if (script_ != nullptr) {
    *script_ << sql << ";\n\n";
    return -1;
  }
  return connection_->execute(sql);
}

void Exec::comment(const std::string& text) {
  if (script_ != nullptr) *script_ << "-- " << text << "\n\n";
}

void Exec::begin() {
  if (script_ != nullptr) {
    if (dialect_.traits().offline_begin_commit)
      run(dialect_.version_sql(VersionStatement::Begin, {}));
  } else {
    connection_->begin();
  }
  in_transaction_ = true;
}

void Exec::commit() {
  if (script_ != nullptr) {
    if (dialect_.traits().offline_begin_commit)
      run(dialect_.version_sql(VersionStatement::Commit, {}));
  } else {
    connection_->commit();
  }
  in_transaction_ = false;
}

void Exec::rollback_quietly() noexcept {
  if (!in_transaction_) return;
  in_transaction_ = false;
  if (connection_ == nullptr) return;
  try {
    connection_->rollback();
  } catch (...) {
    // The original failure is what the operator needs to see.
  }
}

}  // namespace sdm::runtime
