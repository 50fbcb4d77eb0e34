// The pre-run checks a driver offers (a cluster node's health, a read-only standby, ...),
// printed the same way for every driver.
#pragma once

#include <string>

#include "runtime/connection_handle.hpp"
#include "runtime/progress_log.hpp"

namespace sdm::runtime {

/// Asks the driver what it finds before a command that does `access` runs on
/// `target_description`: notes and warnings go to the log; refusals throw DatabaseError
/// (exit 6), naming every one, before anything is changed.
void check_database_health(ConnectionHandle& connection, Access access, ProgressLog& log,
                           const std::string& target_description);

}  // namespace sdm::runtime
