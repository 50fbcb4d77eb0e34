// Before a downgrade runs, the live database is asked whether any of its ops would destroy
// data: rows of a dropped table, values of a dropped column, values too long for a narrowed
// column. A downgrade that would is refused unless the operator allows it.
#pragma once

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

/// Checks every op of the plan's downgrade steps against the live database, walking `model`
/// (the schema at the start) through the ops. Reads only.
std::vector<DataLoss> find_data_loss(const graph::MigrationPlan& plan,
                                     const std::vector<std::vector<Op>>& step_ops,
                                     schema::SchemaModel model, Exec& exec);

/// The refusal, naming each loss and how to go ahead anyway.
std::string describe_data_loss(const std::vector<DataLoss>& losses);

}  // namespace sdm::runtime
