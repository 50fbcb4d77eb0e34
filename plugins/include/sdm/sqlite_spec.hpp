// SQLite as data, for the built-in SQLite driver and for engines that speak SQLite's SQL.
//
//   sdm::SqlDialectSpec spec = sdm::sqlite_spec();
//   spec.name = "mylite";
//   spec.traits.renders_like = "sqlite";
//   sdm::TableRebuildDialect dialect(spec);   // <sdm/table_rebuild.hpp>
#pragma once

#include "sdm/sql_dialect_spec.hpp"

namespace sdm {

/// SQLite's spec: its reserved words and type names, 1/0 booleans, transactional DDL, rowid
/// keys, foreign keys off for the run (PRAGMA foreign_keys = OFF) and sqlite_* objects left
/// out of reflection.
SqlDialectSpec sqlite_spec();

}  // namespace sdm
