// What to tell the operator when a revision fails half-way on a database whose DDL commits
// itself (MySQL): which ops ran and stay, which did not, and the exact SQL to undo the first
// or to finish the second.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "graph/migration_step.hpp"
#include "runtime/dialect_handle.hpp"
#include "schema/schema_model.hpp"

namespace sdm::runtime {

/// A revision that stopped part-way.
struct PartialRevision {
  const graph::MigrationStep& step;
  const std::vector<Op>& ops;
  std::size_t failed_op;         ///< index of the op that failed
  std::size_t failed_statement;  ///< index of its statement that failed
  const std::vector<std::string>& failed_op_statements;
  const schema::SchemaModel& before;         ///< the schema when the revision started
  const schema::SchemaModel& now;            ///< after the ops that ran
  std::vector<std::string> recorded_heads;   ///< what the version table still says
  std::vector<std::string> heads_when_done;  ///< what it would say had the revision finished
};

/// The sentence for the FAILED line, and the recovery lines printed after it.
std::pair<std::string, std::string> describe_partial_revision(const PartialRevision& partial,
                                                              const DialectHandle& dialect);

}  // namespace sdm::runtime
