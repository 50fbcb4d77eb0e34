// The `history -r [start]:[end]` range and the revisions `history` lists for it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/revision.hpp"

namespace sdm::graph {

class RevisionMap;

/// A history range split at its colon; an empty end means the default (base / heads).
struct HistoryRange {
  std::string start;
  std::string end;
};

/// Parses `-r/--rev-range`. Without a colon: "History range requires [start]:[end], [start]:,
/// or :[end]".
HistoryRange parse_history_range(std::string_view text);

/// True when listing needs the database: `current` at either end, or marking the current rows.
bool history_needs_database(const std::optional<HistoryRange>& range, bool indicate_current);

/// The revisions `history` prints, newest first; the start is inclusive. `current_heads` (the
/// version table rows) stand in for `current` at either end.
std::vector<const Revision*> list_history(const RevisionMap& map,
                                          const std::optional<HistoryRange>& range,
                                          const std::vector<std::string>& current_heads = {});

}  // namespace sdm::graph
