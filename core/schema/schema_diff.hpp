// What separates the database from the schema it should have, as data: `check` and `drift`
// print it, autogenerate turns it into ops. Types and defaults are compared after the
// normalization rules (type_normalization, default_normalization).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sdm/schema.hpp"

namespace sdm::schema {

/// How the connected database writes types: its dialect's name and type rendering.
struct ComparisonDialect {
  std::string name;
  std::function<std::string(const Type&)> render_type;

  /// The type as the database writes it; the SDK name when the dialect cannot render it.
  std::string type_text(const Type& type) const;
};

/// One difference. "Added" is what the target has and the database lacks (what an upgrade
/// would add), "removed" what the database has and the target lacks.
enum class ChangeKind {
  AddedTable,
  RemovedTable,
  AddedColumn,
  RemovedColumn,
  TypeChanged,
  NullableChanged,
  DefaultChanged,
  PrimaryKeyChanged,
  AutoincrementChanged,  ///< the column the database numbers on insert differs (value: its name)
  AddedUnique,
  RemovedUnique,
  AddedIndex,
  RemovedIndex,
  AddedForeignKey,
  RemovedForeignKey,
  ForeignKeyActionsChanged,
  OptionChanged,
};

struct SchemaChange {
  ChangeKind kind = ChangeKind::AddedTable;
  std::string table;
  std::optional<Table> whole_table;     ///< added or removed table
  std::optional<Column> target_column;  ///< as the target has it
  std::optional<Column> live_column;    ///< as the database has it
  std::optional<Index> index;
  std::optional<Constraint> target_constraint;
  std::optional<Constraint> live_constraint;
  std::string option;  ///< OptionChanged: the option's name
  std::string target_value, live_value;
};

/// Every difference between `target` and `live`, tables in name order and, within a table,
/// columns, keys, indexes, foreign keys and options. Check constraints are not compared: the
/// databases rewrite their expressions. Table options are compared only for keys of the
/// connected dialect (`mysql_*` on MySQL) that the target declares.
std::vector<SchemaChange> diff_schemas(const Schema& target, const Schema& live,
                                       const ComparisonDialect& dialect);

/// The change in Alembic's autogenerate wording ("Detected added column 'clusters.note'"),
/// one line or two (a foreign key whose actions changed is removed and added again).
std::vector<std::string> alembic_wording(const SchemaChange& change,
                                         const ComparisonDialect& dialect);

/// The change from the database's side, for `drift` ("column 'clusters.note' is not in the
/// revisions").
std::string drift_wording(const SchemaChange& change, const ComparisonDialect& dialect);

}  // namespace sdm::schema
