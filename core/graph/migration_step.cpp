#include "graph/migration_step.hpp"

#include <utility>

#include "graph/python_text.hpp"

namespace sdm::graph {

MigrationStep MigrationStep::upgrade(const Revision& revision) {
  MigrationStep step;
  step.is_upgrade = true;
  step.revision = &revision;
  step.from_revisions = revision.normalized_down_revisions();
  step.to_revisions = {revision.id()};
  step.from_revisions_no_deps = revision.parents();
  step.to_revisions_no_deps = {revision.id()};
  return step;
}

MigrationStep MigrationStep::downgrade(const Revision& revision) {
  MigrationStep step;
  step.is_upgrade = false;
  step.revision = &revision;
  step.from_revisions = {revision.id()};
  step.to_revisions = revision.normalized_down_revisions();
  step.from_revisions_no_deps = {revision.id()};
  step.to_revisions_no_deps = revision.parents();
  return step;
}

MigrationStep MigrationStep::stamp(std::vector<std::string> from, std::vector<std::string> to,
                                   bool is_upgrade, bool branch_move) {
  MigrationStep step;
  step.kind = Kind::Stamp;
  step.is_upgrade = is_upgrade;
  step.branch_move = branch_move;
  step.from_revisions = from;
  step.to_revisions = to;
  step.from_revisions_no_deps = std::move(from);
  step.to_revisions_no_deps = std::move(to);
  return step;
}

std::string MigrationStep::name() const {
  if (kind == Kind::Stamp) return "stamp_revision";
  return is_upgrade ? "upgrade" : "downgrade";
}

std::string MigrationStep::doc() const {
  return kind == Kind::Revision && revision != nullptr ? revision->message() : std::string();
}

std::string MigrationStep::short_log() const {
  return name() + " " + join_comma(from_revisions_no_deps) + " -> " +
         join_comma(to_revisions_no_deps);
}

std::string MigrationStep::log_text() const {
  std::string message = doc();
  return message.empty() ? short_log() : short_log() + ", " + message;
}

}  // namespace sdm::graph
