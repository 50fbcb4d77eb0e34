// Reads a table's live definition from SQLite's catalog (PRAGMA table_info and friends).
#pragma once

#include <optional>
#include <string>

#include "sdm/connection.hpp"

namespace sdm::sqlite {

/// The table as SQLite stores it, or nullopt when it does not exist. Types come back as
/// declared (Raw); constraint names SQLite does not keep are empty.
std::optional<Table> reflect_sqlite_table(Connection& connection, const std::string& name);

}  // namespace sdm::sqlite
