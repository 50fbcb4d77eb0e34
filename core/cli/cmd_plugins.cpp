// plugins: what was loaded and what was rejected, with why.
#include <ostream>

#include "cli/commands.hpp"
#include "common/errors.hpp"

namespace sdm::cli {
namespace {

void print_rejections(std::ostream& out, const std::vector<loader::Rejection>& rejections) {
  for (const auto& r : rejections)
    out << "  rejected  " << r.path << "\n            " << r.reason << '\n';
}

}  // namespace

int run_plugins(AppContext& context) {
  std::ostream& out = context.out();
  std::size_t problems = 0;

  runtime::DriverCatalog& drivers = context.drivers();
  drivers.load_all();
  out << "Drivers in " << drivers.directory() << ":\n";
  for (const auto& file : drivers.drivers()) {
    const auto& driver = file.metadata.drivers.front();
    std::string schemes;
    for (const auto& s : driver.schemes)
      schemes += (schemes.empty() ? "" : ", ") + s + "://";
    out << "  loaded    " << driver.name << " (" << schemes << ")  " << file.path << '\n';
  }
  print_rejections(out, drivers.rejections());
  problems += drivers.rejections().size();

  runtime::RevisionCatalog& revisions = context.revisions();
  std::vector<loader::Rejection> revision_problems = revisions.problems();
  if (context.line().flag("load")) {
    for (const auto& failure : revisions.load_all())
      revision_problems.push_back(failure);
  }
  out << "\nRevisions in " << revisions.directory() << ":\n";
  for (const auto& file : revisions.files()) {
    std::string ids;
    for (const auto& r : file.metadata.revisions)
      ids += (ids.empty() ? "" : ", ") + r.id;
    out << "  " << (context.line().flag("load") ? "loaded    " : "read      ") << ids << "  "
        << file.path << '\n';
  }
  print_rejections(out, revision_problems);
  problems += revision_problems.size();

  if (problems > 0) {
    throw PluginError(std::to_string(problems) + " plugin problem(s); each is listed above");
  }
  return 0;
}

}  // namespace sdm::cli
