#include "runtime/partial_revision.hpp"

namespace sdm::runtime {
namespace {

std::string join_ids(const std::vector<std::string>& ids) {
  std::string text;
  for (const auto& id : ids)
    text += (text.empty() ? "" : ", ") + id;
  return text;
}

std::string indent(const std::string& statement) {
  return "    " + statement + ";\n";
}

/// Renders ops one by one against a copy of `start`, applying each after rendering.
std::string render_all(const std::vector<Op>& ops, schema::SchemaModel start,
                       const DialectHandle& dialect) {
  std::string text;
  for (const auto& op : ops) {
    for (const auto& statement : dialect.render(op, start))
      text += indent(statement);
    start.apply(op);
  }
  return text;
}

}  // namespace

std::pair<std::string, std::string> describe_partial_revision(const PartialRevision& p,
                                                              const DialectHandle& dialect) {
  std::vector<Op> ran(p.ops.begin(), p.ops.begin() + static_cast<long>(p.failed_op));
  std::string state = dialect.name() + " commits each DDL statement as it runs: ";
  if (ran.empty() && p.failed_statement == 0) {
    state += "nothing of this revision ran";
  } else {
    for (std::size_t i = 0; i < ran.size(); ++i) {
      state += (i == 0 ? "op " : ", op ") + std::to_string(i + 1) + " (" + describe(ran[i]) + ")";
    }
    if (!ran.empty())
      state += ran.size() == 1 ? " ran and was committed" : " ran and were committed";
    if (p.failed_statement > 0) {
      state += std::string(ran.empty() ? "" : ", and ") + "the first " +
               std::to_string(p.failed_statement) + " statement(s) of the failed op ran too";
    }
  }
  state +=
      "; the version table still says " +
      (p.recorded_heads.empty() ? std::string("base (no revision)") : join_ids(p.recorded_heads)) +
      ", so this revision is not recorded as done";

  std::string stamp = p.heads_when_done.empty() ? "base" : p.heads_when_done.front();
  for (std::size_t i = 1; i < p.heads_when_done.size(); ++i)
    stamp += " " + p.heads_when_done[i];

  std::string recovery;
  if (!ran.empty() || p.failed_statement > 0) {
    recovery += "To recover, either undo what ran, fix the cause and run the command again:\n";
    for (std::size_t s = p.failed_statement; s-- > 0;)
      recovery += "    -- undo by hand: " + p.failed_op_statements[s] + ";\n";
    try {
      recovery += render_all(p.before.reverse(ran).ops, p.now, dialect);
    } catch (const std::exception& e) {
      recovery += "    -- these ops cannot be undone automatically (" + std::string(e.what()) +
                  "); undo them by hand\n";
    }
    recovery += "or fix the cause, finish the revision by hand and record it:\n";
  } else {
    recovery +=
        "Fix the cause and run the command again, or finish the revision by hand and "
        "record it:\n";
  }
  for (std::size_t s = p.failed_statement; s < p.failed_op_statements.size(); ++s)
    recovery += indent(p.failed_op_statements[s]);
  std::vector<Op> rest(p.ops.begin() + static_cast<long>(p.failed_op) + 1, p.ops.end());
  schema::SchemaModel after_failed = p.now;
  after_failed.apply(p.ops[p.failed_op]);
  recovery += render_all(rest, after_failed, dialect);
  recovery += "    sahara-db-manage stamp " + stamp + "\n";
  return {state, recovery};
}

}  // namespace sdm::runtime
