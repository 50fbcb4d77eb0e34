#include "postgresql_reflection.hpp"

#include <map>

#include "libpq_calls.hpp"

namespace sdm::postgresql {
namespace {

std::string value(const Row& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : "";
}

constexpr const char* kTableOid =
    "SELECT c.oid FROM pg_catalog.pg_class c "
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = pg_catalog.current_schema() AND c.relname = $1 AND c.relkind IN ('r', 'p')";

constexpr const char* kColumns =
    "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
    "pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity "
    "FROM pg_catalog.pg_attribute a "
    "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
    "WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

// One row per constraint column: local and referred columns pair up by position.
constexpr const char* kConstraints =
    "SELECT con.oid, con.conname, con.contype, a.attname, "
    "CASE WHEN rn.nspname = pg_catalog.current_schema() THEN rc.relname "
    "ELSE rn.nspname || '.' || rc.relname END, "
    "ra.attname, con.confupdtype, con.confdeltype, "
    "CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid, true) END "
    "FROM pg_catalog.pg_constraint con "
    "LEFT JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refnum, ord) "
    "ON con.contype <> 'c' "
    "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
    "LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid "
    "LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
    "LEFT JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refnum "
    "WHERE con.conrelid = $1::oid AND con.contype IN ('p', 'u', 'f', 'c') "
    "ORDER BY con.oid, k.ord";

// Indexes that back no constraint; an expression key is written out as PostgreSQL shows it.
constexpr const char* kIndexes =
    "SELECT ic.relname, i.indisunique, "
    "CASE WHEN i.indkey[s.n - 1] = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, s.n, true) "
    "ELSE a.attname END "
    "FROM pg_catalog.pg_index i "
    "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
    "CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS s(n) "
    "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid "
    "AND a.attnum = i.indkey[s.n - 1] "
    "WHERE i.indrelid = $1::oid AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c "
    "WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid) "
    "ORDER BY ic.relname, s.n";

/// pg_constraint's confupdtype/confdeltype letter as the referential action; "" for the
/// default NO ACTION, as the schema model writes an unset action.
std::string referential_action(const std::string& code) {
  if (code == "r") return "RESTRICT";
  if (code == "c") return "CASCADE";
  if (code == "n") return "SET NULL";
  if (code == "d") return "SET DEFAULT";
  return "";
}

ConstraintKind constraint_kind(const std::string& code) {
  if (code == "p") return ConstraintKind::PrimaryKey;
  if (code == "f") return ConstraintKind::ForeignKey;
  if (code == "c") return ConstraintKind::Check;
  return ConstraintKind::Unique;
}

void read_columns(Link connection, const std::string& oid, Table& table) {
  for (const auto& row : run_query(connection, kColumns, {oid})) {
    Column column(value(row, 0), Raw(value(row, 1)));
    column.nullable = value(row, 2) != "t";
    if (row.size() > 3 && row[3]) column.server_default = *row[3];
    // SERIAL is a nextval() default; an identity column (10+) is marked 'a' or 'd'.
    const bool serial = column.server_default && column.server_default->rfind("nextval(", 0) == 0;
    column.keys.autoincrement = serial || !value(row, 4).empty();
    table.columns.push_back(std::move(column));
  }
}

void read_constraints(Link connection, const std::string& oid, Table& table) {
  std::string current_oid;
  for (const auto& row : run_query(connection, kConstraints, {oid})) {
    if (value(row, 0) != current_oid) {
      current_oid = value(row, 0);
      Constraint constraint;
      constraint.kind = constraint_kind(value(row, 2));
      constraint.name = value(row, 1);
      if (constraint.kind == ConstraintKind::ForeignKey) {
        constraint.referred_table = value(row, 4);
        constraint.onupdate = referential_action(value(row, 6));
        constraint.ondelete = referential_action(value(row, 7));
      }
      if (constraint.kind == ConstraintKind::Check) constraint.condition = value(row, 8);
      table.constraints.push_back(std::move(constraint));
    }
    Constraint& constraint = table.constraints.back();
    if (row.size() > 3 && row[3]) constraint.columns.push_back(*row[3]);
    if (constraint.kind == ConstraintKind::ForeignKey && row.size() > 5 && row[5])
      constraint.referred_columns.push_back(*row[5]);
  }
}

void read_indexes(Link connection, const std::string& oid, Table& table) {
  for (const auto& row : run_query(connection, kIndexes, {oid})) {
    if (table.indexes.empty() || table.indexes.back().name != value(row, 0))
      table.indexes.push_back(Index{value(row, 0), table.name, {}, value(row, 1) == "t"});
    table.indexes.back().columns.push_back(value(row, 2));
  }
}

}  // namespace

std::vector<std::string> current_schema_tables(Link connection) {
  std::vector<std::string> names;
  for (const auto& row :
       run_query(connection,
                 "SELECT c.relname FROM pg_catalog.pg_class c "
                 "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                 "WHERE n.nspname = pg_catalog.current_schema() AND c.relkind IN ('r', 'p') "
                 "ORDER BY c.relname"))
    names.push_back(value(row, 0));
  return names;
}

std::optional<Table> reflect_postgresql_table(Link connection, const std::string& name) {
  const Rows found = run_query(connection, kTableOid, {name});
  if (found.empty()) return std::nullopt;
  const std::string oid = value(found.front(), 0);
  Table table;
  table.name = name;
  read_columns(connection, oid, table);
  read_constraints(connection, oid, table);
  read_indexes(connection, oid, table);
  return table;
}

}  // namespace sdm::postgresql
