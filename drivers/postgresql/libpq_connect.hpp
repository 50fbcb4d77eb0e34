// Opening a libpq connection from a URL's connection options. Keyword/value arrays need no
// quoting, so every value (spaces, quotes, a password) reaches libpq exactly as the URL gave it.
#pragma once

#include "postgresql/connection_options.hpp"

struct pg_conn;  // libpq's PGconn

namespace sdm::postgresql {

/// Connects with `options` and their password; returns the open connection, which the caller
/// PQfinish()es. Throws sdm::Error with libpq's message on one line, the password taken out.
pg_conn* open_connection(const ConnectionOptions& options);

}  // namespace sdm::postgresql
