#include "graph/migration_plan.hpp"

#include <algorithm>

#include "graph/revision_errors.hpp"
#include "graph/revision_iteration.hpp"
#include "graph/revision_map.hpp"
#include "graph/revision_spec.hpp"
#include "graph/traversal.hpp"

namespace sdm::graph {

MigrationPlan plan_upgrade(const RevisionMap& map, const std::string& destination,
                           const std::vector<std::string>& current_heads) {
  CommandErrorTexts texts;
  texts.ancestor = CommandErrorTexts::Ancestor::UpgradeDestination;
  texts.end = destination;
  IterationOptions options;
  options.implicit_base = true;
  MigrationPlan plan;
  std::vector<const Revision*> newest_first = with_command_errors(texts, [&] {
    return iterate_revisions(map, destination, current_heads, options, &plan.warnings);
  });
  for (auto it = newest_first.rbegin(); it != newest_first.rend(); ++it) {
    plan.steps.push_back(MigrationStep::upgrade(**it));
  }
  return plan;
}

MigrationPlan plan_downgrade(const RevisionMap& map, const std::string& destination,
                             const std::vector<std::string>& current_heads) {
  CommandErrorTexts texts;
  texts.ancestor = CommandErrorTexts::Ancestor::DowngradeDestination;
  texts.end = destination;
  IterationOptions options;
  options.select_for_downgrade = true;
  MigrationPlan plan;
  std::vector<const Revision*> newest_first = with_command_errors(texts, [&] {
    return iterate_revisions(map, current_heads, destination, options, &plan.warnings);
  });
  for (const Revision* revision : newest_first) {
    plan.steps.push_back(MigrationStep::downgrade(*revision));
  }
  return plan;
}

MigrationPlan plan_stamp(const RevisionMap& map, const std::vector<std::string>& destinations,
                         const std::vector<std::string>& current_heads, bool purge) {
  CommandErrorTexts texts;
  texts.multiple_heads = "Multiple heads are present; please specify a single target revision";
  const std::vector<std::string> heads = purge ? std::vector<std::string>{} : current_heads;
  const std::vector<std::string> targets =
      destinations.empty() ? std::vector<std::string>{"base"} : destinations;

  MigrationPlan plan;
  with_command_errors(texts, [&] {
    std::vector<std::size_t> head_revisions;
    for (const ResolvedRevision& head : get_revisions(map, heads)) {
      if (head.revision != nullptr) head_revisions.push_back(head.revision->index());
    }
    // The current heads each destination concerns: those on its line of descent.
    std::vector<std::size_t> affected;
    for (const std::string& target : targets) {
      if (target.empty()) continue;
      for (std::size_t head : filter_for_lineage(map, head_revisions, target, true)) {
        if (std::find(affected.begin(), affected.end(), head) == affected.end()) {
          affected.push_back(head);
        }
      }
    }
    const std::vector<std::string> affected_ids = map.ids(affected);

    std::vector<const Revision*> stamped;
    for (const ResolvedRevision& entry : get_revisions(map, targets)) {
      if (entry.revision != nullptr) stamped.push_back(entry.revision);
    }
    if (stamped.empty()) {
      // Stamping the base removes every affected branch.
      for (const std::string& head : affected_ids) {
        plan.steps.push_back(MigrationStep::stamp({head}, {}, false, true));
      }
      return 0;
    }
    for (const Revision* destination : stamped) {
      const std::size_t index = destination->index();
      if (std::find(affected.begin(), affected.end(), index) != affected.end()) continue;
      std::vector<char> above = membership(map, descendants(map, {index}, true));
      std::vector<char> below = membership(map, ancestors(map, {index}, true));
      auto any_in = [&affected](const std::vector<char>& flags) {
        return std::any_of(affected.begin(), affected.end(),
                           [&flags](std::size_t head) { return flags[head] != 0; });
      };
      if (any_in(above)) {
        plan.steps.push_back(MigrationStep::stamp(affected_ids, {destination->id()}, false, false));
      } else if (any_in(below)) {
        plan.steps.push_back(MigrationStep::stamp(affected_ids, {destination->id()}, true, false));
      } else {
        plan.steps.push_back(MigrationStep::stamp({}, {destination->id()}, true, true));
      }
    }
    return 0;
  });
  return plan;
}

}  // namespace sdm::graph
