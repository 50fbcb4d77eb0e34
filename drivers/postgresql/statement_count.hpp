// How many SQL statements a string holds, read as PostgreSQL's lexer reads it.
#pragma once

#include <cstddef>
#include <string_view>

namespace sdm::postgresql {

/// The number of non-empty statements in `sql`: semicolons inside string literals (including
/// E'...' and dollar-quoted ones), quoted identifiers and comments do not separate statements,
/// and a statement of only whitespace and comments does not count.
std::size_t count_statements(std::string_view sql);

}  // namespace sdm::postgresql
