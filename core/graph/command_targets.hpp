// Splitting the revision arguments of upgrade/downgrade/stamp into an offline starting point
// and the destination, with Alembic's rules on ranges.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdm::graph {

class RevisionMap;

/// An upgrade or downgrade argument: `dest`, or `start:dest` in offline (--sql) mode.
struct MigrationTarget {
  std::optional<std::string> starting_revision;
  std::string destination;
};

/// Splits an upgrade argument; a range online is "Range revision not allowed".
MigrationTarget parse_upgrade_argument(std::string_view argument, bool offline);

/// Splits a downgrade argument; offline mode requires a range.
MigrationTarget parse_downgrade_argument(std::string_view argument, bool offline);

/// Stamp arguments: one or more destinations, each optionally `start:dest` offline.
struct StampTarget {
  std::optional<std::string> starting_revision;
  std::vector<std::string> destinations;
};

/// Splits stamp arguments; offline, all ranges must share one start, and --purge is refused.
StampTarget parse_stamp_arguments(const std::vector<std::string>& arguments, bool offline,
                                  bool purge);

/// The heads an offline run starts from: none for no start or `base`, else the revision the
/// start names.
std::vector<std::string> offline_start_heads(const RevisionMap& map,
                                             const std::optional<std::string>& starting_revision);

}  // namespace sdm::graph
