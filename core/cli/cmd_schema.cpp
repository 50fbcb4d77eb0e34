// schema: the declared-model YAML of the schema at a revision (replayed from the revisions'
// ops, no database needed) or of the live database (reflected), for bootstrapping or reviewing
// a model.
#include <ostream>

#include "cli/commands.hpp"
#include "common/errors.hpp"
#include "graph/revision_lookup.hpp"
#include "runtime/live_schema.hpp"
#include "runtime/schema_replay.hpp"
#include "runtime/version_table.hpp"
#include "schema/declared_schema.hpp"

namespace sdm::cli {

int run_schema(AppContext& context) {
  const CommandLine& line = context.line();
  const auto revision = line.value("revision");
  const bool live = line.flag("live");
  if (live == revision.has_value())
    throw UsageError("schema needs either --revision REV or --live (one of them)");

  schema::DeclaredSchema described;
  if (live) {
    auto connection = context.connect();
    described.tables = runtime::read_live_schema(*connection, context.driver().dialect(),
                                                 runtime::VersionTable::kDefaultName);
  } else {
    std::vector<std::string> heads;
    for (const graph::Revision* found : graph::resolve_revisions(context.map(), *revision))
      heads.push_back(found->id());
    described.tables = runtime::replay_schema(context.revisions(), context.map(), heads);
  }
  context.out() << schema::write_declared_schema(described);
  return 0;
}

}  // namespace sdm::cli
