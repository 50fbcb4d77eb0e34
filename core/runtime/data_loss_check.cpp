#include "runtime/data_loss_check.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <type_traits>
#include <variant>

#include "common/errors.hpp"
#include "runtime/tables_without_storage.hpp"
#include "schema/sql_effects.hpp"
#include "schema/type_change.hpp"

namespace sdm::runtime {
namespace {

/// One question to the database, and how to word a non-zero answer.
struct Probe {
  using Describe = std::function<std::string(long long)>;
  std::string step;
  std::string op;
  std::string table;  ///< whose rows or values it counts
  std::string sql;
  Describe describe;
};

/// The count a check query returns; a table or column that is not there holds no data.
long long count(Exec& exec, const std::string& sql) {
  try {
    auto rows = exec.connection().query(sql);
    if (rows.empty() || rows[0].empty() || !rows[0][0]) return 0;
    return std::stoll(*rows[0][0]);
  } catch (const DatabaseError&) {
    return 0;
  }
}

/// Every probe's count, asked as one SELECT of scalar subqueries per kBatch probes (one round
/// trip, not one each). A batch the database refuses (a table that is not there) is asked
/// again one probe at a time. Tables the database says have no storage count nothing, unasked.
std::vector<long long> count_all(Exec& exec, const std::vector<Probe>& all) {
  std::vector<std::string> tables;
  for (const auto& probe : all)
    tables.push_back(probe.table);
  std::sort(tables.begin(), tables.end());
  tables.erase(std::unique(tables.begin(), tables.end()), tables.end());
  const std::set<std::string> without_storage = tables_without_storage(exec, tables);
  std::vector<std::size_t> asked;  // indices in `all` of the probes to ask
  for (std::size_t p = 0; p < all.size(); ++p)
    if (without_storage.count(all[p].table) == 0) asked.push_back(p);

  constexpr std::size_t kBatch = 250;
  std::vector<long long> counts(all.size(), 0);
  for (std::size_t first = 0; first < asked.size(); first += kBatch) {
    const std::size_t last = std::min(first + kBatch, asked.size());
    std::string sql = "SELECT ";
    for (std::size_t a = first; a < last; ++a)
      sql += (a == first ? "(" : ", (") + all[asked[a]].sql + ")";
    std::optional<Row> row;
    try {
      auto rows = exec.connection().query(sql);
      if (rows.size() == 1 && rows[0].size() == last - first) row = rows[0];
    } catch (const DatabaseError&) {
    }
    for (std::size_t a = first; a < last; ++a) {
      if (!row) {
        counts[asked[a]] = count(exec, all[asked[a]].sql);
      } else {
        const auto& value = (*row)[a - first];
        counts[asked[a]] = value ? std::stoll(*value) : 0;
      }
    }
  }
  return counts;
}

/// The table an op works on ("" for ops on no single table).
std::string op_table(const Op& op) {
  if (const auto* o = std::get_if<DropColumn>(&op)) return o->table;
  if (const auto* o = std::get_if<AlterColumn>(&op)) return o->table;
  return {};
}

/// How many characters a string type holds, or 0 for unbounded text.
int max_length(const Type& type) {
  if (type.kind == TypeKind::String) return type.length;
  return 0;
}

std::string plural(long long n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// Asks about the values of a column the op drops, or narrows or converts.
template <typename Ask>
void ask_about_column(const Op& op, const schema::SchemaModel& model, Ask& ask) {
  if (const auto* drop = std::get_if<DropColumn>(&op)) {
    ask(DataCheck::ValuesInColumn, drop->table, drop->column, 0,
        [](long long n) { return plural(n, "value", "values") + " would be deleted"; });
  } else if (const auto* alter = std::get_if<AlterColumn>(&op); alter && alter->type) {
    const Table* table = model.table(alter->table);
    const Column* column = table ? table->column(alter->column) : nullptr;
    if (!column || !schema::conversion_risk(column->type, *alter->type)) return;
    int limit = max_length(*alter->type);
    if (limit > 0) {
      ask(DataCheck::ValuesLongerThan, alter->table, alter->column, limit, [limit](long long n) {
        return plural(n, "value is", "values are") + " longer than " + std::to_string(limit) +
               " characters";
      });
    } else {
      std::string converted = "would be converted to " + schema::describe_type(*alter->type) +
                              ": " + *schema::conversion_risk(column->type, *alter->type);
      ask(DataCheck::ValuesInColumn, alter->table, alter->column, 0,
          [converted](long long n) { return plural(n, "value", "values") + " " + converted; });
    }
  }
}

/// What the run's data steps so far have done to the rows of each table.
class RowsSoFar {
 public:
  enum class State { Untouched, Emptied, Unknown };

  State of(const std::string& table) const {
    if (emptied_.count(table)) return State::Emptied;
    if (anything_ || changed_.count(table)) return State::Unknown;
    return State::Untouched;
  }
  /// Notes what `op` (any op but an Execute) does to rows.
  void note(const Op& op) {
    if (std::holds_alternative<RunCode>(op)) {
      anything_ = true;
    } else if (const auto* insert = std::get_if<BulkInsert>(&op)) {
      changed(insert->table);
    } else if (const auto* create = std::get_if<CreateTable>(&op)) {
      emptied_.erase(create->table.name);
      changed_.erase(create->table.name);
    }
  }
  /// Notes what an Execute's statements, as the dialect renders them, do to rows.
  void note_sql(const std::vector<std::string>& statements) {
    for (const auto& sql : statements) {
      const schema::RowEffects effects = schema::row_effects(sql);
      for (const auto& table : effects.changed)
        changed(table);
      for (const auto& table : effects.emptied) {
        emptied_.insert(table);
        changed_.erase(table);
      }
      anything_ = anything_ || effects.unknown;
    }
  }
  /// Notes a step whose effect on rows cannot be known.
  void note_anything() { anything_ = true; }

 private:
  void changed(const std::string& table) {
    emptied_.erase(table);
    changed_.insert(table);
  }
  std::set<std::string> emptied_, changed_;
  bool anything_ = false;  // a code step, or SQL this reading cannot place
};

}  // namespace

DataLossFindings find_data_loss(const graph::MigrationPlan& plan,
                                const std::vector<std::vector<Op>>& step_ops,
                                schema::SchemaModel model, Exec& exec) {
  const DialectHandle& dialect = exec.dialect();
  // Which ops work on a table a later op of the plan drops: a column's values go with the
  // table's rows, and those are asked about once, at the DROP TABLE.
  std::vector<std::vector<bool>> table_dropped_later(plan.steps.size());
  std::set<std::string> dropped;
  for (std::size_t s = plan.steps.size(); s-- > 0;) {
    const auto& ops = step_ops[s];
    table_dropped_later[s].assign(ops.size(), false);
    for (std::size_t i = ops.size(); i-- > 0;) {
      std::visit(
          [&](const auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, DropTable>) {
              dropped.insert(o.table);
            } else if constexpr (std::is_same_v<T, CreateTable>) {
              dropped.erase(o.table.name);
            } else if constexpr (std::is_same_v<T, RenameTable>) {
              bool later = dropped.erase(o.new_name) > 0;
              if (later)
                dropped.insert(o.table);
              else
                dropped.erase(o.table);
            } else if constexpr (std::is_same_v<T, DropColumn> || std::is_same_v<T, AlterColumn>) {
              table_dropped_later[s][i] = dropped.count(o.table) > 0;
            }
          },
          ops[i]);
    }
  }

  // The questions, in plan order; tables this run creates hold only what the run puts there,
  // and rows the run's own data steps delete first are not lost by a later drop.
  std::vector<Probe> probes;
  DataLossFindings findings;
  std::set<std::string> created;
  RowsSoFar rows;
  for (std::size_t s = 0; s < plan.steps.size(); ++s) {
    const auto& step = plan.steps[s];
    for (std::size_t i = 0; i < step_ops[s].size(); ++i) {
      const Op& op = step_ops[s][i];
      model.prepare(op);
      auto ask = [&](DataCheck check, const std::string& table, const std::string& column,
                     long long limit, Probe::Describe describe) {
        const RowsSoFar::State state = rows.of(table);
        if (state == RowsSoFar::State::Emptied) return;
        std::string sql = dialect.data_check(check, table, column, limit);
        if (state == RowsSoFar::State::Unknown) {
          findings.deferred.push_back({s,
                                       i,
                                       {step.log_text(), sdm::describe(op), {}},
                                       std::move(sql),
                                       std::move(describe)});
          return;
        }
        probes.push_back(
            {step.log_text(), sdm::describe(op), table, std::move(sql), std::move(describe)});
      };
      if (std::holds_alternative<Execute>(op)) {
        try {
          rows.note_sql(dialect.render(op, model));
        } catch (const std::exception&) {
          rows.note_anything();  // the run will fail on it; until then, assume anything
        }
      } else {
        rows.note(op);
      }
      if (const auto* create = std::get_if<CreateTable>(&op)) {
        created.insert(create->table.name);
      } else if (const auto* rename = std::get_if<RenameTable>(&op)) {
        if (created.erase(rename->table) > 0) created.insert(rename->new_name);
      } else if (const auto* drop = std::get_if<DropTable>(&op)) {
        if (created.erase(drop->table) == 0 && step.is_downgrade())
          ask(DataCheck::RowsInTable, drop->table, {}, 0,
              [](long long n) { return plural(n, "row", "rows") + " would be deleted"; });
      } else if (step.is_downgrade() && !table_dropped_later[s][i] &&
                 !created.count(op_table(op))) {
        ask_about_column(op, model, ask);
      }
      model.apply(op);
    }
  }

  std::vector<long long> counts = count_all(exec, probes);
  for (std::size_t p = 0; p < probes.size(); ++p)
    if (counts[p] > 0)
      findings.losses.push_back({probes[p].step, probes[p].op, probes[p].describe(counts[p])});
  return findings;
}

std::optional<DataLoss> run_deferred_check(const DeferredDataCheck& check, Exec& exec) {
  const long long n = count(exec, check.sql);
  if (n <= 0) return std::nullopt;
  DataLoss loss = check.where;
  loss.what = check.describe(n);
  return loss;
}

std::string describe_deferred_data_loss(const DataLoss& loss) {
  return "this downgrade would destroy data: " + loss.step + ": " + loss.op + ": " + loss.what +
         " (counted right before the op, after the run's code steps and SQL). Back the data up, "
         "then run it again with --allow-data-loss, or stamp the revision you want if the schema "
         "should stay";
}

std::string describe_data_loss(const std::vector<DataLoss>& losses) {
  std::string text = "this downgrade would destroy data: ";
  for (std::size_t i = 0; i < losses.size(); ++i) {
    if (i > 0) text += "; ";
    text += losses[i].step + ": " + losses[i].op + ": " + losses[i].what;
  }
  return text +
         ". Nothing was changed. Back the data up, then run it again with "
         "--allow-data-loss, or stamp the revision you want if the schema should stay";
}

}  // namespace sdm::runtime
