// The revision plugins of one or more directories (a distribution's and a site's): their graph
// from file metadata alone, and their ops from loading only the plugins a run needs.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "graph/graph_problems.hpp"
#include "graph/revision_info.hpp"
#include "graph/revision_map.hpp"
#include "loader/loader_policy.hpp"
#include "loader/plugin_file.hpp"
#include "sdm/operations.hpp"

namespace sdm::runtime {

/// What a revision's upgrade()/downgrade() is told while it records (Operations::dialect()
/// and offline()).
struct RecordingContext {
  std::string dialect;  ///< "" when no database is involved
  bool offline = false;
};

/// Revisions found in a list of directories, one history across them all.
class RevisionCatalog {
 public:
  /// Reads the metadata of every `*.so` in each of `directories` (in that order; a directory
  /// named twice is read once) that `policy` accepts; loads nothing. Throws PluginError when a
  /// directory cannot be listed.
  explicit RevisionCatalog(const std::vector<std::string>& directories,
                           const loader::LoaderPolicy& policy = {});
  explicit RevisionCatalog(const std::string& directory, const loader::LoaderPolicy& policy = {})
      : RevisionCatalog(std::vector<std::string>{directory}, policy) {}

  /// The directories read, in reading order.
  const std::vector<std::string>& directories() const { return directories_; }
  /// Files refused by the loader and problems of the revision graph, each naming its file.
  const std::vector<loader::Rejection>& problems() const { return problems_; }
  /// The revision graph. Throws PluginError (a file was rejected) or RevisionError (the graph
  /// is broken: Alembic's text, then a line naming the file(s) at fault) for the first problem.
  const graph::RevisionMap& map() const;

  /// The revision plugin files that passed inspection, directory by directory in file-name
  /// order.
  const std::vector<loader::PluginFile>& files() const { return files_; }
  /// Where `revision`'s source was when its plugin was built: "" when the plugin does not
  /// say (built without sdm_add_revision(), or before sources were recorded).
  std::string source_of(const std::string& revision) const;
  /// The plugin file holding `revision`.
  const std::string& file_of(const std::string& revision) const;

  /// The files that passed inspection in directories()[index], in file-name order.
  std::vector<const loader::PluginFile*> files_in(std::size_t index) const;
  /// Every revision the files declare, as the graph was built from them (made on each call:
  /// the graph holds them once, and only `revision` needs them again).
  std::vector<graph::RevisionInfo> revisions() const;
  /// Loads every plugin (running its init) and returns the files that failed, with why.
  std::vector<loader::Rejection> load_all() const;

  /// Loads the plugin holding `revision` and records its upgrade or downgrade ops. Throws
  /// PluginError naming the file when loading or the callback fails.
  Operations record(const std::string& revision, bool upgrade,
                    const RecordingContext& context = {}) const;

 private:
  std::vector<std::string> directories_;
  std::vector<loader::PluginFile> files_;
  std::vector<std::size_t> directory_of_file_;  // index in directories_, parallel to files_
  std::map<std::string, std::size_t> file_of_revision_;  // id -> index in files_
  std::vector<loader::Rejection> problems_;
  std::size_t rejected_files_ = 0;
  std::vector<graph::GraphProblem> graph_problems_;
  std::unique_ptr<graph::RevisionMap> map_;
};

}  // namespace sdm::runtime
