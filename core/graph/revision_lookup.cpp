#include "graph/revision_lookup.hpp"

#include <algorithm>

#include "graph/revision_errors.hpp"
#include "graph/revision_map.hpp"
#include "graph/revision_spec.hpp"

namespace sdm::graph {
namespace {

std::vector<const Revision*> revisions_only(const std::vector<ResolvedRevision>& resolved) {
  std::vector<const Revision*> result;
  for (const ResolvedRevision& entry : resolved) {
    if (entry.revision != nullptr) result.push_back(entry.revision);
  }
  return result;
}

}  // namespace

std::vector<const Revision*> resolve_revisions(const RevisionMap& map,
                                               const std::string& identifier) {
  return with_command_errors({}, [&] { return revisions_only(get_revisions(map, identifier)); });
}

std::vector<const Revision*> resolve_revisions(const RevisionMap& map,
                                               const std::vector<std::string>& identifiers) {
  return with_command_errors({}, [&] { return revisions_only(get_revisions(map, identifiers)); });
}

const Revision* resolve_revision(const RevisionMap& map, const std::string& identifier) {
  return with_command_errors({}, [&] { return get_revision(map, identifier); });
}

std::vector<const Revision*> walk_revisions(const RevisionMap& map, const RevisionArgument& base,
                                            const RevisionArgument& head) {
  CommandErrorTexts texts;
  texts.start = describe_argument(base);
  texts.end = describe_argument(head);
  IterationOptions options;
  options.inclusive = true;
  options.assert_relative_length = false;
  return with_command_errors(texts, [&] { return iterate_revisions(map, head, base, options); });
}

std::vector<const Revision*> current_revisions(const RevisionMap& map,
                                               const std::vector<std::string>& version_rows) {
  return with_command_errors({}, [&] { return all_current(map, version_rows); });
}

std::vector<const Revision*> head_revisions(const RevisionMap& map, bool resolve_dependencies) {
  return map.pointers(resolve_dependencies ? map.real_heads() : map.heads());
}

std::vector<const Revision*> branch_point_revisions(const RevisionMap& map) {
  std::vector<const Revision*> points;
  for (const Revision* revision : walk_revisions(map)) {
    if (revision->is_branch_point()) points.push_back(revision);
  }
  return points;
}

std::vector<const Revision*> new_revision_parents(const RevisionMap& map, const std::string& head,
                                                  bool splice) {
  return new_revision_parents(map, std::vector<std::string>{head}, splice);
}

std::vector<const Revision*> new_revision_parents(const RevisionMap& map,
                                                  const std::vector<std::string>& heads,
                                                  bool splice) {
  CommandErrorTexts texts;
  texts.multiple_heads =
      "Multiple heads are present; please specify the head revision on which the new revision "
      "should be based, or perform a merge.";
  std::vector<const Revision*> parents =
      with_command_errors(texts, [&] { return revisions_only(get_revisions(map, heads)); });
  for (std::size_t i = 0; i < parents.size(); ++i) {
    if (std::find(parents.begin(), parents.begin() + static_cast<std::ptrdiff_t>(i), parents[i]) !=
        parents.begin() + static_cast<std::ptrdiff_t>(i)) {
      throw RevisionError("Duplicate head revisions specified");
    }
  }
  if (!splice) {
    for (const Revision* parent : parents) {
      if (!parent->is_head()) {
        throw RevisionError("Revision " + parent->id() +
                            " is not a head revision; please specify --splice to create a new "
                            "branch from this revision");
      }
    }
  }
  return parents;
}

}  // namespace sdm::graph
