// SQLite's differences from the base renderer, as SQLAlchemy's SQLite dialect writes them.
#include "sdm/sqlite_spec.hpp"

namespace sdm {

SqlDialectSpec sqlite_spec() {
  SqlDialectSpec spec;
  spec.name = "sqlite";
  spec.traits.transactional_ddl = true;
  spec.traits.offline_begin_commit = false;
  spec.traits.offline_insert_returning = false;
  spec.traits.alembic_impl_name = "SQLiteImpl";
  spec.traits.disable_foreign_keys = "PRAGMA foreign_keys = OFF";
  spec.traits.internal_name_prefix = "sqlite_";
  spec.reserved_words = sqlite_reserved_words();
  // SQLite has no boolean type; SQLAlchemy stores and writes booleans as integers.
  spec.literals.true_value = "1";
  spec.literals.false_value = "0";
  spec.autoincrement = AutoincrementStyle::RowidAlias;
  return spec;
}

}  // namespace sdm
