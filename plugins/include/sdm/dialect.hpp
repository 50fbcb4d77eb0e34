// How a database speaks SQL: renders ops and version-table statements, quotes identifiers.
#pragma once

#include <string>
#include <vector>

#include "sdm/ops.hpp"
#include "sdm/schema.hpp"

namespace sdm {

/// What differs between dialects as data rather than code.
struct DialectTraits {
  /// DDL can be rolled back, so a whole run can be one transaction (PostgreSQL, SQLite).
  bool transactional_ddl = false;
  /// Offline scripts are wrapped in BEGIN/COMMIT, as Alembic does for PostgreSQL only.
  bool offline_begin_commit = false;
  /// The offline version-row INSERT ends with RETURNING (as Alembic's PostgreSQL output).
  bool offline_insert_returning = false;
  /// Name Alembic gives this dialect in "Context impl ..." log lines, e.g. "SQLiteImpl".
  std::string alembic_impl_name;
  /// The dialect whose SQL this one follows ("sqlite", "postgresql", "mysql"), or "": a
  /// revision's per-dialect SQL and type variants for it apply where none name this dialect.
  std::string renders_like;
  /// A statement that turns foreign-key enforcement off for the session, or "". The host runs
  /// it before a run's first transaction (SQLite ignores it inside one) and at the top of
  /// offline scripts: a table rebuild drops the old table, which with enforcement on would
  /// delete, or refuse to drop, the rows of other tables that refer to it.
  std::string disable_foreign_keys;
  /// The prefix of names the database gives its own objects ("sqlite_" for SQLite's
  /// sqlite_autoindex_* indexes and sqlite_sequence), or "". The host leaves such tables,
  /// indexes and constraints out of what it reflects, so a rebuild never tries to recreate one.
  std::string internal_name_prefix;
};

/// Questions the host asks before a downgrade step that could lose data; each is a query
/// returning one count.
enum class DataCheck {
  RowsInTable,       ///< rows in `table`
  ValuesInColumn,    ///< rows of `table` whose `column` is not NULL
  ValuesLongerThan,  ///< rows of `table` whose `column` holds more than `limit` characters
};

/// Table definitions as they stand before the op being rendered. The host implements it from
/// its schema model (and, online, from the live database).
class SchemaLookup {
 public:
  virtual ~SchemaLookup() = default;
  /// The table as it stands now, or nullptr when it is unknown.
  virtual const Table* table(const std::string& name) const noexcept = 0;
};

/// Renders SQL for one database. Throw sdm::Error for what the dialect cannot do.
class Dialect {
 public:
  virtual ~Dialect() = default;
  /// "sqlite", "postgresql", "mysql", or a vendor's name.
  virtual std::string name() const = 0;
  virtual DialectTraits traits() const = 0;
  /// The statements that perform `op`, without terminators.
  virtual std::vector<std::string> render(const Op& op, const SchemaLookup& schema) const = 0;
  /// The identifier, quoted if the dialect needs it (mixed case, reserved word, ...).
  virtual std::string quote(const std::string& identifier) const = 0;
  /// The type as this dialect writes it.
  virtual std::string render_type(const Type& type) const = 0;

  /// CREATE TABLE for the version table, exactly as Alembic writes it.
  virtual std::string create_version_table(const std::string& table) const = 0;
  /// INSERT of one version row; `offline` selects Alembic's offline form (RETURNING on PG).
  virtual std::string insert_version(const std::string& table, const std::string& revision,
                                     bool offline) const = 0;
  /// UPDATE of one version row from `from` to `to`.
  virtual std::string update_version(const std::string& table, const std::string& from,
                                     const std::string& to) const = 0;
  /// DELETE of one version row.
  virtual std::string delete_version(const std::string& table,
                                     const std::string& revision) const = 0;
  /// SELECT of every version row.
  virtual std::string select_versions(const std::string& table) const {
    return "SELECT version_num FROM " + quote(table);
  }
  /// DROP TABLE of the version table.
  virtual std::string drop_version_table(const std::string& table) const = 0;
  /// The statement that opens a transaction ("BEGIN").
  virtual std::string begin_statement() const = 0;
  /// The statement that commits ("COMMIT").
  virtual std::string commit_statement() const = 0;
  /// A query returning one count for a DataCheck.
  virtual std::string data_check(DataCheck which, const std::string& table,
                                 const std::string& column, long long limit) const {
    std::string sql = "SELECT COUNT(*) FROM " + quote(table);
    if (which == DataCheck::ValuesInColumn) sql += " WHERE " + quote(column) + " IS NOT NULL";
    if (which == DataCheck::ValuesLongerThan)
      sql += " WHERE " + length_function() + "(" + quote(column) + ") > " + std::to_string(limit);
    return sql;
  }
  /// The SQL function counting the characters of a string.
  virtual std::string length_function() const { return "LENGTH"; }
};

}  // namespace sdm
