// current, history, heads, branches, show, check_migration: graph listings. Only `current`
// (and history's `current`/-i) read the database; none of them loads a revision plugin.
#include <ostream>

#include "cli/commands.hpp"
#include "cli/revision_format.hpp"
#include "common/errors.hpp"
#include "graph/history_range.hpp"
#include "graph/revision_lookup.hpp"
#include "runtime/exec.hpp"
#include "runtime/health_check.hpp"
#include "runtime/version_table.hpp"

namespace sdm::cli {
namespace {

/// The version table rows; nothing when the table does not exist (it is not created). The
/// driver's pre-run checks may warn (a lagging standby, a cluster node out of sync) or refuse.
std::vector<std::string> read_version_rows(AppContext& context) {
  const auto& driver = context.driver();
  auto connection = context.connect();
  runtime::check_database_health(*connection, Access::Read, context.log(), context.display_url());
  runtime::Exec exec(*connection, driver.dialect());
  return runtime::VersionTable(exec).read_heads();
}

}  // namespace

int run_current(AppContext& context) {
  const graph::RevisionMap& map = context.map();
  bool verbose = context.line().flag("verbose");
  auto rows = read_version_rows(context);
  auto revisions = graph::current_revisions(map, rows);
  if (verbose) context.out() << format_current_header(context.display_url());
  context.out() << format_current(revisions, verbose);
  return 0;
}

int run_history(AppContext& context) {
  const graph::RevisionMap& map = context.map();
  const CommandLine& line = context.line();
  std::optional<graph::HistoryRange> range;
  if (auto text = line.value("rev-range")) range = graph::parse_history_range(*text);
  bool indicate = line.flag("indicate-current");
  std::vector<std::string> rows;
  if (graph::history_needs_database(range, indicate)) rows = read_version_rows(context);
  auto revisions = graph::list_history(map, range, rows);
  context.out() << format_history(revisions, line.flag("verbose"),
                                  indicate ? rows : std::vector<std::string>{});
  return 0;
}

int run_heads(AppContext& context) {
  context.out() << format_heads(graph::head_revisions(context.map()),
                                context.line().flag("verbose"));
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
       graph::resolve_revisions(context.map(), context.line().positionals.front()))
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
