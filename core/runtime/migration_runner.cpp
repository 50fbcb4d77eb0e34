#include "runtime/migration_runner.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include "common/errors.hpp"
#include "graph/head_maintainer.hpp"
#include "runtime/data_loss_check.hpp"
#include "runtime/partial_revision.hpp"
#include "runtime/schema_replay.hpp"
#include "schema/schema_model.hpp"

namespace sdm::runtime {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& n : names)
    text += (text.empty() ? "" : ", ") + n;
  return text;
}

std::string describe_heads(const std::vector<std::string>& heads) {
  return heads.empty() ? "base (no revision)" : join(heads);
}

/// Why recovery steps would do harm: the version table no longer holds `expected`, because
/// another runner migrated the database after this one lost the run lock (or stalled). Nothing
/// when it still does, or when it cannot be read (the connection is gone).
std::optional<std::string> moved_on_meanwhile(VersionTable& versions,
                                              std::vector<std::string> expected) {
  std::vector<std::string> now;
  try {
    now = versions.read_heads();
  } catch (const HostError&) {
    return std::nullopt;
  }
  std::sort(now.begin(), now.end());
  std::sort(expected.begin(), expected.end());
  if (now == expected) return std::nullopt;
  return "the version table now says " + describe_heads(now) + ", not " + describe_heads(expected) +
         ": another runner has migrated this database since, so nothing is left to recover from "
         "this run; see where it stands with `sahara-db-manage current`";
}

/// Fills in, for the live database, a table definition the model needs: the one the revisions
/// describe, checked against the live table so a rebuild never drops what is really there.
std::optional<Table> live_checked_table(ConnectionHandle& connection, const std::string& name,
                                        Table modelled) {
  auto live = connection.reflect_table(name);
  if (!live) return std::nullopt;
  std::vector<std::string> live_columns, model_columns;
  for (const auto& c : live->columns)
    live_columns.push_back(c.name);
  for (const auto& c : modelled.columns)
    model_columns.push_back(c.name);
  if (live_columns != model_columns) {
    throw DatabaseError("table " + name + " has columns (" + join(live_columns) +
                        ") but the revisions applied so far describe (" + join(model_columns) +
                        "); bring the table in line with its revision (or stamp the revision it "
                        "matches) before migrating it");
  }
  // Keep indexes someone added by hand: a table rebuild recreates what the model lists.
  for (const auto& index : live->indexes) {
    bool known = false;
    for (const auto& m : modelled.indexes)
      known = known || m.name == index.name;
    if (!known) modelled.indexes.push_back(index);
  }
  return modelled;
}

}  // namespace

MigrationRunner::MigrationRunner(const RevisionCatalog& catalog, const graph::RevisionMap& map,
                                 Exec& exec, VersionTable& versions, ProgressLog& log,
                                 RunOptions options)
    : catalog_(catalog),
      map_(map),
      exec_(exec),
      versions_(versions),
      log_(log),
      options_(options) {}

std::vector<Op> MigrationRunner::derived_downgrade(const graph::Revision& revision) const {
  std::vector<std::string> below;
  for (std::size_t index : revision.all_down_indices())
    below.push_back(map_.at(index).id());
  schema::SchemaModel before(replay_schema(catalog_, map_, below));
  return before.reverse(catalog_.record(revision.id(), true).ops()).ops;
}

std::vector<Op> MigrationRunner::ops_for(const graph::MigrationStep& step) const {
  if (step.kind == graph::MigrationStep::Kind::Stamp || step.revision == nullptr) return {};
  Operations recorded = catalog_.record(step.revision->id(), step.is_upgrade);
  if (!step.is_upgrade && recorded.derives_from_upgrade()) return derived_downgrade(*step.revision);
  return recorded.ops();
}

void MigrationRunner::run(const graph::MigrationPlan& plan,
                          const std::vector<std::string>& current_heads) {
  // Everything a plugin can get wrong shows up here, before the database is touched.
  std::vector<std::vector<Op>> step_ops;
  for (const auto& step : plan.steps)
    step_ops.push_back(ops_for(step));
  for (const auto& warning : plan.warnings)
    log_.warning(warning);

  // The schema as the revisions describe it at the start, replayed only if an op needs it.
  // A table they do not know is one this run creates (or one the database will refuse);
  // one they do know is checked against the live table before anything relies on it.
  auto start_schema = std::make_shared<std::optional<Schema>>();
  schema::SchemaModel model([this, start_schema, current_heads](const std::string& name) {
    if (!*start_schema) *start_schema = replay_schema(catalog_, map_, current_heads);
    auto found = (*start_schema)->find(name);
    if (found == (*start_schema)->end()) return std::optional<Table>();
    if (exec_.offline()) return std::optional<Table>(found->second);
    return live_checked_table(exec_.connection(), name, found->second);
  });

  if (!exec_.offline() && !options_.allow_data_loss) {
    auto losses = find_data_loss(plan, step_ops, model, exec_);
    if (!losses.empty()) throw DatabaseError(describe_data_loss(losses));
  }

  const DialectTraits& traits = exec_.dialect().traits();
  log_.info("Context impl " + traits.alembic_impl_name + ".");
  if (exec_.offline()) log_.info("Generating static SQL");
  log_.info(std::string("Will assume ") + (traits.transactional_ddl ? "" : "non-") +
            "transactional DDL.");

  const bool whole_run = traits.transactional_ddl && !options_.transaction_per_migration;
  // A purge starts from an empty table whatever rows (known or not) it held.
  const std::vector<std::string> start_heads =
      options_.purge_version_table ? std::vector<std::string>{} : current_heads;
  graph::HeadMaintainer heads(map_, start_heads);
  std::vector<std::string> committed_heads = current_heads;
  bool version_table_written = !current_heads.empty();
  std::size_t step_index = 0, op_index = 0, statement_index = 0;
  // Where DDL commits itself (MySQL), a failed revision's finished ops stay; this copy of the
  // model at the step's start lets the error say exactly how to undo them.
  std::optional<schema::SchemaModel> step_start;
  std::vector<std::string> statements_of_failed_op;
  // Before any transaction (SQLite ignores the PRAGMA inside one), so that a table rebuild's
  // DROP TABLE never deletes the rows that refer to the table. Scripts stay Alembic's: they
  // are run with foreign keys off, as the sqlite3 shell has them (README, "--sql").
  bool changes_schema = false;
  for (const auto& ops : step_ops)
    changes_schema = changes_schema || !ops.empty();
  if (changes_schema && !exec_.offline() && !traits.disable_foreign_keys.empty())
    exec_.run(traits.disable_foreign_keys);
  try {
    if (whole_run) exec_.begin();
    if (options_.purge_version_table)
      for (const auto& row : current_heads)
        versions_.remove(row);
    if (!exec_.offline() && current_heads.empty()) {
      versions_.ensure_exists();
      version_table_written = true;
    }
    if (exec_.offline() && options_.create_version_table) {
      versions_.create();
      version_table_written = true;
    }
    for (step_index = 0; step_index < plan.steps.size(); ++step_index) {
      const auto& step = plan.steps[step_index];
      const auto& ops = step_ops[step_index];
      op_index = 0;
      if (!traits.transactional_ddl && !exec_.offline()) step_start.emplace(model);
      if (!whole_run) exec_.begin();
      if (exec_.offline() && !version_table_written && heads.heads().empty()) {
        versions_.create();
        version_table_written = true;
      }
      log_.info("Running " + step.log_text());
      exec_.comment("Running " + step.short_log());
      for (op_index = 0; op_index < ops.size(); ++op_index) {
        model.prepare(ops[op_index]);
        statements_of_failed_op = exec_.dialect().render(ops[op_index], model);
        for (statement_index = 0; statement_index < statements_of_failed_op.size();
             ++statement_index)
          exec_.run(statements_of_failed_op[statement_index]);
        model.apply(ops[op_index]);
      }
      for (const auto& change : heads.apply(step)) {
        switch (change.kind) {
          case graph::VersionChange::Kind::Insert:
            versions_.insert(change.to);
            break;
          case graph::VersionChange::Kind::Update:
            versions_.update(change.from, change.to);
            break;
          case graph::VersionChange::Kind::Delete:
            versions_.remove(change.from);
            break;
        }
      }
      if (!whole_run) {
        exec_.commit();
        committed_heads = heads.heads();
      }
    }
    // A script that ends with no revision drops the version table, as Alembic 1.8 does
    // offline (`downgrade --sql X:base`, `stamp --sql X:base`, even `upgrade --sql base`);
    // only a script made to create the table keeps it.
    if (exec_.offline() && heads.heads().empty() && !options_.create_version_table)
      versions_.drop();
    if (whole_run) exec_.commit();
  } catch (const HostError& e) {
    exec_.rollback_quietly();
    if (exec_.offline() || step_index >= plan.steps.size()) throw;
    const auto& step = plan.steps[step_index];
    const auto& ops = step_ops[step_index];
    std::string where = step.log_text();
    if (op_index < ops.size()) {
      where += " failed at op " + std::to_string(op_index + 1) + " of " +
               std::to_string(ops.size()) + " (" + describe(ops[op_index]) + ")";
    } else {
      where += " failed while recording its version";
    }
    if (!traits.transactional_ddl && step_start) {
      if (auto moved = moved_on_meanwhile(versions_, committed_heads))
        throw HostError(e.code(), where + ": " + e.what() + "; " + *moved);
      graph::HeadMaintainer after = heads;
      after.apply(step);
      PartialRevision partial{
          step,        ops,   op_index,        statement_index, statements_of_failed_op,
          *step_start, model, committed_heads, after.heads()};
      auto [state, recovery] = describe_partial_revision(partial, exec_.dialect());
      throw HostError(e.code(), where + ": " + e.what() + "; " + state, recovery);
    }
    std::string state = whole_run ? "the whole run was rolled back; the database is still at " +
                                        describe_heads(current_heads)
                                  : "this revision was rolled back; the database is at " +
                                        describe_heads(committed_heads);
    throw HostError(e.code(), where + ": " + e.what() + "; " + state);
  }
}

}  // namespace sdm::runtime
