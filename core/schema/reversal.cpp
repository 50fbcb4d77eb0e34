#include "schema/reversal.hpp"

#include <type_traits>
#include <variant>

#include "schema/schema_errors.hpp"
#include "schema/type_change.hpp"
#include "sdm/table_edit.hpp"

namespace sdm::schema {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string list;
  for (const auto& name : names)
    list += (list.empty() ? "" : ", ") + name;
  return list;
}

std::string describe_constraint(const Constraint& constraint) {
  const std::string name = constraint.name.empty() ? "" : " " + constraint.name;
  switch (constraint.kind) {
    case ConstraintKind::PrimaryKey:
      return "primary key" + name + " (" + join(constraint.columns) + ")";
    case ConstraintKind::Unique:
      return "unique constraint" + name + " (" + join(constraint.columns) + ")";
    case ConstraintKind::ForeignKey:
      return "foreign key" + name + " (" + join(constraint.columns) + ") to " +
             constraint.referred_table;
    case ConstraintKind::Check:
      return "check constraint" + name + " (" + constraint.condition + ")";
  }
  return "constraint" + name;
}

// What re-creating a constraint can run into, now that rows were written without it.
std::string restore_risk(const std::string& table, const Constraint& constraint) {
  const std::string what = "adding back the " + describe_constraint(constraint) + " of " + table;
  switch (constraint.kind) {
    case ConstraintKind::PrimaryKey:
      return what + " fails if those columns hold duplicate or NULL values by then";
    case ConstraintKind::Unique:
      return what + " fails if those columns hold duplicate values by then";
    case ConstraintKind::ForeignKey:
      return what + " fails where rows refer to rows of " + constraint.referred_table +
             " that do not exist";
    case ConstraintKind::Check:
      return what + " fails where rows violate it";
  }
  return what + " may fail";
}

class Reverser {
 public:
  Reverser(const Op& op, const SchemaLookup& before) : op_(op), before_(before) {}

  Reversal operator()(const CreateTable& o) {
    result_.ops.push_back(DropTable{o.table.name});
    risk("drop_table " + o.table.name + ": the rows stored in " + o.table.name + " are lost");
    return result_;
  }

  Reversal operator()(const DropTable& o) {
    const Table& table = known_table(o.table);
    result_.ops.push_back(CreateTable{table});
    risk("create_table " + o.table +
         ": the table comes back empty; the rows the upgrade dropped "
         "are not restored");
    return result_;
  }

  Reversal operator()(const AddColumn& o) {
    result_.ops.push_back(DropColumn{o.table, o.column.name});
    risk("drop_column " + o.table + "." + o.column.name +
         ": the values stored in the column are "
         "lost");
    return result_;
  }

  Reversal operator()(const DropColumn& o) {
    const Table& table = known_table(o.table);
    const Column& column = known_column(table, o.column);
    result_.ops.push_back(AddColumn{o.table, column});
    const std::string where = o.table + "." + o.column;
    risk("add_column " + where +
         ": the values the upgrade dropped are not restored; the column "
         "comes back " +
         (column.server_default ? "holding its default" : "empty"));
    if (!column.nullable && !column.server_default)
      risk("add_column " + where +
           ": a NOT NULL column without a server default cannot be "
           "added to a table that has rows");
    if (&column != &table.columns.back())
      note("add_column " + where + ": the column comes back as the last column of the table");
    // The upgrade dropped these with the column; bring them back after it.
    for (std::size_t i = 0; i < table.constraints.size(); ++i) {
      const Constraint& constraint = table.constraints[i];
      if (!table_edit::constraint_uses(table, constraint, o.column)) continue;
      result_.ops.push_back(AddConstraint{o.table, constraint});
      risk(restore_risk(o.table, constraint));
      if (i + 1 != table.constraints.size())
        note("the " + describe_constraint(constraint) + " of " + o.table +
             " comes back after the table's other constraints");
    }
    for (const auto& index : table.indexes)
      if (table_edit::index_uses(index, o.column)) result_.ops.push_back(CreateIndex{index});
    return result_;
  }

  Reversal operator()(const AlterColumn& o) {
    const Table& table = known_table(o.table);
    const Column& column = known_column(table, o.column);
    const bool renames = o.new_name && *o.new_name != o.column;
    AlterColumn undo;
    undo.table = o.table;
    undo.column = renames ? *o.new_name : o.column;
    const std::string where = o.table + "." + undo.column;
    if (o.type && *o.type != column.type) {
      undo.type = column.type;
      if (auto consequence = conversion_risk(*o.type, column.type))
        risk("alter_column " + where + ": back from " + describe_type(*o.type) + " to " +
             describe_type(column.type) + ": " + *consequence);
    }
    if (o.nullable && *o.nullable != column.nullable) {
      undo.nullable = column.nullable;
      if (!column.nullable)
        risk("alter_column " + where +
             ": back to NOT NULL: fails if the column holds NULL "
             "values by then");
    }
    if (o.server_default && *o.server_default != column.server_default)
      undo.server_default = column.server_default;
    if (renames) undo.new_name = o.column;
    if (undo.type || undo.nullable || undo.server_default || undo.new_name)
      result_.ops.push_back(std::move(undo));
    return result_;
  }

  Reversal operator()(const RenameTable& o) {
    result_.ops.push_back(RenameTable{o.new_name, o.table});
    return result_;
  }

  Reversal operator()(const CreateIndex& o) {
    result_.ops.push_back(DropIndex{o.index.name, o.index.table});
    return result_;
  }

  Reversal operator()(const DropIndex& o) {
    if (o.table.empty()) irreversible("the op does not name the table of index " + o.name);
    const Table& table = known_table(o.table);
    for (const auto& index : table.indexes) {
      if (index.name != o.name) continue;
      result_.ops.push_back(CreateIndex{index});
      if (index.unique)
        risk("create_index " + index.name + ": fails if " + o.table +
             " holds duplicate values "
             "in (" +
             join(index.columns) + ") by then");
      return result_;
    }
    irreversible("table " + o.table + " has no index named " + o.name);
  }

  Reversal operator()(const AddConstraint& o) {
    if (o.constraint.name.empty())
      irreversible(
          "the constraint has no name, so the downgrade cannot drop it; name it in "
          "the upgrade");
    result_.ops.push_back(DropConstraint{o.table, o.constraint.name, o.constraint.kind});
    if (o.constraint.kind == ConstraintKind::ForeignKey)
      note("drop_constraint " + o.constraint.name + " on " + o.table +
           ": a database that indexes foreign keys by itself (MySQL) keeps the index it made "
           "for this one, named " +
           o.constraint.name + " unless an index of the table already served");
    return result_;
  }

  Reversal operator()(const DropConstraint& o) {
    const Table& table = known_table(o.table);
    for (std::size_t i = 0; i < table.constraints.size(); ++i) {
      const Constraint& constraint = table.constraints[i];
      if (constraint.name.empty() || constraint.name != o.name) continue;
      result_.ops.push_back(AddConstraint{o.table, constraint});
      risk(restore_risk(o.table, constraint));
      if (i + 1 != table.constraints.size())
        note("the " + describe_constraint(constraint) + " of " + o.table +
             " comes back after the table's other constraints");
      return result_;
    }
    irreversible("table " + o.table + " has no constraint named " + o.name);
  }

  Reversal operator()(const Execute&) {
    irreversible("literal SQL cannot be undone automatically; write the downgrade's ops by hand");
  }

  Reversal operator()(const RunCode& o) {
    irreversible("code step \"" + o.name +
                 "\" cannot be undone automatically; write the downgrade by hand");
  }

  Reversal operator()(const BulkInsert&) {
    irreversible(
        "the inserted rows cannot be told apart from other rows; write the downgrade "
        "by hand (e.g. an execute that deletes them)");
  }

 private:
  [[noreturn]] void irreversible(const std::string& reason) const {
    throw IrreversibleOpError(describe(op_) + " cannot be reversed: " + reason);
  }

  const Table& known_table(const std::string& name) const {
    if (const Table* table = before_.table(name)) return *table;
    irreversible("the definition of table " + name + " before the op is unknown");
  }

  const Column& known_column(const Table& table, const std::string& name) const {
    if (const Column* column = table.column(name)) return *column;
    irreversible("table " + table.name + " has no column " + name);
  }

  void risk(std::string text) { result_.data_risks.push_back(std::move(text)); }
  void note(std::string text) { result_.notes.push_back(std::move(text)); }

  const Op& op_;
  const SchemaLookup& before_;
  Reversal result_;
};

}  // namespace

Reversal reverse_op(const Op& op, const SchemaLookup& before) {
  return std::visit(Reverser(op, before), op);
}

}  // namespace sdm::schema
