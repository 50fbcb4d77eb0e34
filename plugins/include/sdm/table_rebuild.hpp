// Changing a table by copying it, for databases that cannot ALTER what an op changes (SQLite and
// engines like it): create the new definition under a temporary name, copy the rows, drop the old
// table, rename the copy, recreate the indexes.
//
// TableRebuildDialect renders every op that way where ALTER TABLE cannot do it; the functions
// below are its parts, for a dialect that rebuilds in other cases. The host does the rest:
// it turns foreign-key enforcement off before the run (DialectTraits::disable_foreign_keys), so
// dropping a parent table never deletes its children's rows, and leaves the database's own
// objects (DialectTraits::internal_name_prefix, e.g. sqlite_autoindex_*) out of reflection, so a
// rebuild never tries to recreate one.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sdm/schema.hpp"
#include "sdm/sql_dialect.hpp"

namespace sdm {

/// A column of the rebuilt table and the column of the old table its values come from.
struct CopiedColumn {
  std::string target;
  std::string source;
};

/// The name the new definition is created under before it replaces the table.
std::string rebuild_temporary_name(const std::string& table);

/// The columns of `rebuilt` that take their values from `old`: same name, or `renamed_from`
/// for the column called `renamed_to` (empty when nothing is renamed). New columns are left
/// out, so they get their default.
std::vector<CopiedColumn> copied_columns(const Table& old, const Table& rebuilt,
                                         const std::string& renamed_from = {},
                                         const std::string& renamed_to = {});

/// The statements that replace the table named `rebuilt.name` by the definition `rebuilt`,
/// keeping the rows of the `copied` columns, its constraints and foreign keys (part of the
/// definition) and its indexes (recreated). Other tables' foreign keys name the table, not the
/// copy, so they keep pointing at it.
std::vector<std::string> render_table_rebuild(const SqlDialect& dialect, const Table& rebuilt,
                                              const std::vector<CopiedColumn>& copied);

/// Whether SQLite's ADD COLUMN accepts `expression` as a default: a number, a string or blob
/// literal, NULL, TRUE or FALSE. CURRENT_TIMESTAMP and other expressions need a rebuild.
bool is_constant_default(const std::string& expression);

/// A dialect for engines whose ALTER TABLE can only rename and add or drop plain columns.
/// Changing a column's type, nullability or default, adding or dropping a constraint, dropping
/// a column a constraint or index uses, and adding a column ALTER cannot add (a non-constant
/// default, NOT NULL without a default) rebuild the table from its definition in the
/// SchemaLookup. A column rename runs as RENAME COLUMN before the copy, so other tables'
/// foreign keys follow the new name.
class TableRebuildDialect : public SqlDialect {
 public:
  explicit TableRebuildDialect(SqlDialectSpec spec);

 protected:
  std::vector<std::string> render_add_column(const AddColumn& op,
                                             const SchemaLookup& schema) const override;
  std::vector<std::string> render_alter_column(const AlterColumn& op,
                                               const SchemaLookup& schema) const override;
  std::vector<std::string> render_drop_column(const DropColumn& op,
                                              const SchemaLookup& schema) const override;
  std::vector<std::string> render_add_constraint(const AddConstraint& op,
                                                 const SchemaLookup& schema) const override;
  std::vector<std::string> render_drop_constraint(const DropConstraint& op,
                                                  const SchemaLookup& schema) const override;

  /// The table's current definition; throws, saying how to proceed, when it is unknown.
  const Table& table_to_rebuild(const Op& op, const std::string& table, const std::string& change,
                                const SchemaLookup& schema) const;
  /// `ALTER TABLE t RENAME COLUMN a TO b`
  std::string rename_column(const std::string& table, const std::string& from,
                            const std::string& to) const;
  /// The rebuild of `table` into what `edit` makes of its current definition (`edit` returns
  /// what is wrong, or ""); `change` says, in an error, what needed the rebuild.
  std::vector<std::string> rebuilt_by_edit(const Op& op, const std::string& table,
                                           const std::string& change, const SchemaLookup& schema,
                                           const std::function<std::string(Table&)>& edit) const;
  /// Throws the problem a table edit reported (if any) as the op's error.
  void check_edit(const std::string& problem, const Op& op) const;
  /// Whether two types render the same here, so altering one into the other changes nothing.
  bool same_type(const Type& a, const Type& b) const;
};

}  // namespace sdm
