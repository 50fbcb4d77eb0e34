// The SQLite dialect: SQLAlchemy's SQLite rendering, plus a table rebuild for the changes
// SQLite cannot make with ALTER TABLE.
#pragma once

#include <string>
#include <vector>

#include "sdm/sql_dialect.hpp"

namespace sdm::sqlite {

/// SQLite as data: its reserved words, type names and 1/0 booleans.
SqlDialectSpec sqlite_spec();

/// SQLite. Changing a column's type, nullability or default, adding or dropping a constraint,
/// and dropping a column a constraint or index uses rebuild the table from its definition in
/// the SchemaLookup; renaming a column and dropping an unused one are plain ALTER TABLE.
class SqliteDialect : public SqlDialect {
 public:
  SqliteDialect();

 protected:
  std::vector<std::string> render_alter_column(const AlterColumn& op,
                                               const SchemaLookup& schema) const override;
  std::vector<std::string> render_drop_column(const DropColumn& op,
                                              const SchemaLookup& schema) const override;
  std::vector<std::string> render_add_constraint(const AddConstraint& op,
                                                 const SchemaLookup& schema) const override;
  std::vector<std::string> render_drop_constraint(const DropConstraint& op,
                                                  const SchemaLookup& schema) const override;

 private:
  /// The table's current definition; throws when it is unknown, saying how to proceed.
  const Table& table_to_rebuild(const Op& op, const std::string& table, const std::string& change,
                                const SchemaLookup& schema) const;
  /// `ALTER TABLE t RENAME COLUMN a TO b` (SQLite 3.25+).
  std::string rename_column(const std::string& table, const std::string& from,
                            const std::string& to) const;
  /// Whether two types render the same here, so altering one into the other changes nothing.
  bool same_type(const Type& a, const Type& b) const;
};

}  // namespace sdm::sqlite
