#include "runtime/migration_runner.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>

#include "common/errors.hpp"
#include "graph/head_maintainer.hpp"
#include "graph/python_text.hpp"
#include "runtime/code_step_session.hpp"
#include "runtime/data_loss_check.hpp"
#include "runtime/interruption.hpp"
#include "runtime/live_table_check.hpp"
#include "runtime/partial_revision.hpp"
#include "runtime/schema_replay.hpp"
#include "runtime/step_settlement.hpp"

namespace sdm::runtime {
namespace {

std::string describe_heads(const std::vector<std::string>& heads) {
  return heads.empty() ? "base (no revision)" : graph::join_comma(heads);
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

/// The command that undoes what ran of a step, when one names it unambiguously.
std::string undo_command(const graph::MigrationStep& step, const std::vector<std::string>& rows) {
  if (step.kind != graph::MigrationStep::Kind::Revision) return "";
  if (!step.is_upgrade) return "sahara-db-manage upgrade " + step.revision->id();
  if (rows.size() > 1) return "";
  return "sahara-db-manage downgrade " + (rows.empty() ? std::string("base") : rows.front());
}

}  // namespace

struct MigrationRunner::Continuation {
  bool undo = false;    ///< the first step undoes what ran of the interrupted one
  std::string note;     ///< logged after the step's "Running" line
  std::vector<Op> ops;  ///< the first step's ops (the undo ops when undoing)
  std::optional<schema::SchemaModel> before;  ///< the schema before ops[0]
  StepPosition position;                      ///< where the first step starts
};

MigrationRunner::MigrationRunner(const RevisionCatalog& catalog, const graph::RevisionMap& map,
                                 Exec& exec, VersionTable& versions, ProgressLog& log,
                                 RunOptions options, ProgressTable* progress)
    : catalog_(catalog),
      map_(map),
      exec_(exec),
      versions_(versions),
      log_(log),
      options_(options),
      progress_(progress) {}

std::vector<Op> MigrationRunner::derived_downgrade(const graph::Revision& revision) const {
  std::vector<std::string> below;
  for (std::size_t index : revision.all_down_indices())
    below.push_back(map_.at(index).id());
  schema::SchemaModel before(replay_schema(catalog_, map_, below, recording()));
  return before.reverse(catalog_.record(revision.id(), true, recording()).ops()).ops;
}

std::vector<Op> MigrationRunner::ops_for(const graph::MigrationStep& step) const {
  if (step.kind == graph::MigrationStep::Kind::Stamp || step.revision == nullptr) return {};
  Operations recorded = catalog_.record(step.revision->id(), step.is_upgrade, recording());
  if (!step.is_upgrade && recorded.derives_from_upgrade()) return derived_downgrade(*step.revision);
  return recorded.ops();
}

Settled MigrationRunner::settle(const InterruptedOps& interrupted,
                                const std::vector<std::string>& rows,
                                const std::vector<std::string>& rows_when_done) {
  try {
    Settled settled = settle_interrupted(interrupted, exec_.connection(), exec_.dialect());
    std::string drift;
    for (const auto& difference : settled.background)
      drift += (drift.empty() ? "" : "; ") + difference;
    if (!drift.empty())
      log_.warning(
          "The tables differ from what the revisions describe in ways the interrupted "
          "statement does not touch, which decided nothing: " +
          drift);
    return settled;
  } catch (const UnsettledStep& e) {
    const DialectHandle& dialect = exec_.dialect();
    const StepPosition at = e.unsettled().position;
    const std::string details =
        "To go on, make the tables match one of those two states and run the command again; "
        "or finish by hand (from the state before that statement: adjust to what is there) "
        "and record it:\n" +
        finish_sql(interrupted.ops, at, interrupted.start, dialect) + "    " +
        stamp_command(rows_when_done) + "\nor undo by hand what ran and record that:\n" +
        undo_sql(interrupted.ops, at, interrupted.start, dialect) + "    " + stamp_command(rows) +
        "\n";
    throw HostError(ExitCode::Database, std::string(e.what()) + ". Nothing was changed", details);
  }
}

MigrationRunner::Continuation MigrationRunner::continue_interrupted(
    const graph::MigrationPlan& plan, const StepProgress& stopped, const std::vector<Op>& plan_ops,
    const schema::SchemaModel& start, const std::vector<std::string>& rows) {
  const std::string& id = stopped.revision;
  const std::string finish = "run " + stopped.direction() + " to " + id +
                             (stopped.upgrade ? " or beyond" : " or below") + " to finish it";
  const std::string undo = stopped.upgrade ? "downgrade to the revision below it to undo what ran"
                                           : "upgrade to it again to undo what ran";
  const graph::MigrationStep* first = plan.steps.empty() ? nullptr : &plan.steps.front();
  if (first == nullptr || first->kind != graph::MigrationStep::Kind::Revision ||
      first->revision->id() != id) {
    throw DatabaseError("the " + stopped.direction() + " of revision " + id +
                        " was interrupted after " + std::to_string(stopped.ops_done) + " of its " +
                        std::to_string(stopped.op_count) + " ops, and this command does not " +
                        (plan.steps.empty() ? "move the database" : "start with that revision") +
                        ": " + finish + ", or " + undo + ", before anything else");
  }
  const DialectHandle& dialect = exec_.dialect();
  const std::vector<std::string> rows_when_done = heads_once_done(map_, rows, stopped);
  const std::string what = "the " + stopped.direction() + " of " + id;
  const std::string when = "the run of " + stopped.runner + " stopped there at " +
                           utc_time(stopped.updated_at) +
                           (stopped.failure.empty() ? "" : ", failing with: " + stopped.failure);
  Continuation next;
  if (first->is_upgrade == stopped.upgrade) {
    if (stopped.undoing())
      throw DatabaseError("undoing what ran of the interrupted " + stopped.direction() + " of " +
                          id + " was itself interrupted: run " +
                          (stopped.upgrade ? "downgrade" : "upgrade") +
                          " again to finish undoing it, then " + stopped.direction() + " again");
    const Settled settled = settle(
        {plan_ops, {stopped.ops_done, stopped.statements_done}, start, what}, rows, rows_when_done);
    if (settled.further_than_recorded) record(settled.position, false);
    next.note = "Resuming at " +
                describe_position(plan_ops, settled.position,
                                  statement_count(plan_ops, settled.position.ops, start, dialect)) +
                ": " + when +
                (settled.further_than_recorded
                     ? " (the statement in flight then had completed, as the database shows)"
                     : "");
    next.ops = plan_ops;
    next.before = start;
    next.position = settled.position;
    return next;
  }

  // The command goes the other way: undo what ran of the interrupted step first.
  const std::vector<Op> forward = ops_for(interrupted_step(map_, stopped));
  StepPosition ran_until{stopped.ops_done, stopped.statements_done};
  if (!stopped.undoing()) {
    const Settled settled = settle({forward, ran_until, start, what}, rows, rows_when_done);
    ran_until = settled.position;
    if (settled.further_than_recorded) record(ran_until, false);
  }
  const auto ran =
      ops_run_until(forward, ran_until, statement_count(forward, ran_until.ops, start, dialect));
  if (!ran)
    throw DatabaseError("what ran of " + what +
                        " stops inside an op that cannot be split into its statements, so it "
                        "cannot be undone automatically: " +
                        finish);
  schema::SchemaModel after_ran = start;
  after_ran.apply(*ran);
  try {
    next.ops = start.reverse(*ran).ops;
  } catch (const std::exception& e) {
    throw DatabaseError("what ran of " + what + " cannot be undone automatically (" + e.what() +
                        "): " + finish + ", then run this command again");
  }
  next.undo = true;
  next.before = after_ran;
  if (!stopped.undoing()) {
    progress_->advance_undo(0, 0);
    next.position = {0, 0};
  } else {
    const Settled settled = settle({next.ops,
                                    {*stopped.undo_ops_done, stopped.undo_statements_done},
                                    after_ran,
                                    "undoing what ran of " + what},
                                   rows, rows);
    next.position = settled.position;
    if (settled.further_than_recorded) record(next.position, true);
  }
  next.note = "Undoing what ran of the interrupted " + stopped.direction() + " (" +
              std::to_string(ran->size()) + " op(s)): " + when;
  return next;
}

void MigrationRunner::record(StepPosition position, bool undoing) {
  if (undoing)
    progress_->advance_undo(position.ops, position.statements);
  else
    progress_->advance(position.ops, position.statements);
}

void MigrationRunner::refuse_online_only_steps(const graph::MigrationPlan& plan,
                                               const std::vector<std::vector<Op>>& step_ops) const {
  for (std::size_t i = 0; i < plan.steps.size(); ++i)
    for (const auto& op : step_ops[i])
      if (const auto* code = std::get_if<RunCode>(&op); code && code->offline_sql.empty())
        throw UsageError(std::string("the ") +
                         (plan.steps[i].is_upgrade ? "upgrade" : "downgrade") + " of revision " +
                         plan.steps[i].revision->id() + " has a code step \"" + code->name +
                         "\" that runs only against a database, so --sql cannot write it: run "
                         "the command without --sql, or give the step the SQL a script runs "
                         "instead (op.run(...).offline(\"...\"))");
}

void MigrationRunner::check_data_before(std::size_t step, std::size_t op) {
  for (const auto& check : deferred_checks_)
    if (check.step == step && check.op == op)
      if (auto loss = run_deferred_check(check, exec_))
        throw DatabaseError(describe_deferred_data_loss(*loss));
}

RecordingContext MigrationRunner::recording() const {
  return {exec_.dialect().name(), exec_.offline()};
}

void MigrationRunner::run_op(const std::vector<Op>& ops, int index, int first_statement,
                             schema::SchemaModel& model, bool undoing) {
  const Op& op = ops[index];
  model.prepare(op);
  if (const auto* code = std::get_if<RunCode>(&op); code && !exec_.offline()) {
    // Inside the run's transaction where the database has one; on MySQL the step and its
    // progress record commit together, as a data op's statements do.
    reached_ = {index, 0};
    if (progress_ != nullptr) exec_.begin();
    run_code_step(*code, exec_.connection(), exec_.dialect().name());
    if (progress_ != nullptr) {
      record({index + 1, 0}, undoing);
      exec_.commit();
    }
    reached_ = {index + 1, 0};
    return;
  }
  const std::vector<std::string> statements =
      live_ ? live_->render(exec_.dialect(), op, model) : exec_.dialect().render(op, model);
  if (live_)
    for (const auto& note : live_->take_notes())
      log_.warning(note);
  const int count = static_cast<int>(statements.size());
  reached_ = {index, first_statement};
  if (progress_ == nullptr) {
    for (int s = first_statement; s < count; ++s) {
      exec_.run(statements[s]);
      reached_ = one_statement_on({index, s}, count);
    }
  } else if (is_data_op(op)) {
    // Rows and their progress record commit together: never half of one without the other.
    exec_.begin();
    for (const auto& statement : statements)
      exec_.run(statement);
    record({index + 1, 0}, undoing);
    exec_.commit();
    reached_ = {index + 1, 0};
  } else {
    for (int s = first_statement; s < count; ++s) {
      exec_.run(statements[s]);
      reached_ = one_statement_on({index, s}, count);
      record(reached_, undoing);
    }
  }
  model.apply(op);
}

void MigrationRunner::run(const graph::MigrationPlan& plan,
                          const std::vector<std::string>& version_rows,
                          const std::optional<StepProgress>& interrupted) {
  // Everything a plugin can get wrong shows up here, before the database is touched.
  std::vector<std::vector<Op>> step_ops;
  for (const auto& step : plan.steps)
    step_ops.push_back(ops_for(step));
  if (exec_.offline()) refuse_online_only_steps(plan, step_ops);
  for (const auto& warning : plan.warnings)
    log_.warning(warning);

  const bool journaled = progress_ != nullptr && !exec_.offline();
  // The schema as the revisions describe it at the start, replayed only if an op needs it.
  // A table they do not know is one this run creates (or one the database will refuse);
  // online, one they do know is checked against the live table before a dialect relies on
  // its definition.
  live_.reset();
  deferred_checks_.clear();
  if (!exec_.offline()) live_.emplace(exec_.connection());
  auto start_schema = std::make_shared<std::optional<Schema>>();
  auto start_unknown = std::make_shared<std::set<std::string>>();
  schema::SchemaModel model(
      [this, start_schema, start_unknown, version_rows](const std::string& name) {
        if (!*start_schema)
          *start_schema = replay_schema(catalog_, map_, version_rows, recording(), &*start_unknown);
        auto found = (*start_schema)->find(name);
        if (found == (*start_schema)->end()) return std::optional<Table>();
        if (live_) live_->expect(name);
        return std::optional<Table>(found->second);
      });

  // An interrupted step continues from what the live schema shows, modelled from the revisions
  // alone: its tables are part-way between two revisions, which is the point.
  Continuation first;
  if (interrupted) {
    if (!journaled) throw std::logic_error("an interrupted step needs a progress table");
    schema::SchemaModel start(replay_schema(catalog_, map_, version_rows, recording()));
    first = continue_interrupted(plan, *interrupted, step_ops.front(), start, version_rows);
    step_ops.front() = first.ops;
    model = *first.before;
    model.apply(std::vector<Op>(first.ops.begin(), first.ops.begin() + first.position.ops));
  }

  // A table raw SQL changed without declaring how is read from the database when next needed.
  model.set_unknown_probe(
      [start_unknown](const std::string& name) { return start_unknown->count(name) > 0; });
  if (!exec_.offline())
    model.set_live_loader(
        [this](const std::string& name) { return exec_.connection().reflect_table(name); });

  if (!exec_.offline() && !options_.allow_data_loss) {
    std::vector<std::vector<Op>> remaining = step_ops;
    if (interrupted)
      remaining.front().erase(remaining.front().begin(),
                              remaining.front().begin() + first.position.ops);
    DataLossFindings findings = find_data_loss(plan, remaining, model, exec_);
    if (!findings.losses.empty()) throw DatabaseError(describe_data_loss(findings.losses));
    for (auto& check : findings.deferred) {
      if (interrupted && check.step == 0) check.op += first.position.ops;
      log_.info("The data-loss check of " + check.where.step + ": " + check.where.op +
                " is made right before it runs: an earlier code step or SQL of the run may "
                "change those rows.");
    }
    deferred_checks_ = std::move(findings.deferred);
  }

  const DialectTraits& traits = exec_.dialect().traits();
  log_.info("Context impl " + traits.alembic_impl_name + ".");
  if (exec_.offline()) log_.info("Generating static SQL");
  log_.info(std::string("Will assume ") + (traits.transactional_ddl ? "" : "non-") +
            "transactional DDL.");

  const bool whole_run = traits.transactional_ddl && !options_.transaction_per_migration;
  // A purge starts from an empty table whatever rows (known or not) it held; a run that undoes
  // an interrupted step planned from the rows that step would have left.
  std::vector<std::string> start_heads = version_rows;
  if (options_.purge_version_table) start_heads.clear();
  if (first.undo) start_heads = heads_once_done(map_, version_rows, *interrupted);
  graph::HeadMaintainer heads(map_, start_heads);
  std::vector<std::string> committed_heads = version_rows;
  bool version_table_written = !version_rows.empty();
  std::size_t step_index = 0;
  int op_index = 0;
  // Where DDL commits itself (MySQL), a failed step's finished ops stay; the model at the
  // step's start and the heads before it let the error say exactly how to recover.
  std::optional<schema::SchemaModel> step_start;
  std::optional<graph::HeadMaintainer> heads_before_step;
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
      for (const auto& row : version_rows)
        versions_.remove(row);
    if (!exec_.offline() && version_rows.empty()) {
      versions_.ensure_exists();
      version_table_written = true;
    }
    if (exec_.offline() && options_.create_version_table) {
      versions_.create();
      version_table_written = true;
    }
    if (journaled) progress_->ensure_exists();
    for (step_index = 0; step_index < plan.steps.size(); ++step_index) {
      const auto& step = plan.steps[step_index];
      const auto& ops = step_ops[step_index];
      const bool continuing = step_index == 0 && interrupted;
      const bool undoing = step_index == 0 && first.undo;

      const StepPosition start = continuing ? first.position : StepPosition{};
      reached_ = start;
      op_index = start.ops;
      heads_before_step.emplace(heads);
      if (!traits.transactional_ddl && !exec_.offline()) {
        // Every table the step touches, read before any of its ops runs: the recovery text of
        // a failure part-way needs them as they were.
        for (int i = static_cast<int>(start.ops); i < static_cast<int>(ops.size()); ++i)
          model.prepare(ops[i]);
        step_start.emplace(model);
      }
      if (continuing) step_start = first.before;
      if (!whole_run && !journaled) exec_.begin();
      if (exec_.offline() && !version_table_written && heads.heads().empty()) {
        versions_.create();
        version_table_written = true;
      }
      log_.info("Running " + step.log_text());
      if (continuing) log_.info(first.note);
      exec_.comment("Running " + step.short_log());
      if (journaled && step.kind == graph::MigrationStep::Kind::Revision && !continuing) {
        StepProgress started;
        started.revision = step.revision->id();
        started.upgrade = step.is_upgrade;
        started.op_count = static_cast<int>(ops.size());
        started.started_at = started.updated_at = ProgressTable::now();
        started.runner = ProgressTable::this_runner();
        progress_->start(started);
      }
      for (op_index = start.ops; op_index < static_cast<int>(ops.size()); ++op_index) {
        check_data_before(step_index, static_cast<std::size_t>(op_index));
        run_op(ops, op_index, op_index == start.ops ? start.statements : 0, model, undoing);
      }
      // The version-table change commits with the removal of the step's progress record.
      if (journaled) exec_.begin();
      for (const auto& change : heads.apply(step)) {
        if (undoing) continue;  // the version table never recorded the interrupted step
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
      if (journaled) {
        if (step.kind == graph::MigrationStep::Kind::Revision) progress_->finish();
        exec_.commit();
        committed_heads = heads.heads();
      } else if (!whole_run) {
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
    if (journaled) progress_->drop_if_empty();
  } catch (const HostError& e) {
    exec_.rollback_quietly();
    if (exec_.offline()) throw;
    if (step_index >= plan.steps.size()) {
      if (!whole_run) throw;
      throw HostError(e.code(), std::string("finishing the run failed (version rows, commit): ") +
                                    e.what() +
                                    "; the whole run was rolled back; the database is still at " +
                                    describe_heads(version_rows));
    }
    const auto& step = plan.steps[step_index];
    const auto& ops = step_ops[step_index];
    const bool lost = e.kind() == ErrorKind::ConnectionLost;
    if (journaled && !lost) progress_->record_failure(e.what());
    const bool undoing = step_index == 0 && first.undo;
    std::string where = step.log_text();
    if (undoing) {
      where += " (undoing what ran of the interrupted " + interrupted->direction() + ")";
    }
    if (op_index < static_cast<int>(ops.size())) {
      where += " failed at op " + std::to_string(op_index + 1) + " of " +
               std::to_string(ops.size()) + " (" + describe(ops[op_index]) + ")";
    } else {
      where += " failed while recording its version";
    }
    if (!traits.transactional_ddl && step_start && heads_before_step) {
      if (auto moved = moved_on_meanwhile(versions_, committed_heads))
        throw HostError(e.code(), where + ": " + e.what() + "; " + *moved);
      graph::HeadMaintainer after = *heads_before_step;
      after.apply(step);
      const std::vector<std::string> heads_when_done = after.heads();
      if (undoing) {
        throw HostError(e.code(),
                        where + ": " + e.what() +
                            "; run the same command again: it goes on undoing from where it "
                            "stopped",
                        {}, e.kind());
      }
      if (op_index >= static_cast<int>(ops.size())) {
        // Every op ran; only the version-table change (and, where kept, the removal of the
        // progress record with it) did not commit.
        const std::string details =
            journaled ? "To recover, fix the cause and run the same command again: it finds "
                        "every op done and records the revision; or record it by hand:\n    " +
                            stamp_command(heads_when_done) + "\n"
                      : "To recover, fix the cause and record the revision by hand:\n    " +
                            stamp_command(heads_when_done) + "\n";
        throw HostError(e.code(),
                        where + ": " + e.what() +
                            "; every op of it ran, and the version table "
                            "still says " +
                            describe_heads(committed_heads),
                        details, e.kind());
      }
      PartialRevision partial{step,
                              ops,
                              reached_,
                              *step_start,
                              committed_heads,
                              heads_when_done,
                              lost,
                              journaled,
                              undo_command(step, committed_heads),
                              false,
                              {}};
      // The tables decide what ran, as when resuming: the failed statement may have been
      // one too far (a run that kept no progress record, another tool's, stopped past the
      // record), or they may match no state of the step at all.
      if (journaled && !lost) {
        try {
          const Settled settled = settle_interrupted(
              {ops, reached_, *step_start, "the " + step.name() + " of " + step.revision->id()},
              exec_.connection(), exec_.dialect());
          if (settled.further_than_recorded) {
            partial.stopped = settled.position;
            partial.adopted = true;
            record(partial.stopped, false);
          }
        } catch (const UnsettledStep& unsettled) {
          partial.unexpected = unsettled.what();
        } catch (const std::exception&) {
          // The diagnosis is a courtesy; the failure itself is what must be reported.
        }
      }
      std::pair<std::string, std::string> described;
      try {
        described = describe_partial_revision(partial, exec_.dialect());
      } catch (const std::exception& unexplained) {
        // Nothing may hide the failure itself.
        described = {"where the revision stopped cannot be worked out (" +
                         std::string(unexplained.what()) + ")",
                     ""};
      }
      throw HostError(e.code(), where + ": " + e.what() + "; " + described.first, described.second,
                      e.kind());
    }
    std::string state = whole_run ? "the whole run was rolled back; the database is still at " +
                                        describe_heads(version_rows)
                                  : "this revision was rolled back; the database is at " +
                                        describe_heads(committed_heads);
    throw HostError(e.code(), where + ": " + e.what() + "; " + state, {}, e.kind());
  }
}

}  // namespace sdm::runtime
