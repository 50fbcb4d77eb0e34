#include "runtime/interruption.hpp"

#include <algorithm>

#include "common/errors.hpp"
#include "graph/head_maintainer.hpp"
#include "graph/traversal.hpp"

namespace sdm::runtime {
namespace {

const graph::Revision& revision_of(const graph::RevisionMap& map, const StepProgress& progress) {
  const graph::Revision* revision = map.find(progress.revision);
  if (revision == nullptr)
    throw DatabaseError("the " + progress.direction() + " of revision " + progress.revision +
                        " was interrupted (see " + std::string(ProgressTable::kDefaultName) +
                        "), but no revision plugin here provides " + progress.revision +
                        ": point --revisions-dir at the revisions it was run with");
  return *revision;
}

/// Whether `id` is one of the rows or below one of them.
bool applied(const graph::RevisionMap& map, const std::vector<std::string>& rows,
             const std::string& id) {
  std::vector<std::size_t> indices;
  for (const auto& row : rows)
    if (const graph::Revision* revision = map.find(row)) indices.push_back(revision->index());
  for (std::size_t index : graph::ancestors(map, indices, true))
    if (map.at(index).id() == id) return true;
  return false;
}

}  // namespace

graph::MigrationStep interrupted_step(const graph::RevisionMap& map, const StepProgress& progress) {
  const graph::Revision& revision = revision_of(map, progress);
  return progress.upgrade ? graph::MigrationStep::upgrade(revision)
                          : graph::MigrationStep::downgrade(revision);
}

std::vector<std::string> heads_once_done(const graph::RevisionMap& map,
                                         const std::vector<std::string>& rows,
                                         const StepProgress& progress) {
  graph::HeadMaintainer heads(map, rows);
  heads.apply(interrupted_step(map, progress));
  return heads.heads();
}

bool recorded_as_done(const graph::RevisionMap& map, const std::vector<std::string>& rows,
                      const StepProgress& progress) {
  revision_of(map, progress);
  return applied(map, rows, progress.revision) == progress.upgrade;
}

std::string interruption_point(const StepProgress& p) {
  if (p.undoing()) return "interrupted while undoing what ran of its " + p.direction();
  return std::string(p.upgrade ? "" : "downgrade ") + "interrupted at op " +
         std::to_string(p.ops_done + 1) + " of " + std::to_string(p.op_count);
}

std::string interruption_summary(const StepProgress& p) {
  if (p.undoing())
    return interruption_point(p) + "; run " + (p.upgrade ? "downgrade" : "upgrade") +
           " to finish undoing it";
  return interruption_point(p) + "; run " + p.direction() + " to finish it";
}

std::string interruption_details(const StepProgress& p) {
  std::string text = "The " + p.direction() + " of " + p.revision + " started at " +
                     utc_time(p.started_at) + " (" + p.runner + ") and stopped at " +
                     utc_time(p.updated_at) + " after " + std::to_string(p.ops_done) + " of its " +
                     std::to_string(p.op_count) + " ops";
  if (p.statements_done > 0)
    text += " and " + std::to_string(p.statements_done) + " statement(s) of op " +
            std::to_string(p.ops_done + 1);
  if (p.undoing())
    text += "; undoing them had completed " + std::to_string(*p.undo_ops_done) + " op(s)";
  text += p.failure.empty() ? "; no error was recorded (the run was killed, or lost its connection)"
                            : "; it failed with: " + p.failure;
  return text + ".";
}

}  // namespace sdm::runtime
