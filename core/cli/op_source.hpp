// Ops written back as the C++ a revision's upgrade() or downgrade() would record them with,
// for the source `revision --autogenerate` writes.
#pragma once

#include <string>

#include "sdm/ops.hpp"

namespace sdm::cli {

/// One statement (possibly several lines, without indentation of the first), e.g.
/// `op.add_column("clusters", sdm::Column("note", sdm::String(40)));`. Covers the ops
/// autogenerate records: tables, columns, indexes and constraints.
std::string op_source(const Op& op);

}  // namespace sdm::cli
