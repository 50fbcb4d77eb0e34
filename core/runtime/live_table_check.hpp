// Online, the tables the revisions describe are taken from the revisions, and compared with
// the live table only when a dialect needs a table's whole definition to render an op (a
// SQLite rebuild, a MySQL MODIFY): a restated table must never drop a column or an index that
// is really there, nor narrow a column, drop its default or its NOT NULL. Ops that only name a
// table (DROP TABLE, ADD COLUMN, CREATE INDEX on PostgreSQL) read no catalog at all, so a long
// downgrade costs its DDL and nothing per table.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "runtime/connection_handle.hpp"
#include "runtime/dialect_handle.hpp"
#include "schema/schema_model.hpp"

namespace sdm::runtime {

class LiveTableCheck {
 public:
  explicit LiveTableCheck(ConnectionHandle& connection) : connection_(connection) {}

  /// `name` came from the revisions' description, not from the database: check it against
  /// the live table before a dialect relies on its definition.
  void expect(const std::string& name) { unchecked_.insert(name); }

  /// The statements for `op`, rendered against `model`. When the dialect reads the definition
  /// of a table not checked yet, the live table is read: its columns must be the model's
  /// (DatabaseError otherwise) and indexes added by hand are kept in what the dialect sees.
  std::vector<std::string> render(const DialectHandle& dialect, const Op& op,
                                  const schema::SchemaModel& model);

  /// What the checks found since the last call: live columns whose type, nullability or
  /// default differ from the revisions' description (statements that restate them keep the
  /// database's definition), one sentence each, for the log.
  std::vector<std::string> take_notes() { return std::exchange(notes_, {}); }

 private:
  class Lookup;
  void check(const std::string& name, const Table& modelled, const DialectHandle& dialect);

  ConnectionHandle& connection_;
  std::set<std::string> unchecked_;
  /// Per table, the live indexes the revisions do not know.
  std::map<std::string, std::vector<Index>> extra_indexes_;
  /// Per table, live columns whose definition differs from the model's, as the database has
  /// them: what a restated column must keep.
  std::map<std::string, std::vector<Column>> live_columns_;
  /// Per table, live unique constraints and foreign keys the revisions do not know.
  std::map<std::string, std::vector<Constraint>> extra_constraints_;
  std::vector<std::string> notes_;
};

}  // namespace sdm::runtime
