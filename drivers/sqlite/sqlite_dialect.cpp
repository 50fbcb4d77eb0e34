#include "sqlite/sqlite_dialect.hpp"

#include <cctype>

#include "sdm/error.hpp"
#include "sdm/table_edit.hpp"
#include "sdm/table_rebuild.hpp"

namespace sdm::sqlite {
namespace {

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

/// Throws the problem a table edit reported (if any) as the op's error.
void check_edit(const std::string& problem, const Op& op) {
  if (!problem.empty()) throw Error("sqlite: " + describe(op) + ": " + problem);
}

}  // namespace

SqlDialectSpec sqlite_spec() {
  SqlDialectSpec spec;
  spec.name = "sqlite";
  spec.traits.transactional_ddl = true;
  spec.traits.offline_begin_commit = false;
  spec.traits.offline_insert_returning = false;
  spec.traits.alembic_impl_name = "SQLiteImpl";
  spec.reserved_words = sqlite_reserved_words();
  // SQLite has no boolean type; SQLAlchemy stores and writes booleans as integers.
  spec.literals.true_value = "1";
  spec.literals.false_value = "0";
  return spec;
}

SqliteDialect::SqliteDialect() : SqlDialect(sqlite_spec()) {}

const Table& SqliteDialect::table_to_rebuild(const Op& op, const std::string& table,
                                             const std::string& change,
                                             const SchemaLookup& schema) const {
  if (const Table* current = schema.table(table)) return *current;
  const std::string problem = describe(op) + " needs a rebuild of table " + table +
                              " (SQLite cannot " + change + " with ALTER TABLE), but the " +
                              "definition of table " + table + " is unknown here.";
  const std::string remedy =
      " Run the upgrade online, where the live table is read, or start the offline range "
      "(--sql <from>:<to>) at base, or at a revision before the one that created " +
      table + ", so its definition is replayed.";
  throw Error("sqlite: " + problem + remedy);
}

std::string SqliteDialect::rename_column(const std::string& table, const std::string& from,
                                         const std::string& to) const {
  return alter_table(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to);
}

bool SqliteDialect::same_type(const Type& a, const Type& b) const {
  // A reflected table holds Raw("VARCHAR(100)") where a revision says String(100).
  return lower(render_type(a)) == lower(render_type(b));
}

std::vector<std::string> SqliteDialect::render_alter_column(const AlterColumn& op,
                                                            const SchemaLookup& schema) const {
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
  if (!column)
    throw Error("sqlite: " + describe(as_op) + ": table " + op.table + " has no column " +
                op.column);
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

std::vector<std::string> SqliteDialect::render_drop_column(const DropColumn& op,
                                                           const SchemaLookup& schema) const {
  const Table* current = schema.table(op.table);
  // Unknown, or not involved in a constraint or index: SQLite 3.35+ drops it in place.
  if (!current) return SqlDialect::render_drop_column(op, schema);
  Table rebuilt = *current;
  check_edit(table_edit::drop_column(rebuilt, op.column), Op(op));
  if (!table_edit::column_in_use(*current, op.column))
    return SqlDialect::render_drop_column(op, schema);
  return render_table_rebuild(*this, rebuilt, copied_columns(*current, rebuilt));
}

std::vector<std::string> SqliteDialect::render_add_constraint(const AddConstraint& op,
                                                              const SchemaLookup& schema) const {
  const Op as_op(op);
  const Table& current = table_to_rebuild(as_op, op.table, "add a constraint", schema);
  Table rebuilt = current;
  check_edit(table_edit::add_constraint(rebuilt, op.constraint), as_op);
  return render_table_rebuild(*this, rebuilt, copied_columns(current, rebuilt));
}

std::vector<std::string> SqliteDialect::render_drop_constraint(const DropConstraint& op,
                                                               const SchemaLookup& schema) const {
  const Op as_op(op);
  const Table& current = table_to_rebuild(as_op, op.table, "drop a constraint", schema);
  Table rebuilt = current;
  check_edit(table_edit::drop_constraint(rebuilt, op.name), as_op);
  return render_table_rebuild(*this, rebuilt, copied_columns(current, rebuilt));
}

}  // namespace sdm::sqlite
