#include "schema/schema_model.hpp"

#include <type_traits>
#include <utility>
#include <variant>

#include "schema/schema_errors.hpp"
#include "schema/sql_effects.hpp"
#include "sdm/table_edit.hpp"

namespace sdm::schema {

std::vector<std::string> tables_touched(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::vector<std::string> {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return {o.table.name};
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return {o.table};
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return {o.table, o.new_name};
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          return {o.index.table};
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          return o.table.empty() ? std::vector<std::string>{} : std::vector<std::string>{o.table};
        } else if constexpr (std::is_same_v<T, Execute> || std::is_same_v<T, RunCode>) {
          return {};
        } else {
          return {o.table};
        }
      },
      op);
}

struct SchemaModel::Applier {
  SchemaModel& model;
  const Op& op;

  [[noreturn]] void conflict(const std::string& problem) const {
    throw SchemaConflictError(describe(op) + ": " + problem);
  }
  void check(const std::string& problem) const {
    if (!problem.empty()) conflict(problem);
  }
  const Index* index_named(const std::string& name, std::string* table) const {
    return model.find_index(name, table);
  }
  // Index names are per schema, not per table, on SQLite and PostgreSQL.
  void check_index_name_free(const std::string& name) const {
    std::string owner;
    if (index_named(name, &owner))
      conflict("an index named " + name + " already exists, on table " + owner);
  }

  void operator()(const CreateTable& o) {
    check(table_edit::check_definition(o.table));
    if (model.load(o.table.name)) conflict("table " + o.table.name + " already exists");
    Table table = o.table;
    for (auto& index : table.indexes) {
      check_index_name_free(index.name);
      index.table = table.name;
    }
    model.note_indexes(model.tables_.emplace(table.name, std::move(table)).first->second);
    model.settle(o.table.name);
  }

  void operator()(const DropTable& o) {
    if (model.load(o.table)) model.tables_.erase(o.table);
    model.settle(o.table);
  }

  void operator()(const AddColumn& o) {
    if (Table* table = model.load(o.table)) check(table_edit::add_column(*table, o.column));
  }

  void operator()(const DropColumn& o) {
    if (Table* table = model.load(o.table)) check(table_edit::drop_column(*table, o.column));
  }

  void operator()(const AlterColumn& o) {
    Table* table = model.load(o.table);
    if (!table) return;
    check(table_edit::alter_column(*table, o));
    if (o.new_name && *o.new_name != o.column)
      for (auto& [name, other] : model.tables_)
        table_edit::follow_column_rename(other, o.table, o.column, *o.new_name);
  }

  void operator()(const RenameTable& o) {
    if (o.new_name == o.table) conflict("table " + o.table + " already has that name");
    if (model.load(o.new_name)) conflict("table " + o.new_name + " already exists");
    Table* table = model.load(o.table);
    model.settle(o.table);
    model.settle(o.new_name);
    if (!table) return;
    Table renamed = std::move(*table);
    model.tables_.erase(o.table);
    renamed.name = o.new_name;
    model.note_indexes(model.tables_.emplace(o.new_name, std::move(renamed)).first->second);
    for (auto& [name, other] : model.tables_)
      table_edit::follow_table_rename(other, o.table, o.new_name);
  }

  void operator()(const CreateIndex& o) {
    if (o.index.table.empty()) conflict("the index names no table");
    check_index_name_free(o.index.name);
    if (Table* table = model.load(o.index.table)) {
      check(table_edit::add_index(*table, o.index));
      model.index_owners_[o.index.name] = o.index.table;
    }
  }

  void operator()(const DropIndex& o) {
    std::string owner = o.table;
    if (owner.empty() && !index_named(o.name, &owner)) return;
    if (Table* table = model.load(owner)) check(table_edit::drop_index(*table, o.name));
  }

  void operator()(const AddConstraint& o) {
    if (Table* table = model.load(o.table)) check(table_edit::add_constraint(*table, o.constraint));
  }

  void operator()(const DropConstraint& o) {
    if (Table* table = model.load(o.table)) check(table_edit::drop_constraint(*table, o.name));
  }

  void operator()(const Execute& o) {
    if (o.declared) {
      // The SQL's own account of what it changes, applied as the ops would be.
      for (const auto& declared : o.declared->ops) {
        model.prepare(declared);
        std::visit(Applier{model, declared}, declared);
      }
      return;
    }
    for (const auto& [dialect, sql] : o.sql)
      for (const auto& name : ddl_tables(sql, [&](const std::string& index) {
             std::string owner;
             index_named(index, &owner);
             return owner;
           }))
        model.forget(name);
  }
  void operator()(const RunCode&) {}

  void operator()(const BulkInsert& o) {
    if (const Table* table = model.load(o.table))
      for (const auto& column : o.columns)
        if (!table->column(column)) conflict("table " + o.table + " has no column " + column);
  }
};

SchemaModel::SchemaModel(TableLoader loader) : loader_(std::move(loader)) {}

SchemaModel::SchemaModel(Schema tables, TableLoader loader)
    : tables_(std::move(tables)), loader_(std::move(loader)) {
  for (const auto& [name, table] : tables_) {
    settle(name);
    note_indexes(table);
  }
}

void SchemaModel::note_indexes(const Table& table) const {
  for (const auto& index : table.indexes)
    index_owners_[index.name] = table.name;
}

const Index* SchemaModel::find_index(const std::string& name, std::string* owner) const {
  auto noted = index_owners_.find(name);
  if (noted == index_owners_.end()) return nullptr;
  // An entry outlives a dropped table, column or index: trust it only if the index is there.
  if (auto table = tables_.find(noted->second); table != tables_.end())
    for (const auto& index : table->second.indexes)
      if (index.name == name) {
        if (owner) *owner = table->first;
        return &index;
      }
  index_owners_.erase(noted);
  return nullptr;
}

void SchemaModel::forget(const std::string& name) {
  tables_.erase(name);
  settle(name);  // what the revisions described of it is out of date
  unknown_.insert(name);
}

Table* SchemaModel::load(const std::string& name) const {
  if (auto found = tables_.find(name); found != tables_.end()) return &found->second;
  if (unknown_.count(name)) {
    if (!live_loader_) return nullptr;
    unknown_.erase(name);
    return keep(name, live_loader_(name));
  }
  // Settled first: a loader that fails is not asked again, its error is reported once.
  if (!loader_ || !settled_.insert(name).second) return nullptr;
  std::optional<Table> loaded = loader_(name);
  if (!loaded && unknown_probe_ && unknown_probe_(name)) {
    unknown_.insert(name);
    return load(name);
  }
  return keep(name, std::move(loaded));
}

Table* SchemaModel::keep(const std::string& name, std::optional<Table> found) const {
  if (!found) return nullptr;
  found->name = name;
  for (auto& index : found->indexes)
    index.table = name;
  Table* table = &tables_.emplace(name, std::move(*found)).first->second;
  note_indexes(*table);
  return table;
}

const Table* SchemaModel::table(const std::string& name) const noexcept {
  try {
    return load(name);
  } catch (...) {
    if (!loader_failure_) loader_failure_ = std::current_exception();
    return nullptr;
  }
}

void SchemaModel::rethrow_loader_failure() const {
  if (!loader_failure_) return;
  std::exception_ptr failure = std::exchange(loader_failure_, nullptr);
  std::rethrow_exception(failure);
}

void SchemaModel::prepare(const Op& op) {
  rethrow_loader_failure();
  for (const auto& name : tables_touched(op)) {
    load(name);
    rethrow_loader_failure();
    // Offline nothing can tell what the table is now; only dropping it needs no definition.
    if (unknown_.count(name) && !std::holds_alternative<DropTable>(op))
      throw SchemaConflictError(
          describe(op) + ": table " + name +
          " was changed by SQL an earlier execute ran without declaring the change, so its "
          "definition is unknown here; declare it with op.execute(sql).changes(sdm::ops()...), "
          "or run online, where the live table is read");
  }
}

void SchemaModel::apply(const Op& op) {
  rethrow_loader_failure();
  std::visit(Applier{*this, op}, op);
}

void SchemaModel::apply(const std::vector<Op>& ops) {
  for (const auto& op : ops)
    apply(op);
}

Reversal SchemaModel::reverse(const Op& op) const {
  rethrow_loader_failure();
  try {
    return reverse_op(op, *this);
  } catch (const IrreversibleOpError&) {
    // "Definition unknown" may only mean the loader failed; that is the error to report.
    rethrow_loader_failure();
    throw;
  }
}

Reversal SchemaModel::reverse(const std::vector<Op>& ops) const {
  SchemaModel replay = *this;
  std::vector<Reversal> steps;
  for (const auto& op : ops) {
    steps.push_back(replay.reverse(op));
    replay.apply(op);
  }
  Reversal whole;
  for (auto step = steps.rbegin(); step != steps.rend(); ++step) {
    for (auto& undo : step->ops)
      whole.ops.push_back(std::move(undo));
    for (auto& risk : step->data_risks)
      whole.data_risks.push_back(std::move(risk));
    for (auto& note : step->notes)
      whole.notes.push_back(std::move(note));
  }
  return whole;
}

}  // namespace sdm::schema
