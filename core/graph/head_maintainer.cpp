#include "graph/head_maintainer.hpp"

#include <algorithm>
#include <utility>

#include "common/errors.hpp"
#include "graph/revision_map.hpp"
#include "graph/traversal.hpp"

namespace sdm::graph {
namespace {

bool contains(const std::vector<std::string>& items, const std::string& value) {
  return std::find(items.begin(), items.end(), value) != items.end();
}

std::vector<std::string> in_both(const std::vector<std::string>& items,
                                 const std::vector<std::string>& others) {
  std::vector<std::string> result;
  for (const std::string& item : items) {
    if (contains(others, item)) result.push_back(item);
  }
  return result;
}

std::vector<std::string> only_in_first(const std::vector<std::string>& items,
                                       const std::vector<std::string>& others) {
  std::vector<std::string> result;
  for (const std::string& item : items) {
    if (!contains(others, item)) result.push_back(item);
  }
  return result;
}

std::string heads_text(const std::vector<std::string>& heads) {
  std::string text;
  for (const std::string& head : heads)
    text += (text.empty() ? "" : ", ") + head;
  return text.empty() ? "none" : text;
}

}  // namespace

HeadMaintainer::HeadMaintainer(const RevisionMap& map, std::vector<std::string> current_heads)
    : map_(&map) {
  for (std::string& head : current_heads) {
    if (!contains(heads_, head)) heads_.push_back(std::move(head));
  }
}

bool HeadMaintainer::is_head(const std::string& id) const {
  return contains(heads_, id);
}

void HeadMaintainer::insert(const std::string& version, std::vector<VersionChange>& changes) {
  if (is_head(version)) {
    throw DatabaseError("Can't insert '" + version +
                        "' into the version table: it is already a current head");
  }
  heads_.push_back(version);
  changes.push_back({VersionChange::Kind::Insert, "", version});
}

void HeadMaintainer::remove(const std::string& version, std::vector<VersionChange>& changes) {
  auto found = std::find(heads_.begin(), heads_.end(), version);
  if (found == heads_.end()) {
    throw DatabaseError("Can't delete '" + version +
                        "' from the version table: current heads are " + heads_text(heads_));
  }
  heads_.erase(found);
  changes.push_back({VersionChange::Kind::Delete, version, ""});
}

void HeadMaintainer::update(const std::string& from, const std::string& to,
                            std::vector<VersionChange>& changes) {
  auto found = std::find(heads_.begin(), heads_.end(), from);
  if (found == heads_.end() || is_head(to)) {
    throw DatabaseError("Can't update '" + from + "' to '" + to +
                        "' in the version table: current heads are " + heads_text(heads_));
  }
  *found = to;
  changes.push_back({VersionChange::Kind::Update, from, to});
}

std::vector<std::string> HeadMaintainer::ancestors_of_heads_except(
    const std::vector<std::string>& excluded) const {
  std::vector<std::size_t> others;
  for (const std::string& head : heads_) {
    if (contains(excluded, head)) continue;
    if (const Revision* revision = map_->find(head)) others.push_back(revision->index());
  }
  return map_->ids(ancestors(*map_, others, true));
}

std::vector<std::string> HeadMaintainer::unmerge_targets(const MigrationStep& step) const {
  const std::string& id = step.revision->id();
  // Parents another head still stands on keep no row of their own. With no other head every
  // parent gets its row back, even one another parent implies through depends_on: that is
  // what Alembic writes, so a database looks the same whichever tool migrated it.
  if (only_in_first(heads_, {id}).empty()) return step.to_revisions;
  return only_in_first(step.to_revisions, ancestors_of_heads_except({id}));
}

std::vector<VersionChange> HeadMaintainer::apply(const MigrationStep& step) {
  std::vector<VersionChange> changes;
  if (step.kind == MigrationStep::Kind::Stamp) {
    const std::vector<std::string>& from = step.from_revisions;
    const std::vector<std::string>& to = step.to_revisions;
    if (step.is_downgrade() && step.branch_move) {
      remove(from.at(0), changes);
    } else if (step.is_upgrade && (step.branch_move || !only_in_first(from, heads_).empty()) &&
               !only_in_first(to, heads_).empty()) {
      insert(to.at(0), changes);
    } else if (from.size() > 1) {
      for (std::size_t i = 0; i + 1 < from.size(); ++i)
        remove(from[i], changes);
      update(from.back(), to.at(0), changes);
    } else if (to.size() > 1) {
      for (std::size_t i = 0; i + 1 < to.size(); ++i)
        insert(to[i], changes);
      update(from.at(0), to.back(), changes);
    } else {
      update(from.at(0), to.at(0), changes);
    }
    return changes;
  }

  const Revision& revision = *step.revision;
  const std::vector<std::string>& down = revision.normalized_down_revisions();
  const std::vector<std::string> down_in_heads = in_both(down, heads_);
  const bool revision_is_head = is_head(revision.id());

  if (step.is_downgrade() && revision_is_head && (down.empty() || unmerge_targets(step).empty())) {
    // Closing a branch: nothing below it needs a row.
    remove(revision.id(), changes);
  } else if (step.is_upgrade && (down.empty() || down_in_heads.empty())) {
    // Starting a branch: none of its parents holds a row.
    insert(revision.id(), changes);
  } else if (step.is_upgrade && down.size() > 1 && down_in_heads.size() > 1) {
    // Merging: drop every parent row but one, which becomes the merge.
    std::vector<std::string> merged = step.from_revisions;
    if (!only_in_first(heads_, down).empty()) {
      merged = only_in_first(merged, ancestors_of_heads_except(step.from_revisions));
    }
    // Only rows that exist can be deleted or updated.
    merged = in_both(merged, heads_);
    if (merged.empty()) {
      throw DatabaseError("Can't merge into '" + revision.id() +
                          "': no parent row is left once other heads are accounted for");
    }
    for (std::size_t i = 0; i + 1 < merged.size(); ++i)
      remove(merged[i], changes);
    update(merged.back(), step.to_revisions.at(0), changes);
  } else if (step.is_downgrade() && revision_is_head && down.size() > 1) {
    // Unmerging: the merge row goes back to one parent and the others get rows again.
    std::vector<std::string> targets = unmerge_targets(step);
    for (std::size_t i = 0; i + 1 < targets.size(); ++i)
      insert(targets[i], changes);
    update(step.from_revisions.at(0), targets.back(), changes);
  } else {
    std::string below;
    if (down.size() == 1) {
      below = down.front();
    } else if (down_in_heads.size() == 1) {
      below = down_in_heads.front();
    } else {
      throw DatabaseError("Can't do an UPDATE because downrevision is ambiguous");
    }
    if (step.is_upgrade) {
      update(below, revision.id(), changes);
    } else {
      update(revision.id(), below, changes);
    }
  }
  return changes;
}

std::string unexpected_update_count_message(const std::string& from, const std::string& to,
                                            const std::string& table, long long found) {
  return "Online migration expected to match one row when updating '" + from + "' to '" + to +
         "' in '" + table + "'; " + std::to_string(found) + " found";
}

std::string unexpected_delete_count_message(const std::string& version, const std::string& table,
                                            long long found) {
  return "Online migration expected to match one row when deleting '" + version + "' in '" + table +
         "'; " + std::to_string(found) + " found";
}

}  // namespace sdm::graph
