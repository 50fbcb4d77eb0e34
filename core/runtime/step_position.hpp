// Where a revision step stands, op by op and statement by statement, and what has run at a
// given position, for resuming a step, undoing what ran of it, or settling it after a crash.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sdm/ops.hpp"

namespace sdm::runtime {

/// A point in a step's ops: `ops` ops completed, and `statements` statements of the next one.
struct StepPosition {
  int ops = 0;
  int statements = 0;

  bool operator==(const StepPosition& other) const {
    return ops == other.ops && statements == other.statements;
  }
  bool operator!=(const StepPosition& other) const { return !(*this == other); }
};

/// Literal SQL and inserted rows: their statements commit in one transaction with the step's
/// progress record, so a crash never leaves their outcome unknown (unless the SQL is DDL).
bool is_data_op(const Op& op);

/// Whether literal SQL is a statement the server commits by itself (CREATE, ALTER, DROP,
/// RENAME, TRUNCATE ...), so a transaction cannot make it one with its progress record.
bool commits_itself(const std::string& sql);

/// The position one statement further: the next statement of the same op, or the next op
/// once the op's `statement_count` statements all ran.
StepPosition one_statement_on(StepPosition position, int statement_count);

/// The ops that ran up to `position`, each whole: an op stopped part-way becomes one op per
/// statement that ran, where its kind allows (a create_table is its table, then one
/// create_index per index); nullopt when it cannot be split. `statement_count` is how many
/// statements the op at `position.ops` renders to.
std::optional<std::vector<Op>> ops_run_until(const std::vector<Op>& ops, StepPosition position,
                                             int statement_count);

/// "op 3 of 5 (add_column clusters.note)", with "statement 2 of 3 of " before it when the op
/// stopped part-way.
std::string describe_position(const std::vector<Op>& ops, StepPosition position,
                              int statement_count);

}  // namespace sdm::runtime
