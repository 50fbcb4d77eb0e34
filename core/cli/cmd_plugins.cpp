// plugins: what was loaded and what was rejected, with why; which driver serves each URL
// scheme; with --verify, every file against its directory's SHA256SUMS.
#include <algorithm>
#include <ostream>

#include "cli/commands.hpp"
#include "common/errors.hpp"
#include "loader/manifest_verification.hpp"
#include "loader/plugin_directory.hpp"

namespace sdm::cli {
namespace {

constexpr const char* kIndent = "            ";

void print_rejections(std::ostream& out, const std::vector<loader::Rejection>& rejections) {
  for (const auto& r : rejections)
    out << "  rejected  " << r.path << '\n' << kIndent << r.reason << '\n';
}

/// Under --insecure-plugins, what the trust rules would have refused is still named.
void print_trust_note(std::ostream& out, const loader::PluginFile& file) {
  if (!file.trust_note.empty())
    out << kIndent << "untrusted, used because trust checks are off: " << file.trust_note << '\n';
}

std::size_t print_schemes(std::ostream& out, const runtime::DriverCatalog& drivers) {
  std::vector<runtime::SchemeServer> schemes = drivers.schemes();
  std::size_t width = 0;
  for (const auto& s : schemes)
    width = std::max(width, s.scheme.size() + 3);
  std::size_t problems = 0;
  out << "\nURL schemes:\n";
  for (const auto& s : schemes) {
    std::string label = s.scheme + "://";
    label.resize(width, ' ');
    out << "  " << label << "  ";
    if (!s.file) {
      out << "refused: " << s.problem << '\n';
      ++problems;
      continue;
    }
    out << s.file->metadata.drivers.front().name << "  " << s.file->path;
    if (!s.chosen_by.empty()) out << "  (chosen by " << s.chosen_by << ")";
    out << '\n';
  }
  return problems;
}

const char* status_label(loader::DigestCheck::Status status) {
  using Status = loader::DigestCheck::Status;
  switch (status) {
    case Status::Verified:
      return "verified  ";
    case Status::Mismatch:
      return "MISMATCH  ";
    case Status::Unlisted:
      return "unlisted  ";
    case Status::Missing:
      return "missing   ";
    case Status::Refused:
      return "refused   ";
  }
  return "";
}

std::size_t print_verification(std::ostream& out, const std::string& directory, PluginKind kind,
                               const loader::LoaderPolicy& policy) {
  loader::DirectoryVerification verification;
  try {
    verification = loader::verify_plugin_directory(directory, kind, policy);
  } catch (const loader::DirectoryError& e) {
    throw PluginError(e.what());
  }
  std::size_t problems = 0;
  out << "\nManifest " << verification.manifest_path << ":\n";
  if (!verification.manifest_problem.empty()) {
    out << "  problem   " << verification.manifest_path << '\n'
        << kIndent << verification.manifest_problem << '\n';
    ++problems;
  }
  for (const auto& check : verification.files) {
    out << "  " << status_label(check.status) << check.path << '\n';
    if (!check.detail.empty()) out << kIndent << check.detail << '\n';
    if (check.status != loader::DigestCheck::Status::Verified) ++problems;
  }
  return problems;
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
    if (drivers.serves_a_scheme(file)) {
      out << "  loaded    " << driver.name << " (" << schemes << ")  " << file.path << '\n';
    } else {
      out << "  unloaded  " << driver.name << " (" << schemes << ")  " << file.path << '\n'
          << kIndent << "serves no URL scheme: each one it claims is disputed or chosen for "
          << "another driver (see URL schemes)\n";
    }
    print_trust_note(out, file);
  }
  print_rejections(out, drivers.rejections());
  problems += drivers.rejections().size();
  problems += print_schemes(out, drivers);

  runtime::RevisionCatalog& revisions = context.revisions();
  std::vector<loader::Rejection> revision_problems = revisions.problems();
  if (context.line().flag("load")) {
    for (const auto& failure : revisions.load_all())
      revision_problems.push_back(failure);
  }
  for (std::size_t d = 0; d < revisions.directories().size(); ++d) {
    out << "\nRevisions in " << revisions.directories()[d] << ":\n";
    for (const loader::PluginFile* file : revisions.files_in(d)) {
      std::string ids;
      for (const auto& r : file->metadata.revisions)
        ids += (ids.empty() ? "" : ", ") + r.id;
      out << "  " << (context.line().flag("load") ? "loaded    " : "read      ") << ids << "  "
          << file->path << '\n';
      print_trust_note(out, *file);
    }
  }
  print_rejections(out, revision_problems);
  problems += revision_problems.size();

  if (context.line().flag("verify")) {
    problems +=
        print_verification(out, drivers.directory(), PluginKind::Driver, context.plugin_policy());
    for (const auto& directory : revisions.directories())
      problems +=
          print_verification(out, directory, PluginKind::Revisions, context.plugin_policy());
  }

  if (problems > 0) {
    throw PluginError(std::to_string(problems) + " plugin problem(s); each is listed above");
  }
  return 0;
}

}  // namespace sdm::cli
