#include "runtime/step_settlement.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include "runtime/live_schema_match.hpp"

namespace sdm::runtime {
namespace {

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string text;
  for (const auto& item : items)
    text += (text.empty() ? "" : separator) + item;
  return text;
}

/// The tables any of the ops touches, each once, in the order they come up.
std::vector<std::string> touched_tables(const std::vector<Op>& ops) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto& op : ops)
    for (const auto& name : schema::tables_touched(op))
      if (seen.insert(name).second) names.push_back(name);
  return names;
}

/// The differences between the live tables and a model of them.
std::vector<std::string> differences(const std::vector<std::string>& tables,
                                     const schema::SchemaModel& model,
                                     const std::map<std::string, std::optional<Table>>& live,
                                     const DialectHandle& dialect) {
  std::vector<std::string> found;
  for (const auto& name : tables) {
    auto more = table_differences(model.table(name), live.at(name), dialect);
    found.insert(found.end(), more.begin(), more.end());
  }
  return found;
}

/// The live definition of every table the ops touch.
std::map<std::string, std::optional<Table>> reflect_touched(const std::vector<std::string>& tables,
                                                            ConnectionHandle& connection) {
  std::map<std::string, std::optional<Table>> live;
  for (const auto& name : tables)
    live[name] = connection.reflect_table(name);
  return live;
}

[[noreturn]] void throw_unsettled(const InterruptedOps& in, const std::string& where,
                                  const std::string& why) {
  throw UnsettledStep({in.what + " stopped at " + where + ", and " + why, in.recorded});
}

}  // namespace

std::vector<std::string> op_statements(const Op& op, const SchemaLookup& schema,
                                       const DialectHandle& dialect) {
  if (const auto* code = std::get_if<RunCode>(&op))
    return {"-- the code step \"" + code->name +
            "\" of the revision (C++: run the command again to run it)"};
  return dialect.render(op, schema);
}

int statement_count(const std::vector<Op>& ops, int index, const schema::SchemaModel& start,
                    const DialectHandle& dialect) {
  if (index >= static_cast<int>(ops.size())) return 0;
  schema::SchemaModel before = start;
  for (int i = 0; i < index; ++i)
    before.apply(ops[i]);
  return static_cast<int>(op_statements(ops[index], before, dialect).size());
}

std::optional<schema::SchemaModel> model_at(const std::vector<Op>& ops, StepPosition position,
                                            const schema::SchemaModel& start,
                                            const DialectHandle& dialect) {
  const int count = statement_count(ops, position.ops, start, dialect);
  auto ran = ops_run_until(ops, position, count);
  if (!ran) return std::nullopt;
  schema::SchemaModel model = start;
  model.apply(*ran);
  return model;
}

Settled settle_interrupted(const InterruptedOps& in, ConnectionHandle& connection,
                           const DialectHandle& dialect) {
  const int op_count = static_cast<int>(in.ops.size());
  const StepPosition recorded = in.recorded;
  // Every op completed: only the version-table change, which commits with the record's
  // removal, is left.
  if (recorded.ops >= op_count) return {recorded, false, {}};

  const int count = statement_count(in.ops, recorded.ops, in.start, dialect);
  const StepPosition next = one_statement_on(recorded, count);
  const std::string where = describe_position(in.ops, recorded, count);
  const Op& op = in.ops[recorded.ops];

  auto unsettled = [&](const std::string& why) { throw_unsettled(in, where, why); };

  const auto before = model_at(in.ops, recorded, in.start, dialect);
  const auto after = model_at(in.ops, next, in.start, dialect);
  if (!before || !after)
    unsettled("that op cannot be split into its statements to compare them with the database");

  const std::vector<std::string> tables = touched_tables(in.ops);
  const auto live = reflect_touched(tables, connection);
  // Differences the op does not touch (drift from before this step, an index MySQL made for a
  // foreign key dropped long ago) show in both comparisons alike and decide nothing.
  // A difference counts as such only if the state at the step's start shows it too: one that
  // only the states inside the step show (a column the step added, dropped again by hand)
  // is about this step, even when the interrupted op itself changes no schema.
  auto differ_before = differences(tables, *before, live, dialect);
  auto differ_after = differences(tables, *after, live, dialect);
  const auto differ_start = differences(tables, in.start, live, dialect);
  std::vector<std::string> background;
  for (const auto& difference : differ_before)
    if (std::find(differ_after.begin(), differ_after.end(), difference) != differ_after.end() &&
        std::find(differ_start.begin(), differ_start.end(), difference) != differ_start.end())
      background.push_back(difference);
  auto without_background = [&](std::vector<std::string>& list) {
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const std::string& d) {
                                return std::find(background.begin(), background.end(), d) !=
                                       background.end();
                              }),
               list.end());
  };
  without_background(differ_before);
  without_background(differ_after);

  // Rows and literal DML commit together with their record: what the record says is so.
  std::string sql;
  if (std::holds_alternative<Execute>(op)) {
    const auto statements = dialect.render(op, *before);
    if (!statements.empty()) sql = statements.front();
  }
  const bool self_committing = !sql.empty() && commits_itself(sql);
  if (is_data_op(op) && !self_committing) {
    if (differ_before.empty()) return {recorded, false, background};
    unsettled("the live schema is not what the revisions describe at that point: " +
              join(differ_before, "; "));
  }
  if (differ_before.empty() && !differ_after.empty()) return {recorded, false, background};
  if (differ_after.empty() && !differ_before.empty()) return {next, true, background};
  if (differ_before.empty() && differ_after.empty()) {
    // An op whose effect the schema does not show can run again unharmed, unless it is
    // literal DDL that the model cannot see at all.
    if (self_committing) unsettled("whether its SQL ran cannot be read from the schema: " + sql);
    return {recorded, false, background};
  }
  throw_unsettled(in, where,
                  "the live schema matches neither the state before that statement nor the "
                  "state after it (was it changed by hand?). Compared with the state before it: " +
                      join(differ_before, "; ") +
                      ". Compared with the state after it: " + join(differ_after, "; "));
}

}  // namespace sdm::runtime
