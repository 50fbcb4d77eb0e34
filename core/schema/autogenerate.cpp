#include "schema/autogenerate.hpp"

#include <functional>
#include <map>
#include <set>

namespace sdm::schema {
namespace {

/// An op and the op that undoes it.
struct Step {
  Op forward;
  Op backward;
};

/// The upgrade's phases, in the order they run.
enum Phase {
  DropForeignKeys,
  DropIndexes,
  CreateTables,
  AddColumns,
  AlterColumns,
  CreateIndexes,
  CreateForeignKeys,
  DropColumns,
  DropTables,
  PhaseCount
};

std::string joined(const std::vector<std::string>& names, const std::string& separator) {
  std::string out;
  for (const auto& name : names)
    out += (out.empty() ? "" : separator) + name;
  return out;
}

std::string unique_name(const std::string& table, const Constraint& unique) {
  return unique.name.empty() ? "uq_" + table + "_" + joined(unique.columns, "_") : unique.name;
}

std::string foreign_key_name(const std::string& table, const Constraint& fk) {
  return fk.name.empty() ? "fk_" + table + "_" + fk.columns.front() + "_" + fk.referred_table
                         : fk.name;
}

/// Tables in an order where each comes after the tables (of the same set) it refers to.
std::vector<const Table*> referred_first(const std::vector<const Table*>& tables) {
  std::map<std::string, const Table*> by_name;
  for (const Table* table : tables)
    by_name[table->name] = table;
  std::vector<const Table*> order;
  std::set<std::string> placed, visiting;
  std::function<void(const Table*)> visit = [&](const Table* table) {
    if (placed.count(table->name) || visiting.count(table->name)) return;  // a cycle stays as is
    visiting.insert(table->name);
    for (const auto& c : table->constraints)
      if (c.kind == ConstraintKind::ForeignKey && by_name.count(c.referred_table))
        visit(by_name[c.referred_table]);
    visiting.erase(table->name);
    placed.insert(table->name);
    order.push_back(table);
  };
  for (const Table* table : tables)
    visit(table);
  return order;
}

}  // namespace

AutogeneratePlan plan_autogenerate(const std::vector<SchemaChange>& changes) {
  AutogeneratePlan plan;
  std::vector<Step> phases[PhaseCount];
  std::vector<const Table*> added_tables, removed_tables;
  // One alter_column per column, however many of its properties changed.
  std::map<std::pair<std::string, std::string>, std::pair<AlterColumn, AlterColumn>> alters;
  std::vector<std::pair<std::string, std::string>> alter_order;
  std::map<std::string, std::vector<std::string>> added_columns, removed_columns;

  for (const auto& c : changes) {
    switch (c.kind) {
      case ChangeKind::AddedTable:
        added_tables.push_back(&*c.whole_table);
        break;
      case ChangeKind::RemovedTable:
        removed_tables.push_back(&*c.whole_table);
        break;
      case ChangeKind::AddedColumn:
        phases[AddColumns].push_back(
            {AddColumn{c.table, *c.target_column}, DropColumn{c.table, c.target_column->name}});
        added_columns[c.table].push_back(c.target_column->name);
        break;
      case ChangeKind::RemovedColumn:
        phases[DropColumns].push_back(
            {DropColumn{c.table, c.live_column->name}, AddColumn{c.table, *c.live_column}});
        removed_columns[c.table].push_back(c.live_column->name);
        break;
      case ChangeKind::TypeChanged:
      case ChangeKind::NullableChanged:
      case ChangeKind::DefaultChanged: {
        const auto key = std::make_pair(c.table, c.target_column->name);
        if (!alters.count(key)) {
          alter_order.push_back(key);
          alters[key].first = AlterColumn{c.table, key.second, {}, {}, {}, {}};
          alters[key].second = AlterColumn{c.table, key.second, {}, {}, {}, {}};
        }
        auto& [forward, backward] = alters[key];
        if (c.kind == ChangeKind::TypeChanged) {
          forward.type = c.target_column->type;
          backward.type = c.live_column->type;
        } else if (c.kind == ChangeKind::NullableChanged) {
          forward.nullable = c.target_column->nullable;
          backward.nullable = c.live_column->nullable;
        } else {
          forward.server_default = c.target_column->server_default;
          backward.server_default = c.live_column->server_default;
        }
        break;
      }
      case ChangeKind::AddedUnique: {
        Constraint unique = *c.target_constraint;
        unique.name = unique_name(c.table, unique);
        phases[CreateIndexes].push_back(
            {AddConstraint{c.table, unique},
             DropConstraint{c.table, unique.name, ConstraintKind::Unique}});
        break;
      }
      case ChangeKind::RemovedUnique:
        if (c.live_constraint->name.empty()) {
          plan.notes.push_back("unique constraint on " + c.table + " (" +
                               joined(c.live_constraint->columns, ", ") +
                               ") has no name to drop it by: drop it by hand");
        } else {
          phases[DropIndexes].push_back(
              {DropConstraint{c.table, c.live_constraint->name, ConstraintKind::Unique},
               AddConstraint{c.table, *c.live_constraint}});
        }
        break;
      case ChangeKind::AddedIndex:
        phases[CreateIndexes].push_back({CreateIndex{*c.index}, DropIndex{c.index->name, c.table}});
        break;
      case ChangeKind::RemovedIndex:
        phases[DropIndexes].push_back({DropIndex{c.index->name, c.table}, CreateIndex{*c.index}});
        break;
      case ChangeKind::AddedForeignKey:
      case ChangeKind::ForeignKeyActionsChanged: {
        Constraint fk = *c.target_constraint;
        if (c.kind == ChangeKind::ForeignKeyActionsChanged) {
          if (c.live_constraint->name.empty()) {
            plan.notes.push_back("foreign key " + c.table + " (" + joined(fk.columns, ", ") +
                                 ") has other actions in the database but no name to drop it "
                                 "by: change it by hand");
            break;
          }
          phases[DropForeignKeys].push_back(
              {DropConstraint{c.table, c.live_constraint->name, ConstraintKind::ForeignKey},
               AddConstraint{c.table, *c.live_constraint}});
          if (fk.name.empty()) fk.name = c.live_constraint->name;
        }
        fk.name = foreign_key_name(c.table, fk);
        phases[CreateForeignKeys].push_back(
            {AddConstraint{c.table, fk},
             DropConstraint{c.table, fk.name, ConstraintKind::ForeignKey}});
        break;
      }
      case ChangeKind::RemovedForeignKey:
        if (c.live_constraint->name.empty()) {
          plan.notes.push_back("foreign key " + c.table + " (" +
                               joined(c.live_constraint->columns, ", ") +
                               ") has no name to drop it by: drop it by hand");
        } else {
          phases[DropForeignKeys].push_back(
              {DropConstraint{c.table, c.live_constraint->name, ConstraintKind::ForeignKey},
               AddConstraint{c.table, *c.live_constraint}});
        }
        break;
      case ChangeKind::PrimaryKeyChanged:
        plan.notes.push_back(
            "the primary key of " + c.table + " differs (database: " +
            (c.live_constraint ? joined(c.live_constraint->columns, ", ") : "") +
            "; model: " + (c.target_constraint ? joined(c.target_constraint->columns, ", ") : "") +
            "): not changed automatically");
        break;
      case ChangeKind::AutoincrementChanged:
        plan.notes.push_back("the column " + c.table + " numbers on insert differs (database: " +
                             (c.live_value.empty() ? "none" : c.live_value) +
                             "; model: " + (c.target_value.empty() ? "none" : c.target_value) +
                             "): not changed automatically");
        break;
      case ChangeKind::OptionChanged:
        plan.notes.push_back("table option " + c.option + " of " + c.table + " is " + c.live_value +
                             " in the database, " + c.target_value +
                             " in the model: not changed automatically");
        break;
    }
  }

  for (const Table* table : referred_first(added_tables))
    phases[CreateTables].push_back({CreateTable{*table}, DropTable{table->name}});
  const auto drop_order = referred_first(removed_tables);
  for (auto it = drop_order.rbegin(); it != drop_order.rend(); ++it)
    phases[DropTables].push_back({DropTable{(*it)->name}, CreateTable{**it}});
  for (const auto& key : alter_order)
    phases[AlterColumns].push_back({alters[key].first, alters[key].second});

  for (const auto& [table, added] : added_columns) {
    auto removed = removed_columns.find(table);
    if (removed == removed_columns.end()) continue;
    plan.notes.push_back("table " + table + " loses " + joined(removed->second, ", ") +
                         " and gains " + joined(added, ", ") +
                         ": if a rename is meant, replace the drop and add with "
                         "op.alter_column(..., sdm::AlterColumnOptions().rename_to(...))");
  }

  std::vector<Op> undo;
  for (const auto& phase : phases)
    for (const auto& step : phase) {
      plan.upgrade.push_back(step.forward);
      undo.push_back(step.backward);
    }
  plan.downgrade.assign(undo.rbegin(), undo.rend());
  return plan;
}

}  // namespace sdm::schema
