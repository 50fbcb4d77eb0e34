#include "mysql/mysql_dialect.hpp"

#include "sdm/error.hpp"
#include "sdm/table_edit.hpp"

namespace sdm::mysql {

SqlDialectSpec mysql_spec() {
  SqlDialectSpec spec;
  spec.name = "mysql";
  // DDL commits implicitly, so each migration is its own transaction (Alembic's MySQLImpl).
  spec.traits.transactional_ddl = false;
  spec.traits.offline_begin_commit = false;
  spec.traits.offline_insert_returning = false;
  spec.traits.alembic_impl_name = "MySQLImpl";
  spec.identifier_quote = '`';
  // Alembic's offline scripts for a mysql:// URL quote with MySQL's set, not MariaDB's.
  spec.reserved_words = mysql_reserved_words();
  spec.types.boolean = "BOOL";
  spec.types.long_text = "LONGTEXT";
  spec.types.large_binary = "BLOB";
  spec.literals.true_value = "true";
  spec.literals.false_value = "false";
  // Without NO_BACKSLASH_ESCAPES in sql_mode, '\' starts an escape inside a string literal.
  spec.literals.backslash_escapes = true;
  spec.not_null_before_default = true;
  spec.varchar_requires_length = true;
  spec.drop_index_names_table = true;
  spec.table_option_prefix = "mysql_";
  spec.autoincrement = AutoincrementStyle::Keyword;
  return spec;
}

MysqlDialect::MysqlDialect() : SqlDialect(mysql_spec()) {}

const Table& MysqlDialect::current_table(const AlterColumn& op, const SchemaLookup& schema) const {
  const std::string what = "mysql: " + describe(Op(op)) + ": ";
  const Table* table = schema.table(op.table);
  if (!table)
    throw Error(what +
                "MySQL changes a column with MODIFY or CHANGE, which restate the column's whole "
                "definition (type, nullability, default and AUTO_INCREMENT), but the definition "
                "of table " +
                op.table +
                " is unknown here. Run the upgrade online, or start the offline range "
                "(--sql <from>:<to>) at base or before the revision that created " +
                op.table + ", so its definition is replayed.");
  if (!table->column(op.column))
    throw Error(what + "table " + op.table + " has no column " + op.column);
  return *table;
}

std::vector<std::string> MysqlDialect::render_alter_column(const AlterColumn& op,
                                                           const SchemaLookup& schema) const {
  const bool renames = op.new_name && *op.new_name != op.column;
  if (!renames && !op.type && !op.nullable) {
    // Only the default changes: the one ALTER that does not restate the column.
    if (!op.server_default) return {};
    const DefaultChange& change = *op.server_default;
    return {alter_table(op.table) + " ALTER COLUMN " + quote(op.column) +
            (change ? " SET DEFAULT " + *change : " DROP DEFAULT")};
  }

  // MODIFY/CHANGE replace the whole definition: whatever the op leaves unset must be restated
  // as it is, or MySQL would silently make the column nullable, drop its default, or stop
  // numbering the table's key.
  // An op that sets all three needs the table only to know whether the key is numbered.
  Table after;
  if (op.type && op.nullable && op.server_default && !schema.table(op.table)) {
    after.columns.push_back(Column(op.column, *op.type));
  } else {
    after = current_table(op, schema);
  }
  AlterColumn in_place = op;
  in_place.new_name.reset();
  const std::string problem = table_edit::alter_column(after, in_place);
  if (!problem.empty()) throw Error("mysql: " + describe(Op(op)) + ": " + problem);
  const Column& column = *after.column(op.column);
  const bool numbered = after.autoincrement_column() == &column;

  std::string definition = render_type(column.type) + (column.nullable ? " NULL" : " NOT NULL");
  if (numbered) {
    definition += " AUTO_INCREMENT";
  } else if (column.server_default) {
    definition += " DEFAULT " + *column.server_default;
  }
  if (renames)
    return {alter_table(op.table) + " CHANGE " + quote(op.column) + " " + quote(*op.new_name) +
            " " + definition};
  return {alter_table(op.table) + " MODIFY " + quote(op.column) + " " + definition};
}

std::vector<std::string> MysqlDialect::render_drop_constraint(
    const DropConstraint& op, const SchemaLookup& /*schema*/) const {
  const std::string table = alter_table(op.table);
  // MySQL names the primary key PRIMARY whatever it was declared as.
  if (op.kind == ConstraintKind::PrimaryKey) return {table + " DROP PRIMARY KEY"};
  if (op.name.empty())
    throw Error("mysql: " + describe(Op(op)) +
                ": MySQL drops a foreign key, unique or check constraint by its name; give the "
                "name the server shows (SHOW CREATE TABLE " +
                op.table + ")");
  switch (op.kind) {
    case ConstraintKind::ForeignKey:
      return {table + " DROP FOREIGN KEY " + quote(op.name)};
    case ConstraintKind::Unique:
      // A unique constraint is a unique index in MySQL.
      return {table + " DROP INDEX " + quote(op.name)};
    case ConstraintKind::Check:
      // MySQL's own DROP CHECK is a syntax error on MariaDB; DROP CONSTRAINT works on MariaDB
      // 10.2+ and MySQL 8.0.19+.
      return {table + " DROP CONSTRAINT " + quote(op.name)};
    case ConstraintKind::PrimaryKey:
      break;
  }
  throw Error("mysql: " + describe(Op(op)) + ": unknown constraint kind");
}

}  // namespace sdm::mysql
