// Database URLs in SQLAlchemy's form, as written in sahara.conf's `[database] connection`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <sdm/url.hpp>

namespace sdm::config {

/// Parses `dialect[+driver]://[user[:password]@][host|[ipv6]][:port][/database][?query]` with
/// SQLAlchemy 1.4's rules: user and password percent-decoded, query parameters decoded (`+`
/// is a space, blank values dropped) and kept in order, the database path kept as written.
/// SQLite: `sqlite:///rel.db`, `sqlite:////abs.db`; `sqlite://` and `sqlite:///:memory:` give
/// an empty database (in memory). Throws sdm::ConfigError, whose message never holds the
/// password nor any part of the URL that might be one.
sdm::Url parse_database_url(std::string_view text);

/// The URL for display, as SQLAlchemy's `render_as_string(hide_password=True)` writes it: the
/// password is `***`, query parameters are sorted by name and encoded. Unlike SQLAlchemy, the
/// value of every secret parameter (`?password=`, those in `secret_parameters`, see
/// sdm::is_secret_parameter) is `***` too.
std::string redacted(const sdm::Url& url, const std::vector<std::string>& secret_parameters = {});

}  // namespace sdm::config
