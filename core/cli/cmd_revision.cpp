// revision and merge: write the C++ source of a new revision plugin.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/model_comparison.hpp"
#include "cli/op_source.hpp"
#include "cli/revision_source.hpp"
#include "cli/revision_source_reader.hpp"
#include "common/errors.hpp"
#include "graph/graph_problems.hpp"
#include "graph/revision_lookup.hpp"
#include "graph/revision_names.hpp"
#include "schema/autogenerate.hpp"

namespace sdm::cli {
namespace {

/// The installed revisions and those written in the sources directory but not built yet, so a
/// chain can be generated before anything is built. A built revision wins over its source.
graph::RevisionMap revisions_with_unbuilt_sources(AppContext& context) {
  context.map();  // the installed graph must be sound on its own
  std::vector<graph::RevisionInfo> revisions = context.revisions().revisions();
  for (auto& source : read_revision_sources(context.revision_source_dir())) {
    const bool built = std::any_of(revisions.begin(), revisions.end(),
                                   [&](const graph::RevisionInfo& r) { return r.id == source.id; });
    if (!built) revisions.push_back(std::move(source));
  }
  return graph::RevisionMap(std::move(revisions));
}

std::string new_revision_id(AppContext& context, const graph::RevisionMap& map) {
  std::string id = context.line().value("rev-id").value_or(random_revision_id());
  if (auto problem = graph::new_revision_id_problem(id)) throw RevisionError(*problem);
  if (const graph::Revision* existing = map.find(id)) {
    throw RevisionError("Revision " + id + " is already present (" + existing->path() +
                        "); choose another --rev-id");
  }
  return id;
}

std::vector<std::string> new_branch_labels(AppContext& context, const graph::RevisionMap& map) {
  auto labels = context.line().values("branch-label");
  for (const auto& label : labels) {
    if (auto problem = graph::new_branch_label_problem(label)) throw RevisionError(*problem);
    const graph::Revision* owner = map.find_key(label);
    if (owner != nullptr) {
      throw RevisionError("Branch name '" + label + "' is already used by revision " + owner->id() +
                          "; choose another --branch-label");
    }
  }
  return labels;
}

/// Creates `path` for writing; never through a symlink, never over an existing file.
int create_new_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd >= 0) return fd;
  if (errno == EEXIST) throw UsageError(path.string() + " already exists; choose another --rev-id");
  throw UsageError("cannot create " + path.string() + ": " + std::strerror(errno));
}

/// Writes the source and prints Alembic's "Generating <path> ...  done".
int write_revision(AppContext& context, NewRevision revision) {
  namespace fs = std::filesystem;
  fs::path dir = fs::absolute(context.revision_source_dir()).lexically_normal();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw UsageError("cannot create " + dir.string() + ": " + ec.message());
  const std::string name = revision_file_name(revision);
  fs::path path = dir / name;
  // The id and slug rules keep the name a plain file name; check it all the same.
  if (name.find('/') != std::string::npos || path.parent_path() != dir.lexically_normal())
    throw UsageError("the file name " + name + " would leave " + dir.string());
  const std::string source = render_revision_source(revision);
  int fd = create_new_file(path);
  context.out() << "Generating " << path.string() << " ..." << std::flush;
  int error = 0;
  for (std::size_t done = 0; done < source.size() && error == 0;) {
    ssize_t n = ::write(fd, source.data() + done, source.size() - done);
    if (n > 0)
      done += static_cast<std::size_t>(n);
    else if (n == 0 || errno != EINTR)
      error = n == 0 ? EIO : errno;
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    context.out() << "  FAILED\n";
    throw UsageError("cannot write " + path.string() + ": " + std::strerror(error));
  }
  context.out() << "  done\n";
  return 0;
}

std::vector<std::string> ids_of(const std::vector<const graph::Revision*>& revisions) {
  std::vector<std::string> ids;
  for (const auto* r : revisions)
    ids.push_back(r->id());
  return ids;
}

/// What `revision` and `merge` share: id, message, date and branch labels.
NewRevision new_revision(AppContext& context, const graph::RevisionMap& map) {
  NewRevision revision;
  revision.id = new_revision_id(context, map);
  revision.message = context.line().value("message").value_or("");
  revision.create_date = current_create_date();
  revision.branch_labels = new_branch_labels(context, map);
  return revision;
}

/// --autogenerate: the ops that make the database (at head) what the model declares. Returns
/// false when there are none and no empty revision was asked for.
bool autogenerate_bodies(AppContext& context, NewRevision& revision) {
  const ModelComparison comparison = compare_with_model(context);
  // As Alembic logs what autogenerate compares found, one difference a line.
  for (const auto& change : comparison.changes)
    for (const auto& line : schema::alembic_wording(change, comparison.dialect))
      context.log().info(line);
  const schema::AutogeneratePlan plan = schema::plan_autogenerate(comparison.changes);
  if (plan.empty() && !context.line().flag("allow-empty")) {
    context.out() << "No changes in schema detected; no revision written (--allow-empty writes "
                     "an empty one).\n";
    return false;
  }
  GeneratedBodies bodies;
  bodies.origin = comparison.model_path + " and the database";
  for (const Op& op : plan.upgrade)
    bodies.upgrade.push_back(op_source(op));
  for (const Op& op : plan.downgrade)
    bodies.downgrade.push_back(op_source(op));
  bodies.notes = plan.notes;
  bodies.notes.insert(bodies.notes.end(), comparison.not_compared.begin(),
                      comparison.not_compared.end());
  revision.generated = std::move(bodies);
  return true;
}

}  // namespace

int run_revision(AppContext& context) {
  const CommandLine& line = context.line();
  const bool autogenerate = line.flag("autogenerate");
  // Sahara's grammar has --sql; Alembic refuses it without a revision environment, and
  // there never is one here.
  if (line.flag("sql")) {
    throw UsageError(autogenerate
                         ? "Using --sql with --autogenerate does not make any sense"
                         : "Using --sql with the revision command when revision_environment is "
                           "not configured does not make any sense");
  }
  if (line.flag("allow-empty") && !autogenerate)
    throw UsageError("--allow-empty goes with --autogenerate");
  const graph::RevisionMap map = revisions_with_unbuilt_sources(context);
  NewRevision revision = new_revision(context, map);
  revision.parents = ids_of(
      graph::new_revision_parents(map, line.value("head").value_or("head"), line.flag("splice")));
  for (const auto& dependency : line.values("depends-on")) {
    const graph::Revision* target = graph::resolve_revision(map, dependency);
    if (target == nullptr) throw RevisionError("--depends-on base names no revision");
    const auto& labels = target->branch_labels();
    // A label stays a label (it follows its branch); anything else becomes the full id.
    bool is_label = std::find(labels.begin(), labels.end(), dependency) != labels.end();
    revision.depends_on.push_back(is_label ? dependency : target->id());
  }
  if (autogenerate && !autogenerate_bodies(context, revision)) return 0;
  return write_revision(context, std::move(revision));
}

int run_merge(AppContext& context) {
  const graph::RevisionMap map = revisions_with_unbuilt_sources(context);
  NewRevision revision = new_revision(context, map);
  // As with Alembic, every argument must name a head; a single one makes a plain child.
  revision.parents = ids_of(graph::new_revision_parents(map, context.line().positionals));
  return write_revision(context, std::move(revision));
}

}  // namespace sdm::cli
