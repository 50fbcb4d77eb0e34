// Before a downgrade runs, the live database is asked whether any of its ops would destroy
// data: rows of a dropped table, values of a dropped column, values too long for a narrowed
// column. A downgrade that would is refused unless the operator allows it.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "graph/migration_plan.hpp"
#include "runtime/exec.hpp"
#include "schema/schema_model.hpp"

namespace sdm::runtime {

/// One op of a downgrade that would destroy data now in the database.
struct DataLoss {
  std::string step;  ///< the step's log text
  std::string op;    ///< describe(op)
  std::string what;  ///< e.g. "3 rows would be deleted"
};

/// A check made right before its op runs rather than before the run: an earlier code step of
/// the run, or SQL whose effect on the rows cannot be read, may change what the op destroys.
struct DeferredDataCheck {
  std::size_t step = 0;  ///< index in the plan
  std::size_t op = 0;    ///< index in the step's ops
  DataLoss where;        ///< step and op; `what` unset
  std::string sql;       ///< the count query
  std::function<std::string(long long)> describe;
};

struct DataLossFindings {
  std::vector<DataLoss> losses;             ///< found now, before anything runs
  std::vector<DeferredDataCheck> deferred;  ///< to make when their op is about to run
};

/// Checks every op of the plan's downgrade steps against the live database, walking `model`
/// (the schema at the start) through the ops. Rows the run's own earlier data steps delete
/// (`DELETE FROM t` without WHERE, `TRUNCATE t`) are not counted; an op whose table an earlier
/// code step or other data SQL changes is deferred. Reads only.
DataLossFindings find_data_loss(const graph::MigrationPlan& plan,
                                const std::vector<std::vector<Op>>& step_ops,
                                schema::SchemaModel model, Exec& exec);

/// Makes a deferred check now, on the run's session (inside its transaction where there is
/// one); the loss, if any.
std::optional<DataLoss> run_deferred_check(const DeferredDataCheck& check, Exec& exec);

/// The refusal before the run, naming each loss and how to go ahead anyway.
std::string describe_data_loss(const std::vector<DataLoss>& losses);
/// The refusal of a deferred check, right before its op.
std::string describe_deferred_data_loss(const DataLoss& loss);

}  // namespace sdm::runtime
