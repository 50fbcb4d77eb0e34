// check and drift: the live database compared with the declared model (check, Alembic 1.9's
// command) or with the schema its applied revisions describe (drift). Both only read.
#include <ostream>

#include "cli/commands.hpp"
#include "cli/model_comparison.hpp"
#include "common/errors.hpp"
#include "graph/revision_lookup.hpp"
#include "runtime/live_schema.hpp"
#include "runtime/schema_replay.hpp"
#include "runtime/version_table.hpp"

namespace sdm::cli {

int run_check(AppContext& context) {
  const ModelComparison comparison = compare_with_model(context);
  if (comparison.changes.empty()) {
    context.out() << "No new upgrade operations detected.\n";
    return 0;
  }
  std::size_t count = 0;
  for (const auto& change : comparison.changes)
    for (const auto& line : schema::alembic_wording(change, comparison.dialect)) {
      context.out() << line << '\n';
      ++count;
    }
  throw HostError(ExitCode::Differs, "New upgrade operations detected: " + std::to_string(count) +
                                         " (the database differs from " + comparison.model_path +
                                         ")");
}

int run_drift(AppContext& context) {
  const auto& dialect = context.driver().dialect();
  auto connection = context.connect();
  std::vector<std::string> applied;
  for (const graph::Revision* revision :
       graph::current_revisions(context.map(), version_rows(*connection, dialect)))
    applied.push_back(revision->id());
  const Schema expected = runtime::replay_schema(context.revisions(), context.map(), applied);
  const Schema live =
      runtime::read_live_schema(*connection, dialect, runtime::VersionTable::kDefaultName);
  const auto comparison = comparison_dialect(dialect);
  const auto changes = schema::diff_schemas(expected, live, comparison);
  std::string at;
  for (const auto& id : applied)
    at += (at.empty() ? "" : ", ") + id;
  if (at.empty()) at = "base";
  if (changes.empty()) {
    context.out() << "No drift: the database is the schema revision(s) " << at << " describe.\n";
    return 0;
  }
  for (const auto& change : changes)
    context.out() << schema::drift_wording(change, comparison) << '\n';
  throw HostError(ExitCode::Differs, "the database has drifted from the schema revision(s) " + at +
                                         " describe: " + std::to_string(changes.size()) +
                                         " difference(s)");
}

}  // namespace sdm::cli
