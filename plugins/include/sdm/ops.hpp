// Schema operations as data. A revision's upgrade()/downgrade() only records these; the host
// renders them through a dialect, runs them online or prints them as an offline script.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "sdm/schema.hpp"

namespace sdm {

namespace abi {
class CodeStep;
}

/// CREATE TABLE
struct CreateTable {
  Table table;
};

/// DROP TABLE
struct DropTable {
  std::string table;
};

/// ALTER TABLE ... ADD COLUMN
struct AddColumn {
  std::string table;
  Column column;
};

/// ALTER TABLE ... DROP COLUMN
struct DropColumn {
  std::string table;
  std::string column;
};

/// A server default to set, or std::nullopt to drop it.
using DefaultChange = std::optional<std::string>;

/// Changes one column: type, nullability, server default and/or name. Unset fields stay.
struct AlterColumn {
  std::string table;
  std::string column;
  std::optional<Type> type;
  std::optional<bool> nullable;
  std::optional<DefaultChange> server_default;
  std::optional<std::string> new_name;
};

/// ALTER TABLE ... RENAME TO
struct RenameTable {
  std::string table;
  std::string new_name;
};

/// CREATE [UNIQUE] INDEX
struct CreateIndex {
  Index index;
};

/// DROP INDEX
struct DropIndex {
  std::string name;
  std::string table;
};

/// ALTER TABLE ... ADD CONSTRAINT (primary key, unique, foreign key or check)
struct AddConstraint {
  std::string table;
  Constraint constraint;
};

/// ALTER TABLE ... DROP CONSTRAINT
struct DropConstraint {
  std::string table;
  std::string name;
  ConstraintKind kind = ConstraintKind::Unique;
};

struct DeclaredChanges;

/// Literal SQL. Each entry is (dialect, sql); the dialect "" applies to every dialect that has
/// no entry of its own.
struct Execute {
  std::vector<std::pair<std::string, std::string>> sql;
  /// The schema change the SQL makes, as ops the host's schema model applies without rendering
  /// them (Operations::execute(...).changes(...)); nullptr when the SQL declares none.
  std::shared_ptr<const DeclaredChanges> declared = nullptr;
};

/// A literal value for BulkInsert: NULL, integer, real, boolean or text.
using Value = std::variant<std::monostate, std::int64_t, double, bool, std::string>;

/// INSERT of literal rows, rendered with literal values so offline scripts run as-is.
struct BulkInsert {
  std::string table;
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

/// C++ run at this point with a session on the database (Operations::run; sdm/session.hpp).
struct RunCode {
  std::string name;  ///< what the step does, for the log and for errors
  std::shared_ptr<const abi::CodeStep> step;
  /// What `--sql` writes in its place, as Execute's list; empty when a script cannot hold the
  /// step (then `--sql` over the revision is refused).
  std::vector<std::pair<std::string, std::string>> offline_sql;
};

/// Every operation a revision can record.
using Op = std::variant<CreateTable, DropTable, AddColumn, DropColumn, AlterColumn, RenameTable,
                        CreateIndex, DropIndex, AddConstraint, DropConstraint, Execute, BulkInsert,
                        RunCode>;

/// What an Execute declares it changes (see Execute::declared).
struct DeclaredChanges {
  std::vector<Op> ops;
};

/// A short human name of an op, e.g. "add_column clusters.rollback_info".
std::string describe(const Op& op);

}  // namespace sdm

#include "sdm/detail/describe_op.hpp"
