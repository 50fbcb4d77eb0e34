// current, history, heads, branches, show, check_migration: graph listings. Only `current`
// (and history's and show's `current`, and -i) read the database, with the record of a revision
// a run did not finish; none of them loads a revision plugin.
#include <ostream>

#include "cli/commands.hpp"
#include "cli/revision_format.hpp"
#include "common/errors.hpp"
#include "graph/history_range.hpp"
#include "graph/revision_lookup.hpp"
#include "runtime/exec.hpp"
#include "runtime/health_check.hpp"
#include "runtime/interruption.hpp"
#include "runtime/progress_table.hpp"
#include "runtime/version_table.hpp"

namespace sdm::cli {
namespace {

/// What the database records: the version table rows (nothing when the table does not
/// exist; it is not created), and a revision a run did not finish, if any.
struct RecordedState {
  std::vector<std::string> rows;
  std::optional<runtime::StepProgress> interrupted;
};

RecordedState read_recorded_state(AppContext& context) {
  const auto& driver = context.driver();
  auto connection = context.connect();
  // The driver's pre-run checks may warn (a lagging standby, a cluster node out of sync) or
  // refuse before anything is read.
  runtime::check_database_health(*connection, Access::Read, context.log(), context.display_url());
  runtime::Exec exec(*connection, driver.dialect());
  RecordedState state;
  state.rows = runtime::VersionTable(exec).read_heads();
  if (!driver.dialect().traits().transactional_ddl) {
    state.interrupted = runtime::ProgressTable(exec).read();
    // A record the version table has overtaken (stamped since) is dropped by the next run.
    if (state.interrupted &&
        runtime::recorded_as_done(context.map(), state.rows, *state.interrupted))
      state.interrupted.reset();
  }
  return state;
}

/// `history -i` and `current` mark the interrupted revision with where and when it stopped.
InterruptedMark mark_of(const runtime::StepProgress& progress) {
  return {progress.revision,
          runtime::interruption_point(progress) + " at " + runtime::utc_time(progress.updated_at)};
}

}  // namespace

int run_current(AppContext& context) {
  const graph::RevisionMap& map = context.map();
  bool verbose = context.line().flag("verbose");
  auto state = read_recorded_state(context);
  auto revisions = graph::current_revisions(map, state.rows);
  if (verbose) context.out() << format_current_header(context.display_url());
  context.out() << format_current(revisions, verbose);
  if (state.interrupted) {
    const auto& progress = *state.interrupted;
    context.out() << format_interrupted(progress.revision, runtime::interruption_summary(progress),
                                        verbose ? runtime::interruption_details(progress) : "");
  }
  return 0;
}

int run_history(AppContext& context) {
  const graph::RevisionMap& map = context.map();
  const CommandLine& line = context.line();
  std::optional<graph::HistoryRange> range;
  if (auto text = line.value("rev-range")) range = graph::parse_history_range(*text);
  bool indicate = line.flag("indicate-current");
  RecordedState state;
  if (graph::history_needs_database(range, indicate)) state = read_recorded_state(context);
  auto revisions = graph::list_history(map, range, state.rows);
  std::optional<InterruptedMark> mark;
  if (indicate && state.interrupted) mark = mark_of(*state.interrupted);
  context.out() << format_history(revisions, line.flag("verbose"),
                                  indicate ? state.rows : std::vector<std::string>{}, mark);
  return 0;
}

int run_heads(AppContext& context) {
  const CommandLine& line = context.line();
  context.out() << format_heads(
      graph::head_revisions(context.map(), line.flag("resolve-dependencies")),
      line.flag("verbose"));
  return 0;
}

int run_branches(AppContext& context) {
  const graph::RevisionMap& map = context.map();
  context.out() << format_branches(map, graph::branch_point_revisions(map),
                                   context.line().flag("verbose"));
  return 0;
}

int run_show(AppContext& context) {
  for (const graph::Revision* revision :
       context.revisions_named(context.line().positionals.front()))
    context.out() << format_verbose_block(*revision) << '\n';
  return 0;
}

int run_check_migration(AppContext& context) {
  const graph::RevisionMap& map = context.map();
  context.out() << format_branches(map, graph::branch_point_revisions(map), false);
  // A branch that was merged again is history; more than one head is a timeline that forks.
  auto heads = graph::head_revisions(map);
  if (heads.size() <= 1) return 0;
  std::string listed, arguments;
  for (const auto* head : heads) {
    listed += (listed.empty() ? "" : ", ") + head->id();
    arguments += " " + head->id();
  }
  throw HostError(ExitCode::Branched,
                  "the revision timeline branches: " + std::to_string(heads.size()) + " heads (" +
                      listed + "); join them with `sahara-db-manage merge -m MESSAGE" + arguments +
                      "`");
}

}  // namespace sdm::cli
