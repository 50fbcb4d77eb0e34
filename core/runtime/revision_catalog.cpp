#include "runtime/revision_catalog.hpp"

#include "common/errors.hpp"
#include "graph/python_text.hpp"
#include "loader/plugin_directory.hpp"
#include "loader/plugin_library.hpp"

namespace sdm::runtime {

RevisionCatalog::RevisionCatalog(const std::string& directory, const loader::LoaderPolicy& policy)
    : directory_(directory) {
  loader::ScanResult scan;
  try {
    scan = loader::scan_plugin_directory(directory, PluginKind::Revisions, policy);
  } catch (const loader::DirectoryError& e) {
    throw PluginError(e.what());
  }
  files_ = std::move(scan.plugins);
  problems_ = std::move(scan.rejections);
  rejected_files_ = problems_.size();

  std::vector<graph::RevisionInfo> revisions;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    for (const auto& r : files_[i].metadata.revisions) {
      revisions.push_back({r.id, r.parents, r.depends_on, r.branch_labels, r.doc, files_[i].path});
      file_of_revision_.emplace(r.id, i);  // a duplicate id is the graph's problem to report
    }
  }
  graph_problems_ = graph::find_graph_problems(revisions);
  for (const auto& problem : graph_problems_)
    problems_.push_back({graph::join_comma(problem.paths), problem.message});
  if (problems_.empty()) map_ = std::make_unique<graph::RevisionMap>(std::move(revisions));
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

Operations RevisionCatalog::record(const std::string& revision, bool upgrade) const {
  auto where = file_of_revision_.find(revision);
  if (where == file_of_revision_.end())
    throw RevisionError("Can't locate revision identified by '" + revision + "'");
  const loader::PluginFile& file = files_[where->second];
  const PluginDescriptor* descriptor = nullptr;
  try {
    descriptor = &loader::load_plugin(file);
  } catch (const loader::RejectedPlugin& e) {
    throw PluginError("revision plugin " + file.path + " rejected: " + e.what());
  }
  for (std::uint32_t i = 0; i < descriptor->revision_count; ++i) {
    const RevisionEntry& entry = descriptor->revisions[i];
    if (loader::parse_revision_record(entry.metadata).id != revision) continue;
    Operations ops;
    std::string error;
    if (!(upgrade ? entry.upgrade : entry.downgrade)(ops, error)) {
      throw PluginError("revision " + revision + " (" + file.path + "): its " +
                        (upgrade ? "upgrade" : "downgrade") + " failed: " + error);
    }
    return ops;
  }
  throw PluginError("revision plugin " + file.path + " does not provide revision " + revision);
}

}  // namespace sdm::runtime
