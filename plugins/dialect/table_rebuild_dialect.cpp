// Which ops a dialect without a full ALTER TABLE performs by rebuilding the table, and how the
// rebuilt definition follows from the op (the same table edits the host's schema model makes).
#include <cctype>
#include <functional>

#include "sdm/error.hpp"
#include "sdm/table_edit.hpp"
#include "sdm/table_rebuild.hpp"

namespace sdm {
namespace {

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

TableRebuildDialect::TableRebuildDialect(SqlDialectSpec spec) : SqlDialect(std::move(spec)) {}

const Table& TableRebuildDialect::table_to_rebuild(const Op& op, const std::string& table,
                                                   const std::string& change,
                                                   const SchemaLookup& schema) const {
  if (const Table* current = schema.table(table)) return *current;
  const std::string problem = describe(op) + " needs a rebuild of table " + table + " (" + name() +
                              " cannot " + change + " with ALTER TABLE), but the " +
                              "definition of table " + table + " is unknown here.";
  const std::string remedy =
      " Run the upgrade online, where the live table is read, or start the offline range "
      "(--sql <from>:<to>) at base, or at a revision before the one that created " +
      table + ", so its definition is replayed.";
  throw Error(name() + ": " + problem + remedy);
}

void TableRebuildDialect::check_edit(const std::string& problem, const Op& op) const {
  if (!problem.empty()) throw Error(name() + ": " + describe(op) + ": " + problem);
}

std::string TableRebuildDialect::rename_column(const std::string& table, const std::string& from,
                                               const std::string& to) const {
  return alter_table(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to);
}

bool TableRebuildDialect::same_type(const Type& a, const Type& b) const {
  // A reflected table holds Raw("VARCHAR(100)") where a revision says String(100).
  return lower(render_type(a)) == lower(render_type(b));
}

std::vector<std::string> TableRebuildDialect::render_add_column(const AddColumn& op,
                                                                const SchemaLookup& schema) const {
  const Column& column = op.column;
  const bool alter_can_add =
      column.server_default ? is_constant_default(*column.server_default) : column.nullable;
  if (alter_can_add) return SqlDialect::render_add_column(op, schema);
  // The new column is not copied, so every existing row gets its default (or, without one, the
  // copy fails on a table with rows, as ADD COLUMN ... NOT NULL does elsewhere).
  return rebuilt_by_edit(Op(op), op.table,
                         "add a column with a non-constant default or NOT NULL without one", schema,
                         [&](Table& table) { return table_edit::add_column(table, column); });
}

std::vector<std::string> TableRebuildDialect::render_alter_column(
    const AlterColumn& op, const SchemaLookup& schema) const {
  const bool renames = op.new_name && *op.new_name != op.column;
  const bool may_need_rebuild = op.type || op.nullable || op.server_default;
  const Table* current = schema.table(op.table);
  if (!current && !may_need_rebuild)
    return renames ? std::vector<std::string>{rename_column(op.table, op.column, *op.new_name)}
                   : std::vector<std::string>{};
  const Op as_op(op);
  const std::string what = "change a column's type, nullability or default";
  const Table& table = table_to_rebuild(as_op, op.table, what, schema);
  const Column* column = table.column(op.column);
  if (!column) check_edit("table " + op.table + " has no column " + op.column, as_op);
  const bool changes_type = op.type && !same_type(*op.type, column->type);
  const bool changes_nullability = op.nullable && *op.nullable != column->nullable;
  const bool changes_default = op.server_default && *op.server_default != column->server_default;

  std::vector<std::string> statements;
  // RENAME COLUMN also rewrites the foreign keys of other tables that point at the column,
  // which a copy of this table alone would leave pointing at the old name.
  if (renames) statements.push_back(rename_column(op.table, op.column, *op.new_name));
  if (!changes_type && !changes_nullability && !changes_default) return statements;

  Table renamed = table;
  AlterColumn rename_only;
  rename_only.column = op.column;
  rename_only.new_name = op.new_name;
  check_edit(table_edit::alter_column(renamed, rename_only), as_op);
  Table rebuilt = renamed;
  AlterColumn change = op;
  change.column = renames ? *op.new_name : op.column;
  change.new_name.reset();
  check_edit(table_edit::alter_column(rebuilt, change), as_op);
  for (auto& statement : render_table_rebuild(*this, rebuilt, copied_columns(renamed, rebuilt)))
    statements.push_back(std::move(statement));
  return statements;
}

std::vector<std::string> TableRebuildDialect::render_drop_column(const DropColumn& op,
                                                                 const SchemaLookup& schema) const {
  const Table* current = schema.table(op.table);
  // Unknown, or not involved in a constraint or index: DROP COLUMN drops it in place.
  if (!current) return SqlDialect::render_drop_column(op, schema);
  Table rebuilt = *current;
  check_edit(table_edit::drop_column(rebuilt, op.column), Op(op));
  if (!table_edit::column_in_use(*current, op.column))
    return SqlDialect::render_drop_column(op, schema);
  return render_table_rebuild(*this, rebuilt, copied_columns(*current, rebuilt));
}

std::vector<std::string> TableRebuildDialect::render_add_constraint(
    const AddConstraint& op, const SchemaLookup& schema) const {
  return rebuilt_by_edit(Op(op), op.table, "add a constraint", schema, [&](Table& table) {
    return table_edit::add_constraint(table, op.constraint);
  });
}

std::vector<std::string> TableRebuildDialect::render_drop_constraint(
    const DropConstraint& op, const SchemaLookup& schema) const {
  return rebuilt_by_edit(Op(op), op.table, "drop a constraint", schema,
                         [&](Table& table) { return table_edit::drop_constraint(table, op.name); });
}

std::vector<std::string> TableRebuildDialect::rebuilt_by_edit(
    const Op& op, const std::string& table, const std::string& change, const SchemaLookup& schema,
    const std::function<std::string(Table&)>& edit) const {
  const Table& current = table_to_rebuild(op, table, change, schema);
  Table rebuilt = current;
  check_edit(edit(rebuilt), op);
  return render_table_rebuild(*this, rebuilt, copied_columns(current, rebuilt));
}

}  // namespace sdm
