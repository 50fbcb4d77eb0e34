#include "libpq_connect.hpp"

#include <libpq-fe.h>

#include <string>
#include <vector>

#include "libpq_calls.hpp"
#include "sdm/error.hpp"
#include "sdm/secret.hpp"

namespace sdm::postgresql {
namespace {

// libpq's connection-string quoting: inside single quotes, a quote or a backslash is escaped.
std::string quoted(const std::string& value) {
  std::string text = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') text += '\\';
    text += c;
  }
  return text + "'";
}

}  // namespace

pg_conn* open_connection(const ConnectionOptions& options) {
  std::vector<const char*> keywords, values;
  for (const auto& [keyword, value] : options.parameters) {
    if (keyword == "dbname") continue;
    keywords.push_back(keyword.c_str());
    values.push_back(value.c_str());
  }
  // An empty value in the arrays counts as none, and libpq would take PGPASSWORD instead of the
  // URL's empty password. psycopg2 passes it as password='', so the database name goes as a
  // connection string that says so (expanded only here, where it is written by us).
  const bool empty_password = options.password && options.password->empty();
  std::string database;
  if (const std::string* name = options.parameter("dbname"))
    database = empty_password ? "dbname=" + quoted(*name) : *name;
  if (empty_password) database += (database.empty() ? "" : " ") + std::string("password=''");
  if (!database.empty()) {
    keywords.push_back("dbname");
    values.push_back(database.c_str());
  }
  if (options.password && !empty_password) {
    keywords.push_back("password");
    values.push_back(options.password->c_str());
  }
  keywords.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* connection = PQconnectdbParams(keywords.data(), values.data(), empty_password ? 1 : 0);
  if (connection == nullptr) throw Error("out of memory");
  if (PQstatus(connection) != CONNECTION_OK) {
    const std::string message = one_line_error(PQerrorMessage(connection));
    PQfinish(connection);
    throw Error(without_secret(message, options.password.value_or("")));
  }
  return connection;
}

}  // namespace sdm::postgresql
