// Online, the tables the revisions describe are taken from the revisions, and compared with
// the live table only when a dialect needs a table's whole definition to render an op (a
// SQLite rebuild, a MySQL MODIFY): a restated table must never drop a column or an index that
// is really there. Ops that only name a table (DROP TABLE, ADD COLUMN, CREATE INDEX on
// PostgreSQL) read no catalog at all, so a long downgrade costs its DDL and nothing per table.
#pragma once

#include <map>
#include <set>
#include <string>
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

 private:
  class Lookup;
  void check(const std::string& name, const Table& modelled);

  ConnectionHandle& connection_;
  std::set<std::string> unchecked_;
  /// Per table, the live indexes the revisions do not know.
  std::map<std::string, std::vector<Index>> extra_indexes_;
};

}  // namespace sdm::runtime
