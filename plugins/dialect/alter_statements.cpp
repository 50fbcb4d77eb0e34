// ALTER TABLE statements in Alembic's generic forms. Databases whose sequence differs (MySQL's
// MODIFY/CHANGE, SQLite's table rebuild) override these hooks.
#include "sdm/sql_dialect.hpp"

namespace sdm {

std::vector<std::string> SqlDialect::render_add_column(const AddColumn& op,
                                                       const SchemaLookup& /*schema*/) const {
  return {alter_table(op.table) + " ADD COLUMN " + render_column(op.column)};
}

std::vector<std::string> SqlDialect::render_alter_column(const AlterColumn& op,
                                                         const SchemaLookup& /*schema*/) const {
  const std::string column = alter_table(op.table) + " ALTER COLUMN " + quote(op.column);
  std::vector<std::string> statements;
  auto type = [&] {
    if (op.type) statements.push_back(column + " TYPE " + render_type(*op.type));
  };
  auto nullability = [&] {
    if (op.nullable)
      statements.push_back(column + (*op.nullable ? " DROP NOT NULL" : " SET NOT NULL"));
  };
  auto server_default = [&] {
    if (!op.server_default) return;
    const DefaultChange& change = *op.server_default;
    statements.push_back(change ? column + " SET DEFAULT " + *change : column + " DROP DEFAULT");
  };
  if (spec_.alter_column_order == AlterColumnOrder::TypeNullableDefaultRename) {
    type();
    nullability();
    server_default();
  } else {
    nullability();
    server_default();
    type();
  }
  // The new name comes last, so the statements before it can still use the old one.
  if (op.new_name && *op.new_name != op.column)
    statements.push_back(alter_table(op.table) + " RENAME " + quote(op.column) + " TO " +
                         quote(*op.new_name));
  return statements;
}

std::vector<std::string> SqlDialect::render_drop_column(const DropColumn& op,
                                                        const SchemaLookup& /*schema*/) const {
  return {alter_table(op.table) + " DROP COLUMN " + quote(op.column)};
}

std::vector<std::string> SqlDialect::render_add_constraint(const AddConstraint& op,
                                                           const SchemaLookup& /*schema*/) const {
  return {alter_table(op.table) + " ADD " + render_constraint(op.constraint)};
}

std::vector<std::string> SqlDialect::render_drop_constraint(const DropConstraint& op,
                                                            const SchemaLookup& /*schema*/) const {
  return {alter_table(op.table) + " DROP CONSTRAINT " + quote(op.name)};
}

}  // namespace sdm
