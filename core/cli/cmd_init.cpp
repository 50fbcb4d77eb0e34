// init: a ready project for packagers: CMakeLists.txt, a sample config pointing at it, a
// first revision based on the current head, and a short README.
#include <filesystem>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/generated_files.hpp"
#include "cli/project_files.hpp"
#include "cli/revision_source.hpp"
#include "common/errors.hpp"
#include "graph/revision_lookup.hpp"

namespace sdm::cli {

int run_init(AppContext& context) {
  namespace fs = std::filesystem;
  const std::string& given = context.line().positionals.front();
  fs::path directory = fs::absolute(given).lexically_normal();
  std::error_code ec;
  if (fs::exists(directory, ec) && !fs::is_empty(directory, ec))
    throw UsageError("Directory " + given + " already exists and is not empty");

  // The first revision continues the revisions the project builds on; resolved before any
  // file is written, so a revision set with several heads leaves nothing behind.
  NewRevision first;
  first.id = random_revision_id();
  first.message = "first revision";
  first.create_date = current_create_date();
  for (const graph::Revision* parent : graph::new_revision_parents(context.map(), "head"))
    first.parents.push_back(parent->id());

  std::ostream& out = context.out();
  if (!fs::exists(directory, ec)) create_directory_reported(out, directory);
  create_directory_reported(out, directory / "versions");
  std::string name = directory.filename().string();
  write_file_reported(out, directory / "README", project_readme());
  write_file_reported(out, directory / "CMakeLists.txt", project_cmakelists(name));
  const fs::path config = directory / "sahara.conf.sample";
  write_file_reported(out, config, project_config_sample());
  write_file_reported(out, directory / "versions" / revision_file_name(first),
                      render_revision_source(first));
  out << "Please edit configuration/connection settings in '" << config.string()
      << "' before proceeding.\n";
  return 0;
}

}  // namespace sdm::cli
