// current, history, heads, branches, show, check_migration: graph listings. Only `current`
// (and history's and show's `current`, and -i) read the database; none loads a revision plugin.
#include <ostream>

#include "cli/commands.hpp"
#include "cli/revision_format.hpp"
#include "common/errors.hpp"
#include "graph/history_range.hpp"
#include "graph/revision_lookup.hpp"

namespace sdm::cli {

int run_current(AppContext& context) {
  const graph::RevisionMap& map = context.map();
  bool verbose = context.line().flag("verbose");
  auto rows = context.version_rows();
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
  if (graph::history_needs_database(range, indicate)) rows = context.version_rows();
  auto revisions = graph::list_history(map, range, rows);
  context.out() << format_history(revisions, line.flag("verbose"),
                                  indicate ? rows : std::vector<std::string>{});
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
