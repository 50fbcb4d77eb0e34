// The SQLite dialect: SQLAlchemy's SQLite rendering (sdm::sqlite_spec()), plus the SDK's table
// rebuild for the changes SQLite cannot make with ALTER TABLE.
#pragma once

#include "sdm/sqlite_spec.hpp"
#include "sdm/table_rebuild.hpp"

namespace sdm::sqlite {

/// SQLite: every change ALTER TABLE cannot make rebuilds the table (sdm::TableRebuildDialect).
class SqliteDialect : public TableRebuildDialect {
 public:
  SqliteDialect() : TableRebuildDialect(sqlite_spec()) {}
};

}  // namespace sdm::sqlite
