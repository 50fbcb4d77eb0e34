#include "runtime/tables_without_storage.hpp"

#include <algorithm>

#include "common/errors.hpp"

namespace sdm::runtime {
namespace {

/// Names asked about per query: a bound parameter each, well under PostgreSQL's 65,535.
constexpr std::size_t kChunk = 1000;

/// The query for `count` names. Only the heap access method says "no file, no rows" (a table
/// of another access method keeps its rows elsewhere); pg_class itself always has storage on
/// PostgreSQL, so a server that reports it empty (one that only speaks the protocol) is not
/// believed. Before PostgreSQL 12 tables have no access method and nothing is returned.
std::string query_for(std::size_t count) {
  std::string sql = "SELECT candidate.name FROM (VALUES ";
  for (std::size_t i = 0; i < count; ++i)
    sql += i == 0 ? "(?)" : ", (?)";
  sql +=
      ") AS candidate(name) "
      "JOIN pg_catalog.pg_class c "
      "ON c.oid = pg_catalog.to_regclass(pg_catalog.quote_ident(candidate.name)) "
      "WHERE c.relkind = 'r' "
      "AND c.relam = (SELECT oid FROM pg_catalog.pg_am WHERE amname = 'heap') "
      "AND pg_catalog.pg_relation_size(c.oid) = 0 "
      "AND pg_catalog.pg_relation_size('pg_catalog.pg_class'::pg_catalog.regclass) > 0";
  return sql;
}

}  // namespace

std::set<std::string> tables_without_storage(Exec& exec, const std::vector<std::string>& tables) {
  std::set<std::string> empty;
  if (exec.offline() || exec.dialect().name() != "postgresql" || tables.empty()) return empty;
  try {
    for (std::size_t first = 0; first < tables.size(); first += kChunk) {
      const std::size_t last = std::min(first + kChunk, tables.size());
      std::vector<Value> names(tables.begin() + static_cast<std::ptrdiff_t>(first),
                               tables.begin() + static_cast<std::ptrdiff_t>(last));
      for (const auto& row : exec.connection().query_bound(query_for(last - first), names))
        if (!row.empty() && row[0]) empty.insert(*row[0]);
    }
  } catch (const DatabaseError&) {
    return {};  // every table is counted, as without this
  }
  return empty;
}

}  // namespace sdm::runtime
