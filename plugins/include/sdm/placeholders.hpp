// `?` placeholders in a statement a code step runs (Session::execute/query): where they are, so
// a driver can bind values in its protocol's own form ($1 on PostgreSQL) or, where the client
// library binds on the client side (as MySQL's Python drivers do), splice escaped literals.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sdm/error.hpp"

namespace sdm {

/// The statement cut at each `?` that is a placeholder: outside quoted strings ('...'),
/// quoted names ("..." and `...`) and comments (-- to the end of the line, /* ... */). A
/// statement with n placeholders gives n + 1 pieces.
inline std::vector<std::string> split_at_placeholders(const std::string& sql) {
  std::vector<std::string> pieces(1);
  std::size_t i = 0;
  auto copy_until = [&](const std::string& end) {
    const std::size_t stop = sql.find(end, i);
    const std::size_t next = stop == std::string::npos ? sql.size() : stop + end.size();
    pieces.back() += sql.substr(i, next - i);
    i = next;
  };
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"' || c == '`') {
      // A doubled quote inside is the quote itself: the scan ends at the closing one either way.
      pieces.back() += c;
      ++i;
      copy_until(std::string(1, c));
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      copy_until("\n");
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      copy_until("*/");
    } else if (c == '?') {
      pieces.emplace_back();
      ++i;
    } else {
      pieces.back() += c;
      ++i;
    }
  }
  return pieces;
}

/// Throws unless the statement has exactly `values` placeholders.
inline void check_placeholder_count(const std::vector<std::string>& pieces, std::size_t values) {
  if (pieces.size() - 1 != values)
    throw Error("the statement has " + std::to_string(pieces.size() - 1) +
                " placeholder(s) (?) but " + std::to_string(values) + " value(s) were given");
}

}  // namespace sdm
