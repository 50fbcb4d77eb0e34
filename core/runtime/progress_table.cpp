#include "runtime/progress_table.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>

#include "common/errors.hpp"

namespace sdm::runtime {
namespace {

// The columns, in the order read() selects them.
const char* const kColumns[] = {"revision",
                                "direction",
                                "op_count",
                                "ops_done",
                                "statements_done",
                                "undo_ops_done",
                                "undo_statements_done",
                                "started_at",
                                "updated_at",
                                "runner",
                                "failure"};
constexpr std::size_t kColumnCount = sizeof kColumns / sizeof kColumns[0];
/// Enough of an error message to recognise it; the whole one went to the operator.
constexpr std::size_t kFailureLength = 2000;

std::int64_t number(const Row& row, std::size_t i, const std::string& table) {
  try {
    if (i < row.size() && row[i]) return std::stoll(*row[i]);
  } catch (const std::exception&) {
  }
  throw DatabaseError(table + " holds a row this tool did not write (column " + kColumns[i] +
                      " is not a number); delete the row, then check the schema by hand");
}

/// The side table's statements involve no other table.
class NoTables : public SchemaLookup {
 public:
  const Table* table(const std::string&) const noexcept override { return nullptr; }
};

std::string text(const Row& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : "";
}

}  // namespace

ProgressTable::ProgressTable(Exec& exec, std::string name) : exec_(exec), name_(std::move(name)) {}

Table ProgressTable::definition() const {
  Table table;
  table.name = name_;
  table.columns = {Column("revision", String(255)).not_null(),
                   Column("direction", String(16)).not_null(),
                   Column("op_count", Integer()).not_null(),
                   Column("ops_done", Integer()).not_null(),
                   Column("statements_done", Integer()).not_null(),
                   Column("undo_ops_done", Integer()),
                   Column("undo_statements_done", Integer()).not_null(),
                   Column("started_at", BigInteger()).not_null(),
                   Column("updated_at", BigInteger()).not_null(),
                   Column("runner", String(255)).not_null(),
                   Column("failure", Text())};
  // A primary key, as Galera needs on every table it replicates.
  table.constraints = {PrimaryKey({"revision"}, name_ + "_pkc")};
  return table;
}

std::optional<StepProgress> ProgressTable::read() {
  if (!exists_) {
    auto names = exec_.connection().table_names();
    exists_ = std::find(names.begin(), names.end(), name_) != names.end();
  }
  if (!*exists_) return std::nullopt;
  std::string columns;
  for (const char* column : kColumns)
    columns += (columns.empty() ? "" : ", ") + exec_.dialect().quote(column);
  Rows rows =
      exec_.connection().query("SELECT " + columns + " FROM " + exec_.dialect().quote(name_));
  if (rows.empty()) return std::nullopt;
  if (rows.size() > 1)
    throw DatabaseError(name_ + " holds " + std::to_string(rows.size()) +
                        " rows, but only one revision can be in flight at a time: it was changed "
                        "by hand. Delete all but the row of the revision that was running, and "
                        "run the command again");
  const Row& row = rows.front();
  if (row.size() != kColumnCount)
    throw DatabaseError(name_ + " does not have the columns this tool writes");
  StepProgress progress;
  progress.revision = text(row, 0);
  const std::string direction = text(row, 1);
  if (direction != "upgrade" && direction != "downgrade")
    throw DatabaseError(name_ + " holds a row this tool did not write (direction '" + direction +
                        "'); delete the row, then check the schema by hand");
  progress.upgrade = direction == "upgrade";
  progress.op_count = static_cast<int>(number(row, 2, name_));
  progress.ops_done = static_cast<int>(number(row, 3, name_));
  progress.statements_done = static_cast<int>(number(row, 4, name_));
  if (row[5]) progress.undo_ops_done = static_cast<int>(number(row, 5, name_));
  progress.undo_statements_done = static_cast<int>(number(row, 6, name_));
  progress.started_at = number(row, 7, name_);
  progress.updated_at = number(row, 8, name_);
  progress.runner = text(row, 9);
  progress.failure = text(row, 10);
  return progress;
}

void ProgressTable::ensure_exists() {
  if (!exists_) read();
  if (*exists_) return;
  for (const auto& statement : exec_.dialect().render(CreateTable{definition()}, NoTables{}))
    exec_.run(statement);
  exists_ = true;
}

void ProgressTable::drop_if_empty() {
  if (!exists_ || !*exists_) return;
  if (read()) return;
  for (const auto& statement : exec_.dialect().render(DropTable{name_}, NoTables{}))
    exec_.run(statement);
  exists_ = false;
}

void ProgressTable::insert(const StepProgress& p) {
  BulkInsert row;
  row.table = name_;
  for (const char* column : kColumns)
    row.columns.emplace_back(column);
  std::vector<Value> values = {p.revision,
                               p.direction(),
                               std::int64_t{p.op_count},
                               std::int64_t{p.ops_done},
                               std::int64_t{p.statements_done},
                               p.undo_ops_done ? Value(std::int64_t{*p.undo_ops_done}) : Value(),
                               std::int64_t{p.undo_statements_done},
                               p.started_at,
                               p.updated_at,
                               p.runner,
                               p.failure.empty() ? Value() : Value(p.failure)};
  row.rows.push_back(std::move(values));
  for (const auto& statement : exec_.dialect().render(row, NoTables{}))
    exec_.run(statement);
}

void ProgressTable::start(const StepProgress& progress) {
  finish();  // the table holds one row at a time
  insert(progress);
}

std::string ProgressTable::update(const std::string& assignments) const {
  // The table holds one row: no WHERE is needed, and no revision id is ever quoted here.
  return "UPDATE " + exec_.dialect().quote(name_) + " SET " + assignments + ", " +
         exec_.dialect().quote("updated_at") + " = " + std::to_string(now());
}

void ProgressTable::advance(int ops_done, int statements_done) {
  const auto& d = exec_.dialect();
  exec_.run(update(d.quote("ops_done") + " = " + std::to_string(ops_done) + ", " +
                   d.quote("statements_done") + " = " + std::to_string(statements_done)));
}

void ProgressTable::advance_undo(int undo_ops_done, int undo_statements_done) {
  const auto& d = exec_.dialect();
  exec_.run(update(d.quote("undo_ops_done") + " = " + std::to_string(undo_ops_done) + ", " +
                   d.quote("undo_statements_done") + " = " + std::to_string(undo_statements_done)));
}

void ProgressTable::record_failure(const std::string& message) noexcept {
  try {
    auto progress = read();
    if (!progress) return;
    progress->failure = message.substr(0, kFailureLength);
    progress->updated_at = now();
    // A string goes in through the dialect's literals: delete and insert the row again.
    exec_.begin();
    start(*progress);
    exec_.commit();
  } catch (...) {
    exec_.rollback_quietly();
  }
}

void ProgressTable::finish() {
  exec_.run("DELETE FROM " + exec_.dialect().quote(name_));
}

std::string ProgressTable::this_runner() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return "pid " + std::to_string(::getpid()) + " on " + (host[0] ? host : "an unknown host");
}

std::int64_t ProgressTable::now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string utc_time(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  ::gmtime_r(&t, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S UTC", &parts);
  return buffer;
}

}  // namespace sdm::runtime
