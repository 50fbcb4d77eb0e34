#include "cli/model_comparison.hpp"

#include <set>

#include "common/errors.hpp"
#include "graph/revision_lookup.hpp"
#include "runtime/exec.hpp"
#include "runtime/live_schema.hpp"
#include "runtime/version_table.hpp"

namespace sdm::cli {

schema::ComparisonDialect comparison_dialect(const runtime::DialectHandle& dialect) {
  return {dialect.name(), [&dialect](const Type& type) { return dialect.render_type(type); }};
}

std::vector<std::string> version_rows(runtime::ConnectionHandle& connection,
                                      const runtime::DialectHandle& dialect) {
  runtime::Exec exec(connection, dialect);
  return runtime::VersionTable(exec).read_heads();
}

ModelComparison compare_with_model(AppContext& context) {
  const auto& dialect = context.driver().dialect();
  ModelComparison result{context.model_path(), comparison_dialect(dialect), {}, {}};
  const schema::DeclaredSchema model = schema::load_declared_schema(result.model_path);
  auto connection = context.connect();

  std::set<std::string> current, heads;
  for (const graph::Revision* revision :
       graph::current_revisions(context.map(), version_rows(*connection, dialect)))
    current.insert(revision->id());
  for (const graph::Revision* revision : graph::head_revisions(context.map()))
    heads.insert(revision->id());
  if (current != heads) throw DatabaseError("Target database is not up to date.");

  const Schema live = model.without_ignored(
      runtime::read_live_schema(*connection, dialect, runtime::VersionTable::kDefaultName));
  const Schema target = model.compared_tables();
  result.changes = schema::diff_schemas(target, live, result.dialect);
  for (const auto& [name, table] : target) {
    if (!live.count(name)) continue;
    for (const auto& constraint : table.constraints)
      if (constraint.kind == ConstraintKind::Check)
        result.not_compared.push_back(
            "check constraint " + (constraint.name.empty() ? "" : constraint.name + " ") + "on " +
            name + " (" + constraint.condition +
            ") is not compared, as the database rewrites its expression: check it by hand");
  }
  return result;
}

}  // namespace sdm::cli
