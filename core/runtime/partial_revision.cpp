#include "runtime/partial_revision.hpp"

#include "runtime/step_settlement.hpp"

namespace sdm::runtime {
namespace {

std::string join_ids(const std::vector<std::string>& ids, const std::string& separator) {
  std::string text;
  for (const auto& id : ids)
    text += (text.empty() ? "" : separator) + id;
  return text;
}

std::string indent(const std::string& statement) {
  return "    " + statement + ";\n";
}

/// Renders ops one by one against a copy of `model`, applying each after rendering.
std::string render_all(const std::vector<Op>& ops, schema::SchemaModel model,
                       const DialectHandle& dialect) {
  std::string text;
  for (const auto& op : ops) {
    for (const auto& statement : op_statements(op, model, dialect))
      text += indent(statement);
    model.apply(op);
  }
  return text;
}

/// "op 1 (create_table t), op 2 (...) ran and were committed".
std::string what_ran(const std::vector<Op>& ops, StepPosition stopped) {
  std::string text;
  for (int i = 0; i < stopped.ops; ++i)
    text += (i == 0 ? "op " : ", op ") + std::to_string(i + 1) + " (" + describe(ops[i]) + ")";
  if (stopped.ops > 0)
    text += stopped.ops == 1 ? " ran and was committed" : " ran and were committed";
  if (stopped.statements > 0)
    text += std::string(stopped.ops == 0 ? "" : ", and ") + "the first " +
            std::to_string(stopped.statements) + " statement(s) of op " +
            std::to_string(stopped.ops + 1) + " ran too";
  return text;
}

}  // namespace

std::string stamp_command(const std::vector<std::string>& heads) {
  return "sahara-db-manage stamp " + (heads.empty() ? std::string("base") : join_ids(heads, " "));
}

std::string undo_sql(const std::vector<Op>& ops, StepPosition stopped,
                     const schema::SchemaModel& start, const DialectHandle& dialect) {
  const int count = statement_count(ops, stopped.ops, start, dialect);
  std::string text;
  std::optional<std::vector<Op>> ran = ops_run_until(ops, stopped, count);
  if (!ran) {
    // An op that stopped part-way and cannot be split: its statements that ran are named.
    schema::SchemaModel before = start;
    std::vector<Op> whole(ops.begin(), ops.begin() + stopped.ops);
    before.apply(whole);
    const auto statements = op_statements(ops[stopped.ops], before, dialect);
    for (int s = stopped.statements; s-- > 0;)
      text += "    -- undo by hand: " + statements[s] + ";\n";
    ran = whole;
  }
  schema::SchemaModel after = start;
  after.apply(*ran);
  try {
    const schema::Reversal reversal = start.reverse(*ran);
    text += render_all(reversal.ops, after, dialect);
    for (const auto& note : reversal.notes)
      text += "    -- note: " + note + "\n";
  } catch (const std::exception& e) {
    text += "    -- these ops cannot be undone automatically (" + std::string(e.what()) +
            "); undo them by hand\n";
  }
  return text;
}

std::string finish_sql(const std::vector<Op>& ops, StepPosition stopped,
                       const schema::SchemaModel& start, const DialectHandle& dialect) {
  if (stopped.ops >= static_cast<int>(ops.size())) return {};
  schema::SchemaModel model = start;
  model.apply(std::vector<Op>(ops.begin(), ops.begin() + stopped.ops));
  std::string text;
  const auto statements = op_statements(ops[stopped.ops], model, dialect);
  for (std::size_t s = static_cast<std::size_t>(stopped.statements); s < statements.size(); ++s)
    text += indent(statements[s]);
  model.apply(ops[stopped.ops]);
  text += render_all(std::vector<Op>(ops.begin() + stopped.ops + 1, ops.end()), model, dialect);
  return text;
}

std::pair<std::string, std::string> describe_partial_revision(const PartialRevision& p,
                                                              const DialectHandle& dialect) {
  const bool nothing_ran = p.stopped.ops == 0 && p.stopped.statements == 0;
  const int count = statement_count(p.ops, p.stopped.ops, p.start, dialect);
  const std::string next = describe_position(p.ops, {p.stopped.ops, 0}, count);
  std::string state = dialect.name() + " commits each DDL statement as it runs: ";
  if (!p.unexpected.empty()) {
    state += "the tables are not what the revisions describe: " + p.unexpected +
             " (a run that kept no progress record may have stopped part-way)";
  } else if (p.adopted) {
    state += "the tables show that " + what_ran(p.ops, p.stopped) +
             ", though the progress record did not say so (a run that kept none stopped "
             "there); it says so now";
  } else {
    state += nothing_ran ? "nothing of this revision ran before it" : what_ran(p.ops, p.stopped);
  }
  if (p.outcome_unknown)
    state += "; " + next +
             " was running when the connection was lost, so whether it completed is unknown";
  state += "; the version table still says " +
           (p.recorded_heads.empty() ? std::string("base (no revision)")
                                     : join_ids(p.recorded_heads, ", ")) +
           ", so this revision is not recorded as done";

  std::string recovery;
  if (!p.unexpected.empty()) {
    recovery +=
        "To recover, make the tables match one of those states and run the same command again; "
        "or finish by hand (adjust to what is there) and record it:\n" +
        finish_sql(p.ops, p.stopped, p.start, dialect) + "    " + stamp_command(p.heads_when_done) +
        "\nor undo by hand what ran and record that:\n" +
        undo_sql(p.ops, p.stopped, p.start, dialect) + "    " + stamp_command(p.recorded_heads) +
        "\n";
    return {state, recovery};
  }
  if (p.resumable) {
    recovery += p.outcome_unknown
                    ? "To recover, run the same command again once the database answers: it reads "
                      "from the live schema whether " +
                          next + " ran, and goes on from there;\n"
                : p.adopted
                    ? "To recover, run the same command again: it resumes at " + next + ";\n"
                    : "To recover, fix the cause and run the same command again: it resumes at " +
                          next + ";\n";
    if (!nothing_ran) {
      recovery += "or undo what ran" +
                  (p.undo_command.empty() ? std::string() : " with `" + p.undo_command + "`, or") +
                  " by hand:\n" + undo_sql(p.ops, p.stopped, p.start, dialect) + "    " +
                  stamp_command(p.recorded_heads) + "\n";
    }
  } else if (!nothing_ran) {
    recovery += "To recover, either undo what ran, fix the cause and run the command again:\n" +
                undo_sql(p.ops, p.stopped, p.start, dialect);
  }
  recovery += nothing_ran && !p.resumable
                  ? "Fix the cause and run the command again, or finish the revision by hand and "
                    "record it:\n"
                  : "or finish the revision by hand and record it:\n";
  recovery += finish_sql(p.ops, p.stopped, p.start, dialect);
  recovery += "    " + stamp_command(p.heads_when_done) + "\n";
  return {state, recovery};
}

}  // namespace sdm::runtime
