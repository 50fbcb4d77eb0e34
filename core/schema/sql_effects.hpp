// What raw SQL does, read from the statement text: the tables its DDL changes the shape of
// (what an `execute` that declares no change leaves the schema model unable to know), and what
// its data statements do to rows (what the data-loss check must not count as lost).
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace sdm::schema {

/// The tables the DDL statements in `sql` (one or several, separated by `;`) create, alter,
/// rename or drop, or index: ALTER TABLE, CREATE TABLE, DROP TABLE, RENAME TABLE, CREATE INDEX
/// ... ON, DROP INDEX (its table found through `index_table`, or named by ON). Names are
/// unquoted, without a schema prefix. Data statements (SELECT, INSERT, UPDATE, DELETE, ...)
/// and DDL on other objects (views, sequences, triggers) name none.
std::vector<std::string> ddl_tables(
    const std::string& sql, const std::function<std::string(const std::string&)>& index_table);

/// What data statements do to the rows of tables.
struct RowEffects {
  std::set<std::string> emptied;  ///< every row deleted: DELETE FROM t (no WHERE), TRUNCATE t
  std::set<std::string> changed;  ///< some rows inserted, updated or deleted
  bool unknown = false;           ///< a statement this reading cannot place (a call, a CTE, ...)
};

/// The row effects of the statements in `sql`. DDL, SELECT, SET, SHOW and transaction
/// statements have none.
RowEffects row_effects(const std::string& sql);

}  // namespace sdm::schema
