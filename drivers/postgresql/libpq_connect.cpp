#include "libpq_connect.hpp"

#include <libpq-fe.h>

#include <vector>

#include "libpq_calls.hpp"
#include "sdm/error.hpp"
#include "sdm/secret.hpp"

namespace sdm::postgresql {

pg_conn* open_connection(const ConnectionOptions& options) {
  std::vector<const char*> keywords, values;
  for (const auto& [keyword, value] : options.parameters) {
    keywords.push_back(keyword.c_str());
    values.push_back(value.c_str());
  }
  if (options.password) {
    keywords.push_back("password");
    values.push_back(options.password->c_str());
  }
  keywords.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* connection = PQconnectdbParams(keywords.data(), values.data(), 0);
  if (connection == nullptr) throw Error("out of memory");
  if (PQstatus(connection) != CONNECTION_OK) {
    const std::string message = one_line_error(PQerrorMessage(connection));
    PQfinish(connection);
    throw Error(without_secret(message, options.password.value_or("")));
  }
  return connection;
}

}  // namespace sdm::postgresql
