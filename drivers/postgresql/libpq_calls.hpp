// The libpq calls the driver makes itself, beside Poco's session: queries whose values come
// back exactly as PostgreSQL writes them, strings of several statements, server messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sdm/connection.hpp"

struct pg_conn;  // libpq's PGconn

namespace sdm::postgresql {

/// A libpq connection and how long to wait for each answer of the server.
struct Link {
  pg_conn* connection = nullptr;
  /// Milliseconds; 0 waits as long as it takes. A stopped server answers nothing, so this
  /// is the only bound that holds then: past it the call fails with ErrorKind::ConnectionLost
  /// and the connection must not be used again.
  int wait_ms = 0;
};

/// Runs one statement (extended protocol, `parameters` bound as $1, $2, ... in text) and
/// returns its rows, every value as PostgreSQL's text form. Throws sdm::Error with the server's
/// message and the kind of a timeout or lost connection.
Rows run_query(Link link, const std::string& sql, const std::vector<std::string>& parameters = {});

/// As run_query, with parameters that may be NULL (std::nullopt); `changed` (when given) gets
/// the rows the statement changed.
Rows run_with_parameters(Link link, const std::string& sql,
                         const std::vector<std::optional<std::string>>& parameters,
                         std::int64_t* changed);

/// Runs a string of any number of statements (simple protocol, as psql does); returns the sum
/// of the rows they changed. Throws sdm::Error with the first failure's message.
std::int64_t run_script(Link link, const std::string& sql);

/// libpq's multi-line error text ("ERROR:  msg\nDETAIL:  ...\nLINE 1: ...\n    ^") as one
/// line: the message, then DETAIL and HINT in parentheses; the position lines are dropped.
std::string one_line_error(const std::string& libpq_message);

/// The connection's last error as one line, or "" when there is none.
std::string last_error(pg_conn* connection);

/// Drops NOTICE and WARNING messages, which libpq would print on stderr.
void silence_notices(pg_conn* connection);

}  // namespace sdm::postgresql
