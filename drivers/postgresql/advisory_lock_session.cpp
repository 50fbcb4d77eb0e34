#include "advisory_lock_session.hpp"

#include <libpq-fe.h>

#include <string>
#include <vector>

#include "libpq_calls.hpp"
#include "libpq_connect.hpp"
#include "sdm/error.hpp"

namespace sdm::postgresql {
namespace {

std::string cell(const Rows& rows, std::size_t column) {
  return !rows.empty() && column < rows[0].size() && rows[0][column] ? *rows[0][column] : "";
}

std::vector<std::string> lock_arguments(const AdvisoryLockKey& key) {
  return {std::to_string(key.database), std::to_string(key.name)};
}

}  // namespace

AdvisoryLockSession::AdvisoryLockSession(const ConnectionOptions& options)
    : wait_ms_(options.limits.client_wait_ms()) {
  try {
    connection_ = open_connection(options);
  } catch (const Error& e) {
    throw Error(std::string("cannot open the lock session: ") + e.what());
  }
  silence_notices(connection_);
  if (wait_ms_ > 0) PQsetnonblocking(connection_, 1);
  database_ = PQdb(connection_);
}

AdvisoryLockSession::~AdvisoryLockSession() {
  // Closing alone would release the locks too, but only once the server has noticed; releasing
  // them first lets the next runner in at once.
  if (!held_.empty()) {
    try {
      run_query(link(), "SELECT pg_catalog.pg_advisory_unlock_all()");
    } catch (...) {
      // The server releases them when the session ends.
    }
  }
  PQfinish(connection_);
}

AdvisoryLockKey AdvisoryLockSession::key_for(const std::string& key) const {
  return advisory_lock_key(database_, key);
}

bool AdvisoryLockSession::try_lock(const std::string& key) {
  if (held_.count(key) != 0) return true;
  const AdvisoryLockKey lock = key_for(key);
  try {
    const Rows rows = run_query(
        link(), "SELECT pg_catalog.pg_try_advisory_lock($1::int4, $2::int4)", lock_arguments(lock));
    if (cell(rows, 0) != "t") return false;
  } catch (const Error& e) {
    throw Error(std::string("cannot take the PostgreSQL advisory lock: ") + e.what());
  }
  held_.emplace(key, lock);
  return true;
}

void AdvisoryLockSession::unlock(const std::string& key) {
  auto held = held_.find(key);
  if (held == held_.end()) return;
  try {
    run_query(link(), "SELECT pg_catalog.pg_advisory_unlock($1::int4, $2::int4)",
              lock_arguments(held->second));
  } catch (const Error& e) {
    throw Error(std::string("cannot release the PostgreSQL advisory lock: ") + e.what());
  }
  held_.erase(held);
}

std::string AdvisoryLockSession::holder(const std::string& key) {
  const AdvisoryLockKey lock = key_for(key);
  // Another role's session shows only its pid unless we may read all statistics.
  static const char* const kHolderQuery =
      "SELECT l.pid, a.application_name, a.usename, host(a.client_addr), a.client_port, "
      "date_trunc('second', a.state_change)::text "
      "FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
      "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
      "AND l.database = (SELECT oid FROM pg_catalog.pg_database "
      "WHERE datname = pg_catalog.current_database()) "
      "AND l.classid = $1::oid AND l.objid = $2::oid";
  Rows rows;
  try {
    rows = run_query(link(), kHolderQuery,
                     {std::to_string(as_oid(lock.database)), std::to_string(as_oid(lock.name))});
  } catch (const Error& e) {
    throw Error(std::string("cannot read who holds the PostgreSQL advisory lock: ") + e.what());
  }
  if (rows.empty()) return "";
  const std::string pid = cell(rows, 0), application = cell(rows, 1), user = cell(rows, 2),
                    address = cell(rows, 3), port = cell(rows, 4), since = cell(rows, 5);
  std::vector<std::string> details;
  if (!application.empty()) details.push_back(application);
  if (!user.empty()) details.push_back("user " + user);
  if (!address.empty())
    details.push_back("from " + address + (port.empty() || port == "-1" ? "" : ":" + port));
  else if (port == "-1")
    details.push_back("over a local socket");
  std::string text = "PostgreSQL session pid " + pid;
  if (!details.empty()) {
    text += " (";
    for (std::size_t i = 0; i < details.size(); ++i)
      text += (i == 0 ? "" : ", ") + details[i];
    text += ")";
  }
  if (!since.empty()) text += " holding it since " + since;
  return text;
}

}  // namespace sdm::postgresql
