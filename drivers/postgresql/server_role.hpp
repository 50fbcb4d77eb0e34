// Whether the PostgreSQL server a session reached can take a migration: a hot standby (or a
// server set to read-only) cannot, and says so before anything is written.
#pragma once

#include <string>
#include <vector>

#include "libpq_calls.hpp"
#include "sdm/connection.hpp"

struct pg_conn;  // libpq's PGconn

namespace sdm::postgresql {

/// "127.0.0.1:5433", or the socket folder and port, of the server the session reached.
std::string server_address(pg_conn* connection);

/// For a command that writes, a refusal when the server is a read-only standby or accepts
/// only read-only transactions; for one that reads, a warning that a standby may lag behind.
std::vector<HealthFinding> server_role_findings(Link link, Access access);

}  // namespace sdm::postgresql
