// Helpers the dialect suites share: an empty schema, an ALTER COLUMN op, rendered statements
// compared one by one.
#pragma once

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "schema/schema_model.hpp"
#include "sdm/operations.hpp"

namespace sdm::test {

/// A schema without tables, for ops that need none.
inline const schema::SchemaModel no_tables;

/// ALTER COLUMN of `table`.`column` with nothing changed yet.
inline AlterColumn alter(const std::string& table, const std::string& column) {
  AlterColumn op;
  op.table = table;
  op.column = column;
  return op;
}

/// The rendered statements equal the expected ones, in order.
inline void check_statements(const std::vector<std::string>& rendered,
                             const std::vector<std::string>& expected) {
  REQUIRE(rendered.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(rendered[i] == expected[i]);
  }
}

}  // namespace sdm::test
