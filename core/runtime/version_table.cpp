#include "runtime/version_table.hpp"

#include <algorithm>

#include "common/errors.hpp"

namespace sdm::runtime {

VersionTable::VersionTable(Exec& exec, std::string name) : exec_(exec), name_(std::move(name)) {}

bool VersionTable::exists() {
  auto names = exec_.connection().table_names();
  return std::find(names.begin(), names.end(), name_) != names.end();
}

std::vector<std::string> VersionTable::read_heads() {
  std::vector<std::string> heads;
  if (!exists()) return heads;
  for (const auto& row :
       exec_.connection().query(exec_.dialect().version_sql(VersionStatement::Select, name_))) {
    if (!row.empty() && row[0]) heads.push_back(*row[0]);
  }
  return heads;
}

void VersionTable::create() {
  exec_.run(exec_.dialect().version_sql(VersionStatement::CreateTable, name_));
}

void VersionTable::ensure_exists() {
  if (!exists()) create();
}

void VersionTable::drop() {
  exec_.run(exec_.dialect().version_sql(VersionStatement::DropTable, name_));
}

void VersionTable::insert(const std::string& revision) {
  exec_.run(exec_.dialect().version_sql(
      exec_.offline() ? VersionStatement::InsertOffline : VersionStatement::Insert, name_,
      revision));
}

void VersionTable::update(const std::string& from, const std::string& to) {
  auto changed = exec_.run(exec_.dialect().version_sql(VersionStatement::Update, name_, from, to));
  if (!exec_.offline() && changed != 1) {
    throw DatabaseError("Online migration expected to match one row when updating '" + from +
                        "' to '" + to + "' in '" + name_ + "'; " + std::to_string(changed) +
                        " found");
  }
}

void VersionTable::remove(const std::string& revision) {
  auto changed = exec_.run(exec_.dialect().version_sql(VersionStatement::Delete, name_, revision));
  if (!exec_.offline() && changed != 1) {
    throw DatabaseError("Online migration expected to match one row when deleting '" + revision +
                        "' in '" + name_ + "'; " + std::to_string(changed) + " found");
  }
}

}  // namespace sdm::runtime
