// The tables raw SQL changes the shape of, read from the statement text: what an `execute`
// that declares no change leaves the schema model unable to know.
#pragma once

#include <functional>
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

}  // namespace sdm::schema
