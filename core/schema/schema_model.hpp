// The schema as the ops say it is: tables replayed op by op. It gives the SQLite rebuild the
// definition it needs, derives downgrades, and tells what the database should look like.
#pragma once

#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "schema/reversal.hpp"
#include "sdm/dialect.hpp"
#include "sdm/ops.hpp"
#include "sdm/schema.hpp"

namespace sdm::schema {

/// The tables an op reads or changes (none for literal SQL, whose tables are not known).
std::vector<std::string> tables_touched(const Op& op);

/// Finds a table the model has not seen yet: online the runtime reflects the live table,
/// offline it replays the ancestors' ops. std::nullopt when there is no such table.
using TableLoader = std::function<std::optional<Table>(const std::string& name)>;

/// Tables replayed from ops. Ops on tables it does not know are tolerated (there is nothing to
/// update); an op that contradicts a table it knows throws SchemaConflictError.
class SchemaModel : public SchemaLookup {
 public:
  explicit SchemaModel(TableLoader loader = {});
  explicit SchemaModel(Schema tables, TableLoader loader = {});

  /// The table as it stands now. The loader is asked once for a table the model does not
  /// know; if it fails, the next prepare(), apply() or reverse() rethrows its error.
  const Table* table(const std::string& name) const noexcept override;

  /// Asks the loader now about every table `op` touches. Online, call it before running the
  /// op, so the live database is read as it was before the op.
  void prepare(const Op& op);

  /// Records the op's effect on the tables.
  void apply(const Op& op);
  /// Records each op in order.
  void apply(const std::vector<Op>& ops);

  /// The ops that undo `op`, computed against the tables as they stand (before `op`).
  /// Throws IrreversibleOpError when it cannot be undone.
  Reversal reverse(const Op& op) const;
  /// The ops that undo a sequence (a revision's upgrade), its last op undone first.
  Reversal reverse(const std::vector<Op>& ops) const;

  /// Every table the model knows.
  const Schema& tables() const noexcept { return tables_; }

  /// Online: reads a table raw SQL changed without declaring how (an `execute` without
  /// `.changes(...)`), from the live database, when an op next needs it. Offline there is
  /// none, and such an op is refused with the fix.
  void set_live_loader(TableLoader loader) { live_loader_ = std::move(loader); }
  /// Whether raw SQL changed `name` in a way the model does not know (and no live read since).
  bool unknown(const std::string& name) const { return unknown_.count(name) > 0; }
  /// Every table raw SQL changed without declaring how (and not read since).
  const std::set<std::string>& unknown_tables() const { return unknown_; }
  /// Tables the loader's source (a replay) knows raw SQL changed without declaring how: a
  /// name the loader does not find is treated as such a table when this says so.
  void set_unknown_probe(std::function<bool(const std::string&)> probe) {
    unknown_probe_ = std::move(probe);
  }

 private:
  struct Applier;

  /// The table, asking the loader if this is the first time the name comes up.
  Table* load(const std::string& name) const;
  /// Stores a table a loader found under `name` (nullptr when it found none).
  Table* keep(const std::string& name, std::optional<Table> found) const;
  /// The ops have decided about `name`: the loader must not be asked about it any more.
  void settle(const std::string& name) { settled_.insert(name); }
  void rethrow_loader_failure() const;
  /// Index names are per schema: the index called `name` and its table, found through
  /// index_owners_ rather than by looking through every table (which made a long history
  /// quadratic).
  const Index* find_index(const std::string& name, std::string* owner) const;
  void note_indexes(const Table& table) const;
  /// Raw SQL changed `name` without saying how: drop what the model knew of it.
  void forget(const std::string& name);

  mutable Schema tables_;
  mutable std::set<std::string> settled_;
  /// Index name -> the table that had it when noted; every index of tables_ is in it (entries
  /// for indexes since gone are dropped when found stale).
  mutable std::map<std::string, std::string> index_owners_;
  mutable std::exception_ptr loader_failure_;
  TableLoader loader_;
  TableLoader live_loader_;
  std::function<bool(const std::string&)> unknown_probe_;
  /// Tables raw SQL changed without declaring how, not read from the database since.
  mutable std::set<std::string> unknown_;
};

}  // namespace sdm::schema
