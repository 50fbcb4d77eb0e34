// Reads a table's live definition from PostgreSQL's catalog (pg_class, pg_attribute,
// pg_constraint, pg_index), in the connection's current schema.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "libpq_calls.hpp"
#include "sdm/schema.hpp"

namespace sdm::postgresql {

/// Names of the ordinary and partitioned tables in the current schema, sorted.
std::vector<std::string> current_schema_tables(Link link);

/// The table as PostgreSQL has it, or nullopt when the current schema has no such table.
/// Column types are PostgreSQL's own spelling (Raw("character varying(36)")), defaults are
/// the stored expressions; constraints come with their names in creation order, indexes that
/// back no constraint are sorted by name.
std::optional<Table> reflect_postgresql_table(Link link, const std::string& name);

}  // namespace sdm::postgresql
