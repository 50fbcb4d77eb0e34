// After a crash, where does an interrupted step really stand? Its progress record says which
// statements completed; the one after them may have run too (the server commits DDL before
// the record can follow). The live schema decides: it matches the state the record describes,
// or the state one statement further, or neither (someone changed it by hand), and then the
// run stops with the exact differences instead of guessing.
#pragma once

#include <string>
#include <vector>

#include "runtime/connection_handle.hpp"
#include "runtime/dialect_handle.hpp"
#include "runtime/step_position.hpp"
#include "schema/schema_model.hpp"

namespace sdm::runtime {

/// An interrupted list of ops, as its progress record describes it.
struct InterruptedOps {
  const std::vector<Op>& ops;
  StepPosition recorded;             ///< what the record says completed
  const schema::SchemaModel& start;  ///< the schema before ops[0] (every table known)
  std::string what;                  ///< "the upgrade of 007", for messages
};

/// The position the live schema shows, and whether that is further than the record.
struct Settled {
  StepPosition position;
  bool further_than_recorded = false;
  /// Differences from the revisions that the statement in question does not touch (drift from
  /// before the step, an index MySQL made for a foreign key): they decided nothing.
  std::vector<std::string> background;
};

/// Why the live schema leaves an interrupted step undecided.
struct Unsettled {
  std::string message;    ///< for the FAILED line: what was compared and what differs
  StepPosition position;  ///< the recorded position, for the recovery text
};

/// Compares the live tables the ops touch with the state at the recorded position and one
/// statement further. Returns the position that matches; throws UnsettledStep when neither
/// does, or when the statement in flight was literal DDL whose effect no model can see.
Settled settle_interrupted(const InterruptedOps& interrupted, ConnectionHandle& connection,
                           const DialectHandle& dialect);

/// Thrown by settle_interrupted.
class UnsettledStep : public std::runtime_error {
 public:
  explicit UnsettledStep(Unsettled what)
      : std::runtime_error(what.message), what_(std::move(what)) {}
  const Unsettled& unsettled() const { return what_; }

 private:
  Unsettled what_;
};

/// The schema model after the ops that ran up to `position` (an op part-way split where it
/// can be); nullopt when a part-way op cannot be split.
std::optional<schema::SchemaModel> model_at(const std::vector<Op>& ops, StepPosition position,
                                            const schema::SchemaModel& start,
                                            const DialectHandle& dialect);

/// The statements `op` runs as, for counting positions and for recovery texts. A code step
/// (op.run) counts as one, written as a comment: it runs C++, which no text can repeat.
std::vector<std::string> op_statements(const Op& op, const SchemaLookup& schema,
                                       const DialectHandle& dialect);

/// How many statements the op at `index` renders to, from the schema before it.
int statement_count(const std::vector<Op>& ops, int index, const schema::SchemaModel& start,
                    const DialectHandle& dialect);

}  // namespace sdm::runtime
