#include "postgresql_connection.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "advisory_lock_session.hpp"
#include "libpq_calls.hpp"
#include "libpq_connect.hpp"
#include "postgresql/host_list.hpp"
#include "postgresql/server_role.hpp"
#include "postgresql_reflection.hpp"
#include "sdm/error.hpp"
#include "sdm/placeholders.hpp"
#include "sdm/secret.hpp"

namespace sdm::postgresql {
namespace {

/// With several servers listed, says that none would do and why each did not, one after the
/// other; libpq's message alone runs them together.
std::string connect_failure(const ConnectionOptions& options, std::string message) {
  const std::string* host = options.parameter("host");
  if (host == nullptr || host->find(',') == std::string::npos) return message;
  const std::string* port = options.parameter("port");
  const std::vector<std::string> listed = listed_servers(*host, port ? *port : "");
  std::string servers;
  for (const auto& server : listed)
    servers += (servers.empty() ? "" : ", ") + server;
  const std::string each = "connection to server at";
  std::size_t tried = message.rfind(each, 0) == 0 ? 1 : 0;
  for (auto at = message.find(" " + each); at != std::string::npos;
       at = message.find(" " + each, at + 2)) {
    message.replace(at, 1, "; ");
    ++tried;
  }
  // libpq tries no further server after one that refused the login (a wrong password, a
  // database it does not have): the others were never asked what they are.
  if (tried < listed.size() && message.find("failed: FATAL:") != std::string::npos &&
      message.find("could not translate host name") == std::string::npos) {
    return "libpq stopped after " + std::to_string(tried) + " of the " +
           std::to_string(listed.size()) + " listed PostgreSQL servers (" + servers +
           "), since it tries no further server after one refuses the login: " + message +
           "; correct the user, password or database name in the URL (a standby refuses a "
           "database it has not replayed yet)";
  }
  const std::string* wanted = options.parameter("target_session_attrs");
  const std::string kind = wanted == nullptr || *wanted == "any" ? "reachable"
                           : *wanted == "primary"                ? "a primary"
                           : *wanted == "read-write"             ? "accepting writes"
                                                                 : "a " + *wanted + " server";
  return "none of the listed PostgreSQL servers (" + servers + ") is " + kind + ": " + message +
         "; start or promote the primary, or correct the host list in the URL";
}

}  // namespace

PostgresqlConnection::PostgresqlConnection(ConnectionOptions options)
    : options_(std::move(options)) {
  try {
    connection_ = open_connection(options_);
  } catch (const Error& e) {
    throw Error(connect_failure(options_, e.what()));
  }
  silence_notices(handle());
  // With several servers listed, the run lock must be taken on the one the migration runs on.
  if (const std::string* host = options_.parameter("host");
      host != nullptr && host->find(',') != std::string::npos) {
    options_.set("host", PQhost(handle()));
    options_.set("port", PQport(handle()));
    if (options_.parameter("hostaddr")) options_.set("hostaddr", PQhostaddr(handle()));
  }
  apply_limits();
}

void PostgresqlConnection::apply_limits() {
  const SessionLimits& limits = options_.limits;
  wait_ms_ = limits.client_wait_ms();
  // Sending must not block on a server that stopped reading either.
  if (wait_ms_ > 0 && PQsetnonblocking(handle(), 1) != 0)
    throw Error("cannot switch the PostgreSQL connection to non-blocking mode: " +
                last_error(handle()));
  std::string settings;
  if (limits.statement_timeout_ms > 0)
    settings += "SET statement_timeout = " + std::to_string(limits.statement_timeout_ms) + ";";
  // DDL queued behind another transaction's lock would block every later query on the table.
  if (limits.lock_wait_timeout_ms > 0)
    settings += "SET lock_timeout = " + std::to_string(limits.lock_wait_timeout_ms) + ";";
  if (settings.empty()) return;
  try {
    run_script(link(), settings);
  } catch (const Error& e) {
    throw Error(std::string("cannot set the PostgreSQL session's timeouts: ") + e.what(), e.kind());
  }
}

PostgresqlConnection::~PostgresqlConnection() {
  if (lost_ && lock_session_) lock_session_->abandon();
  lock_session_.reset();
  PQfinish(connection_);
}

template <class Call>
auto PostgresqlConnection::watched(Call&& call) -> decltype(call()) {
  try {
    return call();
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::ConnectionLost) lost_ = true;
    throw;
  }
}

std::int64_t PostgresqlConnection::execute(const std::string& sql) {
  // The simple query protocol: one round trip a statement, where a prepared statement takes
  // three (parse and bind, execute, deallocate). A migration is mostly round trips.
  try {
    return watched([&] { return run_script(link(), sql); });
  } catch (const Error& e) {
    throw Error(std::string("PostgreSQL statement failed: ") + e.what(), e.kind());
  }
}

// Values come as PostgreSQL's text, as it writes them (NUMERIC not through double, timestamps
// not through a client-side type).
Rows PostgresqlConnection::query(const std::string& sql) {
  try {
    return watched([&] { return run_query(link(), sql); });
  } catch (const Error& e) {
    throw Error(std::string("PostgreSQL query failed: ") + e.what(), e.kind());
  }
}

namespace {

/// A statement with PostgreSQL's $1, $2, ... and the values bound to them, as text.
struct NumberedStatement {
  std::string text;
  std::vector<std::optional<std::string>> parameters;
};

/// `?` placeholders as PostgreSQL's $1, $2, ..., and the values as its text forms.
NumberedStatement numbered(const std::string& sql, const std::vector<Value>& values) {
  const std::vector<std::string> pieces = split_at_placeholders(sql);
  check_placeholder_count(pieces, values.size());
  std::string text = pieces.front();
  for (std::size_t i = 1; i < pieces.size(); ++i)
    text += "$" + std::to_string(i) + pieces[i];
  std::vector<std::optional<std::string>> parameters;
  for (const auto& value : values) {
    if (const auto* s = std::get_if<std::string>(&value)) {
      parameters.emplace_back(*s);
    } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
      parameters.emplace_back(std::to_string(*i));
    } else if (const auto* d = std::get_if<double>(&value)) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", *d);
      parameters.emplace_back(buffer);
    } else if (const auto* b = std::get_if<bool>(&value)) {
      parameters.emplace_back(*b ? "true" : "false");
    } else {
      parameters.emplace_back(std::nullopt);
    }
  }
  return {text, parameters};
}

}  // namespace

std::int64_t PostgresqlConnection::execute_bound(const std::string& sql,
                                                 const std::vector<Value>& values) {
  try {
    const NumberedStatement statement = numbered(sql, values);
    std::int64_t changed = -1;
    watched([&] {
      return run_with_parameters(link(), statement.text, statement.parameters, &changed);
    });
    return changed;
  } catch (const Error& e) {
    throw Error(std::string("PostgreSQL statement failed: ") + e.what(), e.kind());
  }
}

Rows PostgresqlConnection::query_bound(const std::string& sql, const std::vector<Value>& values) {
  try {
    const NumberedStatement statement = numbered(sql, values);
    return watched(
        [&] { return run_with_parameters(link(), statement.text, statement.parameters, nullptr); });
  } catch (const Error& e) {
    throw Error(std::string("PostgreSQL query failed: ") + e.what(), e.kind());
  }
}

// Transactions go through the same bounded calls as statements, so a stopped server cannot
// keep them waiting forever.
void PostgresqlConnection::begin() {
  const PGTransactionStatusType status = PQtransactionStatus(handle());
  if (status == PQTRANS_UNKNOWN)
    throw Error("cannot begin a PostgreSQL transaction: the connection is lost (" +
                    last_error(handle()) + ")",
                ErrorKind::ConnectionLost);
  if (status != PQTRANS_IDLE)
    throw Error("cannot begin a PostgreSQL transaction: one is already open");
  transaction_statement("BEGIN");
}

void PostgresqlConnection::commit() {
  // COMMIT of a failed transaction rolls it back without an error; say so instead.
  if (PQtransactionStatus(handle()) == PQTRANS_INERROR) {
    try {
      transaction_statement("ROLLBACK");
    } catch (const Error&) {
      // Reported below either way.
    }
    throw Error(
        "cannot commit: a statement in the PostgreSQL transaction failed, so it was rolled back");
  }
  transaction_statement("COMMIT");
}

void PostgresqlConnection::rollback() {
  transaction_statement("ROLLBACK");
}

void PostgresqlConnection::transaction_statement(const char* statement) {
  try {
    watched([&] { return run_script(link(), statement); });
  } catch (const Error& e) {
    throw Error(std::string("PostgreSQL ") + statement + " failed: " + e.what(), e.kind());
  }
}

AdvisoryLockSession& PostgresqlConnection::lock_session() {
  if (!lock_session_) lock_session_ = std::make_unique<AdvisoryLockSession>(options_);
  return *lock_session_;
}

bool PostgresqlConnection::try_lock(const std::string& key) {
  return lock_session().try_lock(key);
}

void PostgresqlConnection::unlock(const std::string& key) {
  // With the server gone or not answering, asking it would only wait; the lock ends with the
  // lock session, which closes with this connection.
  if (lock_session_ && !lost_) lock_session_->unlock(key);
}

std::string PostgresqlConnection::lock_holder(const std::string& key) {
  return lock_session().holder(key);
}

std::vector<std::string> PostgresqlConnection::table_names() {
  try {
    return watched([&] { return current_schema_tables(link()); });
  } catch (const Error& e) {
    throw Error(std::string("cannot list the PostgreSQL tables: ") + e.what(), e.kind());
  }
}

std::optional<Table> PostgresqlConnection::reflect_table(const std::string& name) {
  try {
    return watched([&] { return reflect_postgresql_table(link(), name); });
  } catch (const Error& e) {
    throw Error("cannot read the definition of table " + name + ": " + e.what(), e.kind());
  }
}

std::vector<HealthFinding> PostgresqlConnection::check_health(Access access) {
  return watched([&] { return server_role_findings(link(), access); });
}

}  // namespace sdm::postgresql
