#include "postgresql/server_role.hpp"

#include <libpq-fe.h>

#include "libpq_calls.hpp"
#include "sdm/error.hpp"

namespace sdm::postgresql {

std::string server_address(pg_conn* connection) {
  const char* host = PQhost(connection);
  const char* port = PQport(connection);
  return std::string(host != nullptr ? host : "?") + ":" + (port != nullptr ? port : "?");
}

std::vector<HealthFinding> server_role_findings(Link link, Access access) {
  Rows rows;
  try {
    rows = run_query(link,
                     "SELECT pg_catalog.pg_is_in_recovery(), "
                     "pg_catalog.current_setting('default_transaction_read_only')");
  } catch (const Error& e) {
    throw Error(std::string("cannot tell whether the PostgreSQL server is a standby: ") + e.what());
  }
  const bool standby = !rows.empty() && rows[0].size() == 2 && rows[0][0] == "t";
  const bool read_only = !rows.empty() && rows[0].size() == 2 && rows[0][1] == "on";
  const std::string server = "PostgreSQL server " + server_address(link.connection);
  if (standby) {
    if (access == Access::Read)
      return {{HealthSeverity::Warning,
               server + " is a read-only standby; it may lag behind the primary, so what it "
                        "reports may be older than the primary's state"}};
    return {{HealthSeverity::Refusal,
             server + " is a read-only standby; point the URL at the primary, or list the hosts "
                      "and set target_session_attrs=primary"}};
  }
  if (read_only && access == Access::Write)
    return {{HealthSeverity::Refusal,
             server + " accepts only read-only transactions (default_transaction_read_only is "
                      "on); point the URL at a server that accepts writes, or list the hosts "
                      "and set target_session_attrs=read-write"}};
  return {};
}

}  // namespace sdm::postgresql
