#include "graph/history_range.hpp"

#include "common/errors.hpp"
#include "graph/python_text.hpp"
#include "graph/revision_iteration.hpp"
#include "graph/revision_lookup.hpp"

namespace sdm::graph {
namespace {

constexpr const char* kRangeSyntax = "History range requires [start]:[end], [start]:, or :[end]";

}  // namespace

HistoryRange parse_history_range(std::string_view text) {
  std::string_view range = python_strip(text);
  std::size_t colon = range.find(':');
  if (colon == std::string_view::npos || range.find(':', colon + 1) != std::string_view::npos) {
    throw RevisionError(kRangeSyntax);
  }
  return {std::string(range.substr(0, colon)), std::string(range.substr(colon + 1))};
}

bool history_needs_database(const std::optional<HistoryRange>& range, bool indicate_current) {
  return indicate_current || (range && (range->start == "current" || range->end == "current"));
}

std::vector<const Revision*> list_history(const RevisionMap& map,
                                          const std::optional<HistoryRange>& range,
                                          const std::vector<std::string>& current_heads) {
  const std::string start = range ? range->start : std::string();
  const std::string end = range ? range->end : std::string();
  RevisionArgument base = start.empty() ? std::string("base") : start;
  RevisionArgument head = end.empty() ? std::string("heads") : end;
  // `current` stands for the version table rows; no rows means the default for that end.
  if (end == "current") {
    head = current_heads.empty() ? RevisionArgument(std::string("heads"))
                                 : RevisionArgument(current_heads);
  } else if (start == "current") {
    base = current_heads.empty() ? RevisionArgument(std::string("base"))
                                 : RevisionArgument(current_heads);
  }
  return walk_revisions(map, base, head);
}

}  // namespace sdm::graph
