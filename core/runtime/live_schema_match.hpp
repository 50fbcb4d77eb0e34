// Whether a live table is the one the revisions describe: what settles an op whose outcome a
// crash left unknown (does the database look as before the op, or as after it?), and what
// names a hand change exactly. Types are compared as the database reports them against the
// dialect's rendering of the modelled type, both folded to one spelling (int(11) = INTEGER,
// tinyint(1) = BOOL, decimal = NUMERIC, ...); defaults likewise (0 = false).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/dialect_handle.hpp"
#include "sdm/schema.hpp"

namespace sdm::runtime {

/// The ways the live table differs from `expected` (nullptr: the table should not exist),
/// each a short phrase naming the table and what differs; empty when they match.
std::vector<std::string> table_differences(const Table* expected, const std::optional<Table>& live,
                                           const DialectHandle& dialect);

/// A type name folded to one spelling (lower case, no spaces, synonyms and integer display
/// widths removed).
std::string folded_type(const std::string& type_name);

/// A server default folded to one spelling (false = 0, quoted numbers bare, now() =
/// current_timestamp), or "" for none.
std::string folded_default(const std::optional<std::string>& expression);

}  // namespace sdm::runtime
