// What check and revision --autogenerate share: the declared model against the live database,
// which must be at head.
#pragma once

#include <string>
#include <vector>

#include "cli/app_context.hpp"
#include "schema/declared_schema.hpp"
#include "schema/schema_diff.hpp"

namespace sdm::cli {

struct ModelComparison {
  std::string model_path;
  schema::ComparisonDialect dialect;
  std::vector<schema::SchemaChange> changes;  ///< diff_schemas(model, live), ignore list applied
  /// What the model declares but the comparison cannot judge (check constraints of tables
  /// the database has: every database rewrites their expressions), one sentence each.
  std::vector<std::string> not_compared;
};

/// The comparison dialect of the connected database's driver.
schema::ComparisonDialect comparison_dialect(const runtime::DialectHandle& dialect);

/// The version table's rows.
std::vector<std::string> version_rows(runtime::ConnectionHandle& connection,
                                      const runtime::DialectHandle& dialect);

/// Loads the model, refuses a database that is not at head ("Target database is not up to
/// date.", as Alembic), reflects the database and diffs. Reads only.
ModelComparison compare_with_model(AppContext& context);

}  // namespace sdm::cli
