// Ops rendered by the driver's dialect and run on one session, the way the host runs them:
// foreign-key enforcement off first where the dialect asks for it, each op prepared against the
// schema model (reading live tables it has not seen), rendered, run, then applied to the model.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "schema/schema_model.hpp"
#include "sdm/operations.hpp"
#include "target.hpp"

namespace sdm::conformance {

/// One session that runs ops as a migration would.
class OpRunner {
 public:
  OpRunner();

  /// Renders and runs every op `record` records, in order.
  template <class Record>
  void run(Record&& record) {
    Operations ops;
    record(ops);
    for (const auto& op : ops.ops())
      run_op(op);
  }
  void run_op(const Op& op);

  /// Runs one statement on the session.
  void sql(const std::string& statement) { session_->execute(statement); }
  /// Whether a statement fails (a constraint refusing a row, ...).
  bool refused(const std::string& statement);
  /// The rows of a query; NULL as "NULL".
  std::vector<std::vector<std::string>> rows(const std::string& query);
  /// The first value of a query's first row.
  std::string value(const std::string& query);
  /// The live table as the host reflects it; fails the test when it does not exist.
  Table live(const std::string& table);

  runtime::ConnectionHandle& session() { return *session_; }

 private:
  Target& target_;
  std::unique_ptr<runtime::ConnectionHandle> session_;
  schema::SchemaModel model_;
};

/// The constraint of `table` of `kind` on exactly `columns`, or nullptr.
const Constraint* find_constraint(const Table& table, ConstraintKind kind,
                                  const std::vector<std::string>& columns);
/// The index of `table` named `name`, or nullptr.
const Index* find_index(const Table& table, const std::string& name);
/// The names of `table`'s columns in order.
std::vector<std::string> column_names(const Table& table);

}  // namespace sdm::conformance
