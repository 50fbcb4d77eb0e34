// The MySQL/MariaDB dialect: SQLAlchemy's MySQL rendering and Alembic's MySQLImpl, where
// changing a column restates its whole definition.
#pragma once

#include <string>
#include <vector>

#include "sdm/sql_dialect.hpp"

namespace sdm::mysql {

/// MySQL as data: backtick quoting, MySQL's reserved words, BOOL/LONGTEXT, `NOT NULL DEFAULT`,
/// `DROP INDEX ix ON t`, table options after `)`, no transactional DDL.
SqlDialectSpec mysql_spec();

/// MySQL and MariaDB. A column's type, nullability or name changes with one
/// `MODIFY`/`CHANGE` carrying the column's full definition (from the SchemaLookup); a default
/// alone with `ALTER COLUMN ... SET/DROP DEFAULT`; constraints drop by kind.
class MysqlDialect : public SqlDialect {
 public:
  MysqlDialect();

  /// CHAR_LENGTH: MySQL's LENGTH counts bytes, so multi-byte text would look longer.
  std::string length_function() const override { return "CHAR_LENGTH"; }

 protected:
  std::vector<std::string> render_alter_column(const AlterColumn& op,
                                               const SchemaLookup& schema) const override;
  std::vector<std::string> render_drop_constraint(const DropConstraint& op,
                                                  const SchemaLookup& schema) const override;
  std::string render_table_options(const Table& table) const override;

 private:
  /// The table as it stands before `op`, or an error saying why MODIFY/CHANGE needs it.
  const Table& current_table(const AlterColumn& op, const SchemaLookup& schema) const;
};

}  // namespace sdm::mysql
