// Changing a table by copying it, for databases that cannot ALTER what an op changes (SQLite):
// create the new definition under a temporary name, copy the rows, drop the old table, rename
// the copy, recreate the indexes.
#pragma once

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
/// definition) and its indexes (recreated).
std::vector<std::string> render_table_rebuild(const SqlDialect& dialect, const Table& rebuilt,
                                              const std::vector<CopiedColumn>& copied);

}  // namespace sdm
