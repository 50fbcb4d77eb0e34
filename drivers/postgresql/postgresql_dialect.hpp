// The PostgreSQL dialect: SQLAlchemy's PostgreSQL rendering with Alembic's PostgresqlImpl
// order of ALTER COLUMN statements. Almost all of it is data (postgresql_spec()); only the
// table options after CREATE TABLE's ")" have a shape of their own.
#pragma once

#include <string>

#include "sdm/sql_dialect.hpp"

namespace sdm::postgresql {

/// PostgreSQL as data: reserved words, type names, traits and the ALTER COLUMN order.
SqlDialectSpec postgresql_spec();

/// PostgreSQL. DDL is transactional, so every change is a plain ALTER TABLE.
class PostgresqlDialect : public SqlDialect {
 public:
  PostgresqlDialect();

 protected:
  /// SQLAlchemy's PostgreSQL table options (`postgresql_inherits`, `postgresql_partition_by`,
  /// `postgresql_on_commit`, `postgresql_tablespace`), each on its own line after ")".
  std::string render_table_options(const Table& table) const override;
};

}  // namespace sdm::postgresql
