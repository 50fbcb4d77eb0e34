// A database URL in SQLAlchemy form, parsed by the host and handed to a driver.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sdm {

/// `scheme[+driver]://[user[:password]@]host[:port]/database[?key=value&...]`, decoded.
struct Url {
  std::string scheme;    ///< "postgresql", "mysql", "sqlite", or a vendor's scheme
  std::string driver;    ///< the part after '+' ("psycopg2", "pymysql"), or empty
  std::string username;  ///< percent-decoded
  std::string password;  ///< percent-decoded; never print it
  bool has_password = false;
  std::string host;  ///< may be a bracketed IPv6 address without its brackets
  int port = 0;      ///< 0 when not given
  /// The path after the authority, without the leading '/': a database name, or for sqlite a
  /// file path ("rel.db", "/abs/path.db"); empty for an in-memory SQLite database.
  std::string database;
  std::vector<std::pair<std::string, std::string>> query;  ///< decoded, in order

  /// The last value of a query parameter, or nullptr.
  const std::string* param(std::string_view key) const {
    const std::string* found = nullptr;
    for (const auto& [k, v] : query)
      if (k == key) found = &v;
    return found;
  }
};

}  // namespace sdm
