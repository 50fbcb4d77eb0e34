// Undoing an op: the ops that reverse it, and what running them can do to data.
#pragma once

#include <string>
#include <vector>

#include "sdm/dialect.hpp"
#include "sdm/ops.hpp"

namespace sdm::schema {

/// What undoing an op takes.
struct Reversal {
  /// The ops that undo it, in the order they run.
  std::vector<Op> ops;
  /// What running them can do to data (narrowing a type, making a column NOT NULL, dropping
  /// a column that holds values...), for the operator to weigh before a downgrade.
  std::vector<std::string> data_risks;
  /// Differences the undo leaves that do not touch data (a column coming back last...).
  std::vector<std::string> notes;
};

/// The ops that undo `op`, computed against `before`, the schema as it stood before `op`.
/// Throws IrreversibleOpError, naming the op and the reason, when it cannot be undone
/// automatically: literal SQL, inserted rows, or a definition `before` does not know.
Reversal reverse_op(const Op& op, const SchemaLookup& before);

}  // namespace sdm::schema
