#include "runtime/live_table_check.hpp"

#include "common/errors.hpp"
#include "graph/python_text.hpp"
#include "schema/schema_diff.hpp"

namespace sdm::runtime {
namespace {

bool has_index(const Table& table, const std::string& name) {
  for (const auto& index : table.indexes)
    if (index.name == name) return true;
  return false;
}

}  // namespace

/// What the dialect sees: the model's tables plus the indexes found by hand, recording every
/// table it asks about.
class LiveTableCheck::Lookup : public SchemaLookup {
 public:
  Lookup(const schema::SchemaModel& model, const std::map<std::string, std::vector<Index>>& extra,
         const std::map<std::string, std::vector<Column>>& live_columns,
         const std::map<std::string, std::vector<Constraint>>& extra_constraints)
      : model_(model),
        extra_(extra),
        live_columns_(live_columns),
        extra_constraints_(extra_constraints) {}

  const Table* table(const std::string& name) const noexcept override {
    asked_.insert(name);
    const Table* modelled = model_.table(name);
    auto extra = extra_.find(name);
    auto live = live_columns_.find(name);
    auto constraints = extra_constraints_.find(name);
    if (!modelled || (extra == extra_.end() && live == live_columns_.end() &&
                      constraints == extra_constraints_.end()))
      return modelled;
    try {
      Table& merged = merged_[name] = *modelled;
      if (extra != extra_.end())
        for (const auto& index : extra->second)
          if (!has_index(merged, index.name)) merged.indexes.push_back(index);
      if (constraints != extra_constraints_.end())
        for (const auto& constraint : constraints->second)
          merged.constraints.push_back(constraint);
      if (live != live_columns_.end())
        for (const auto& column : live->second)
          if (Column* restated = merged.column(column.name)) {
            restated->type = column.type;
            restated->nullable = column.nullable;
            restated->server_default = column.server_default;
          }
      return &merged;
    } catch (...) {
      return modelled;  // out of memory: the model's own definition
    }
  }
  const std::set<std::string>& asked() const { return asked_; }

 private:
  const schema::SchemaModel& model_;
  const std::map<std::string, std::vector<Index>>& extra_;
  const std::map<std::string, std::vector<Column>>& live_columns_;
  const std::map<std::string, std::vector<Constraint>>& extra_constraints_;
  mutable std::set<std::string> asked_;
  mutable std::map<std::string, Table> merged_;
};

std::vector<std::string> LiveTableCheck::render(const DialectHandle& dialect, const Op& op,
                                                const schema::SchemaModel& model) {
  Lookup first(model, extra_indexes_, live_columns_, extra_constraints_);
  std::vector<std::string> statements = dialect.render(op, first);
  bool checked = false;
  for (const auto& name : first.asked()) {
    if (!unchecked_.count(name)) continue;
    if (const Table* modelled = model.table(name)) check(name, *modelled, dialect);
    unchecked_.erase(name);
    checked = true;
  }
  if (!checked || (extra_indexes_.empty() && live_columns_.empty() && extra_constraints_.empty()))
    return statements;
  Lookup second(model, extra_indexes_, live_columns_, extra_constraints_);
  return dialect.render(op, second);
}

void LiveTableCheck::check(const std::string& name, const Table& modelled,
                           const DialectHandle& dialect) {
  auto live = connection_.reflect_table(name);
  if (!live)
    throw DatabaseError("table " + name +
                        " is described by the revisions applied so far but is not in the "
                        "database; restore it (or stamp the revision that matches the database) "
                        "before migrating it");
  std::vector<std::string> live_columns, model_columns;
  for (const auto& c : live->columns)
    live_columns.push_back(c.name);
  for (const auto& c : modelled.columns)
    model_columns.push_back(c.name);
  if (live_columns != model_columns) {
    throw DatabaseError("table " + name + " has columns (" + graph::join_comma(live_columns) +
                        ") but the revisions applied so far describe (" +
                        graph::join_comma(model_columns) +
                        "); bring the table in line with its revision (or stamp the revision it "
                        "matches) before migrating it");
  }
  // A column whose type, nullability or default differs is restated as the database has it,
  // and said: a MySQL CHANGE or a SQLite rebuild must not narrow it or drop its default.
  const schema::ComparisonDialect comparison{
      dialect.name(), [&dialect](const Type& type) { return dialect.render_type(type); }};
  // Columns only: keys, indexes and options are not restated from here.
  auto columns_of = [&name](const Table& table) {
    Table columns;
    columns.name = name;
    columns.columns = table.columns;
    return Schema{{name, columns}};
  };
  for (const auto& change :
       schema::diff_schemas(columns_of(modelled), columns_of(*live), comparison)) {
    if (!change.live_column) continue;
    auto& kept = live_columns_[name];
    if (kept.empty() || kept.back().name != change.live_column->name)
      kept.push_back(*change.live_column);
    notes_.push_back(schema::drift_wording(change, comparison) +
                     "; statements that restate the column keep the database's definition");
  }
  // Keep unique constraints and foreign keys someone added by hand, matched by their columns
  // (names are the database's choice where the revisions gave none): a table rebuild
  // recreates only what the dialect sees.
  for (const auto& constraint : live->constraints) {
    if (constraint.kind != ConstraintKind::Unique && constraint.kind != ConstraintKind::ForeignKey)
      continue;
    bool known = false;
    for (const auto& declared : modelled.constraints)
      known =
          known || (declared.kind == constraint.kind && declared.columns == constraint.columns &&
                    declared.referred_table == constraint.referred_table);
    if (known) continue;
    extra_constraints_[name].push_back(constraint);
    notes_.push_back(std::string(constraint.kind == ConstraintKind::Unique ? "unique constraint"
                                                                           : "foreign key") +
                     " on " + name + " (" + graph::join_comma(constraint.columns) +
                     ") is in the database but not in the revisions; statements that restate "
                     "the table keep it");
  }
  // Keep indexes someone added by hand: a table rebuild recreates what the dialect sees.
  for (const auto& index : live->indexes)
    if (!has_index(modelled, index.name)) extra_indexes_[name].push_back(index);
}

}  // namespace sdm::runtime
