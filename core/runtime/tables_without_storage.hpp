// Before counting rows a downgrade would delete, PostgreSQL can say in one catalog query which
// tables have no storage at all: a heap table whose file is empty holds no rows, committed or
// not. Counting those would cost a plan per table (opening it and each of its indexes in the
// server), which was most of a long downgrade's data-loss check.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "runtime/exec.hpp"

namespace sdm::runtime {

/// Those of `tables` (resolved as an unqualified name is, through the search path) that are
/// ordinary heap tables with no storage, on PostgreSQL 12 and later; empty on other databases,
/// when the server's sizes cannot be trusted (a system catalog reported empty), or when the
/// query fails. An empty answer only means every table is counted.
std::set<std::string> tables_without_storage(Exec& exec, const std::vector<std::string>& tables);

}  // namespace sdm::runtime
