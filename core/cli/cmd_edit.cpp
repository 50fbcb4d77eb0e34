// edit: opens the C++ source of revisions in the user's editor, found through the path each
// plugin recorded when it was built.
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "common/errors.hpp"
#include "graph/revision_lookup.hpp"

namespace sdm::cli {

int run_edit(AppContext& context) {
  const std::string& argument = context.line().positionals.front();
  std::vector<const graph::Revision*> revisions;
  if (argument == "current") {
    std::vector<std::string> rows = context.version_rows();
    if (rows.empty()) throw RevisionError("No current revisions");
    revisions = graph::resolve_revisions(context.map(), rows);
  } else {
    revisions = context.revisions_named(argument);
    if (revisions.empty())
      throw RevisionError("No revision files indicated by symbol '" + argument + "'");
  }
  // Every source is found before any editor opens, so a missing one stops nothing half-way.
  std::vector<std::string> sources;
  for (const graph::Revision* revision : revisions) {
    const std::string source = context.revisions().source_of(revision->id());
    const std::string& plugin = context.revisions().file_of(revision->id());
    if (source.empty()) {
      throw PluginError("revision " + revision->id() + " (" + plugin +
                        ") does not record where its source is: it was built without "
                        "sdm_add_revision() from this version's CMake package; rebuild it with "
                        "that, or open its source yourself");
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(source, ec)) {
      throw PluginError("revision " + revision->id() + " (" + plugin + ") was built from " +
                        source + ", which is not there any more");
    }
    sources.push_back(source);
  }
  context.out().flush();
  for (const auto& source : sources)
    open_in_editor(source);
  return 0;
}

}  // namespace sdm::cli
