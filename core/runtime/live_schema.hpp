// The live database's schema as the comparisons see it: every table but the version table,
// types in SDK names where the reflected name has one, and indexes the database made by itself
// left out.
#pragma once

#include <string>

#include "runtime/connection_handle.hpp"
#include "runtime/dialect_handle.hpp"
#include "sdm/schema.hpp"

namespace sdm::runtime {

/// Reflects every table except `version_table`.
Schema read_live_schema(ConnectionHandle& connection, const DialectHandle& dialect,
                        const std::string& version_table);

/// MySQL creates an index for a foreign key that has none to use, named after the key's
/// constraint or its first column; it is the key's, not the schema's. Removes those.
void drop_implicit_foreign_key_indexes(Table& table);

}  // namespace sdm::runtime
