// The ops that turn the database into the declared model, and the ops that undo them, from
// the schema diff: what `revision --autogenerate` writes.
#pragma once

#include <string>
#include <vector>

#include "schema/schema_diff.hpp"
#include "sdm/ops.hpp"

namespace sdm::schema {

struct AutogeneratePlan {
  /// In a dependency-safe order: foreign keys and indexes that go are dropped first, new
  /// tables are created before the foreign keys that refer to them, columns and tables are
  /// dropped last.
  std::vector<Op> upgrade;
  /// The upgrade's ops undone, last first.
  std::vector<Op> downgrade;
  /// What was not turned into an op, and why (a rename that may be meant, a primary key or a
  /// table option that differs, a foreign key without a name to drop it by).
  std::vector<std::string> notes;

  bool empty() const { return upgrade.empty() && notes.empty(); }
};

/// Plans the ops for `changes` (diff_schemas(model, live)). Constraints it creates are named
/// (the model's name, else uq_<table>_<columns> / fk_<table>_<column>_<referred table>), so
/// the downgrade can drop them.
AutogeneratePlan plan_autogenerate(const std::vector<SchemaChange>& changes);

}  // namespace sdm::schema
