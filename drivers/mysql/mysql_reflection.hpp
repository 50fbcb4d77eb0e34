// Reads tables from the server's information_schema.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mysql_session.hpp"
#include "sdm/schema.hpp"

namespace sdm::mysql {

/// The base tables of the session's current database, in byte order.
std::vector<std::string> mysql_table_names(MysqlSession& session);

/// The table as the server stores it, or nullopt when the current database has no such table.
/// Columns come in order with their COLUMN_TYPE as the server reports it (Raw, e.g.
/// "varchar(36)", "tinyint(1)"); the primary key is unnamed (MySQL calls every one PRIMARY);
/// foreign keys keep their names and actions (RESTRICT, MySQL's default, reads as none);
/// indexes are those no unique or primary key owns, including the ones InnoDB adds for
/// foreign keys; options are mysql_engine and mysql_charset.
std::optional<Table> reflect_mysql_table(MysqlSession& session, const std::string& name);

}  // namespace sdm::mysql
