// upgrade, downgrade, stamp and ensure_version: online under the run lock, or as an offline
// script.
#include <cstdlib>
#include <optional>

#include "cli/commands.hpp"
#include "common/errors.hpp"
#include "graph/command_targets.hpp"
#include "graph/migration_plan.hpp"
#include "runtime/exec.hpp"
#include "runtime/health_check.hpp"
#include "runtime/interruption.hpp"
#include "runtime/migration_runner.hpp"
#include "runtime/progress_table.hpp"
#include "runtime/run_lock.hpp"
#include "runtime/version_table.hpp"

namespace sdm::cli {
namespace {

/// REV, or the relative target --delta N stands for; --delta wins over REV, as it always has.
std::string revision_argument(AppContext& context, bool upgrade) {
  const CommandLine& line = context.line();
  if (auto delta = line.value("delta")) {
    char* end = nullptr;
    long long steps = std::strtoll(delta->c_str(), &end, 10);
    if (delta->empty() || *end != '\0')
      throw UsageError("argument --delta: invalid int value: '" + *delta + "'");
    // A negative delta is passed on as written ("+-2"), which no revision matches.
    if (steps != 0) return (upgrade ? "+" : "-") + *delta;
  }
  if (line.positionals.empty()) throw UsageError("You must provide a revision or relative delta");
  return line.positionals.front();
}

/// Whether `plan` moves the database up the graph, down, stamps it, or runs no revision at all.
enum class Direction { Up, Down, Stamp, None };

/// Runs `plan` online: connects, refuses a database the driver finds unsafe to change, takes
/// the run lock, reads the heads the plan starts from and the record of a revision a run did
/// not finish (where DDL commits itself). A run the same way as that revision finishes it; one
/// the other way plans from where it would have left the database and undoes what ran; a stamp
/// declares the schema settled and drops the record.
template <class Planner>
void run_online(AppContext& context, runtime::RunOptions options, Direction direction,
                const graph::RevisionMap& map, Planner&& planner) {
  const auto& driver = context.driver();
  auto connection = context.connect();
  runtime::Exec exec(*connection, driver.dialect());
  runtime::check_database_health(*connection, Access::Write, context.log(), context.display_url());
  runtime::RunLock lock(*connection, runtime::run_lock_key(runtime::VersionTable::kDefaultName),
                        context.lock_timeout(), context.log(), context.display_url());
  runtime::VersionTable versions(exec);
  std::vector<std::string> heads = versions.read_heads();

  // Where DDL commits itself, each step's progress is kept in a side table.
  std::optional<runtime::ProgressTable> progress;
  std::optional<runtime::StepProgress> interrupted;
  if (!driver.dialect().traits().transactional_ddl && direction != Direction::None) {
    progress.emplace(exec);
    interrupted = progress->read();
    if (interrupted && runtime::recorded_as_done(map, heads, *interrupted)) {
      context.log().warning("The version table already records the " + interrupted->direction() +
                            " of " + interrupted->revision +
                            " that a run did not finish (it was stamped since); dropping the "
                            "record of that run");
      progress->finish();
      interrupted.reset();
    }
  }
  if (interrupted && direction == Direction::Stamp) {
    context.log().warning("The " + interrupted->direction() + " of " + interrupted->revision +
                          " was " + runtime::interruption_point(*interrupted) +
                          "; stamping takes the schema as it is and drops that record");
  }
  const bool goes_other_way = interrupted && direction != Direction::Stamp &&
                              (direction == Direction::Up) != interrupted->upgrade;
  graph::MigrationPlan plan =
      planner(goes_other_way ? runtime::heads_once_done(map, heads, *interrupted) : heads);
  runtime::MigrationRunner runner(context.revisions(), map, exec, versions, context.log(), options,
                                  progress ? &*progress : nullptr);
  if (direction == Direction::Stamp) {
    runner.run(plan, heads);
    if (interrupted) {
      progress->finish();
      progress->drop_if_empty();
    }
  } else {
    runner.run(plan, heads, interrupted);
  }
}

/// Runs `plan` offline: the script goes to stdout; no connection, no lock.
void run_offline(AppContext& context, runtime::RunOptions options, const graph::RevisionMap& map,
                 const graph::MigrationPlan& plan, const std::vector<std::string>& start_heads) {
  const auto& driver = context.driver();
  runtime::Exec exec(context.out(), driver.dialect());
  runtime::VersionTable versions(exec);
  runtime::MigrationRunner(context.revisions(), map, exec, versions, context.log(), options)
      .run(plan, start_heads);
}

int migrate(AppContext& context, bool upgrade) {
  const std::string argument = revision_argument(context, upgrade);
  const bool offline = context.line().flag("sql");
  const graph::RevisionMap& map = context.map();
  runtime::RunOptions options;
  options.transaction_per_migration = context.transaction_per_migration();
  options.allow_data_loss = context.line().flag("allow-data-loss");

  graph::MigrationTarget target = upgrade ? graph::parse_upgrade_argument(argument, offline)
                                          : graph::parse_downgrade_argument(argument, offline);
  auto plan_from = [&](const std::vector<std::string>& heads) {
    return upgrade ? graph::plan_upgrade(map, target.destination, heads)
                   : graph::plan_downgrade(map, target.destination, heads);
  };
  if (offline) {
    auto start = graph::offline_start_heads(map, target.starting_revision);
    run_offline(context, options, map, plan_from(start), start);
  } else {
    run_online(context, options, upgrade ? Direction::Up : Direction::Down, map, plan_from);
  }
  return 0;
}

}  // namespace

int run_upgrade(AppContext& context) {
  return migrate(context, true);
}

int run_downgrade(AppContext& context) {
  return migrate(context, false);
}

int run_stamp(AppContext& context) {
  const bool offline = context.line().flag("sql");
  const bool purge = context.line().flag("purge");
  const graph::RevisionMap& map = context.map();
  graph::StampTarget target =
      graph::parse_stamp_arguments(context.line().positionals, offline, purge);
  runtime::RunOptions options;
  options.purge_version_table = purge;
  if (offline) {
    auto start = graph::offline_start_heads(map, target.starting_revision);
    run_offline(context, options, map, graph::plan_stamp(map, target.destinations, start), start);
  } else {
    run_online(context, options, Direction::Stamp, map, [&](const std::vector<std::string>& heads) {
      return graph::plan_stamp(map, target.destinations, heads, purge);
    });
  }
  return 0;
}

int run_ensure_version(AppContext& context) {
  // No revision is involved, so (as with Alembic) a broken revision set does not stop it.
  static const graph::RevisionMap no_revisions;
  runtime::RunOptions options;
  options.create_version_table = true;
  if (context.line().flag("sql")) {
    run_offline(context, options, no_revisions, {}, {});
  } else {
    run_online(context, options, Direction::None, no_revisions,
               [](const std::vector<std::string>&) { return graph::MigrationPlan{}; });
  }
  return 0;
}

}  // namespace sdm::cli
