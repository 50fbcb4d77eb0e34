#include "runtime/revision_catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "common/errors.hpp"
#include "graph/python_text.hpp"
#include "loader/plugin_directory.hpp"
#include "loader/plugin_library.hpp"

namespace sdm::runtime {
namespace fs = std::filesystem;

RevisionCatalog::RevisionCatalog(const std::vector<std::string>& directories,
                                 const loader::LoaderPolicy& policy) {
  std::vector<fs::path> read;  // canonical forms of directories_
  for (const auto& directory : directories) {
    // The same directory twice (a setting and an option agreeing) is one set of files, not
    // every revision present twice.
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(directory, ec);
    if (ec) canonical = fs::absolute(directory).lexically_normal();
    if (std::find(read.begin(), read.end(), canonical) != read.end()) continue;
    read.push_back(canonical);
    directories_.push_back(directory);
    loader::ScanResult scan;
    try {
      scan = loader::scan_plugin_directory(directory, PluginKind::Revisions, policy);
    } catch (const loader::DirectoryError& e) {
      throw PluginError(e.what());
    }
    files_.reserve(files_.size() + scan.plugins.size());
    directory_of_file_.reserve(files_.size() + scan.plugins.size());
    for (auto& file : scan.plugins) {
      files_.push_back(std::move(file));
      directory_of_file_.push_back(directories_.size() - 1);
    }
    for (auto& rejection : scan.rejections)
      problems_.push_back(std::move(rejection));
  }
  rejected_files_ = problems_.size();

  for (std::size_t i = 0; i < files_.size(); ++i) {
    for (const auto& r : files_[i].metadata.revisions)
      file_of_revision_.emplace(r.id, i);  // a duplicate id is the graph's problem to report
  }
  graph::RevisionMap map = graph::RevisionMap::build(revisions(), graph_problems_);
  for (const auto& problem : graph_problems_)
    problems_.push_back({graph::join_comma(problem.paths), problem.message});
  if (problems_.empty()) map_ = std::make_unique<graph::RevisionMap>(std::move(map));
}

std::vector<graph::RevisionInfo> RevisionCatalog::revisions() const {
  std::vector<graph::RevisionInfo> revisions;
  revisions.reserve(files_.size());
  for (const auto& file : files_) {
    for (const auto& r : file.metadata.revisions)
      revisions.push_back({r.id, r.parents, r.depends_on, r.branch_labels, r.doc, file.path});
  }
  return revisions;
}

const graph::RevisionMap& RevisionCatalog::map() const {
  if (map_) return *map_;
  std::string more = problems_.size() > 1
                         ? " (and " + std::to_string(problems_.size() - 1) +
                               " more problem(s); `sahara-db-manage plugins` lists them all)"
                         : "";
  if (rejected_files_ > 0) {
    const auto& first = problems_.front();
    throw PluginError("revision plugin " + first.path + " rejected: " + first.reason + more);
  }
  // The FAILED line is Alembic's own text; the files at fault follow on a line of their own.
  const graph::GraphProblem& first = graph_problems_.front();
  std::string files = (first.paths.size() > 1 ? "plugin files: " : "plugin file: ") +
                      graph::join_comma(first.paths) + more + "\n";
  throw RevisionError(first.message, files);
}

std::string RevisionCatalog::source_of(const std::string& revision) const {
  for (const auto& r : files_.at(file_of_revision_.at(revision)).metadata.revisions) {
    if (r.id == revision) return r.source;
  }
  return {};
}

const std::string& RevisionCatalog::file_of(const std::string& revision) const {
  return files_.at(file_of_revision_.at(revision)).path;
}

std::vector<const loader::PluginFile*> RevisionCatalog::files_in(std::size_t index) const {
  std::vector<const loader::PluginFile*> files;
  for (std::size_t i = 0; i < files_.size(); ++i)
    if (directory_of_file_[i] == index) files.push_back(&files_[i]);
  return files;
}

std::vector<loader::Rejection> RevisionCatalog::load_all() const {
  std::vector<loader::Rejection> failures;
  for (const auto& file : files_) {
    try {
      loader::load_plugin(file);
    } catch (const loader::RejectedPlugin& e) {
      failures.push_back({file.path, e.what()});
    }
  }
  return failures;
}

Operations RevisionCatalog::record(const std::string& revision, bool upgrade,
                                   const RecordingContext& context) const {
  auto where = file_of_revision_.find(revision);
  if (where == file_of_revision_.end())
    throw RevisionError("Can't locate revision identified by '" + revision + "'");
  const loader::PluginFile& file = files_[where->second];
  const RevisionEntry* entry = nullptr;
  try {
    entry = loader::find_revision_entry(file, revision);
  } catch (const loader::RejectedPlugin& e) {
    throw PluginError("revision plugin " + file.path + " rejected: " + e.what());
  }
  if (entry == nullptr)
    throw PluginError("revision plugin " + file.path + " does not provide revision " + revision);
  Operations ops(context.dialect, context.offline);
  std::string error;
  if (!(upgrade ? entry->upgrade : entry->downgrade)(ops, error)) {
    throw PluginError("revision " + revision + " (" + file.path + "): its " +
                      (upgrade ? "upgrade" : "downgrade") + " failed: " + error);
  }
  return ops;
}

}  // namespace sdm::runtime
