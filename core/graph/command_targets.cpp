#include "graph/command_targets.hpp"

#include "common/errors.hpp"
#include "graph/revision_lookup.hpp"

namespace sdm::graph {
namespace {

MigrationTarget split_range(std::string_view argument) {
  std::size_t colon = argument.find(':');
  return {std::string(argument.substr(0, colon)), std::string(argument.substr(colon + 1))};
}

}  // namespace

MigrationTarget parse_upgrade_argument(std::string_view argument, bool offline) {
  if (argument.find(':') == std::string_view::npos) return {std::nullopt, std::string(argument)};
  if (!offline) throw RevisionError("Range revision not allowed");
  return split_range(argument);
}

MigrationTarget parse_downgrade_argument(std::string_view argument, bool offline) {
  if (argument.find(':') != std::string_view::npos) {
    if (!offline) throw RevisionError("Range revision not allowed");
    return split_range(argument);
  }
  if (offline) throw RevisionError("downgrade with --sql requires <fromrev>:<torev>");
  return {std::nullopt, std::string(argument)};
}

StampTarget parse_stamp_arguments(const std::vector<std::string>& arguments, bool offline,
                                  bool purge) {
  StampTarget target;
  if (!offline) {
    target.destinations = arguments;
    return target;
  }
  for (const std::string& argument : arguments) {
    if (argument.find(':') == std::string::npos) {
      target.destinations.push_back(argument);
      continue;
    }
    MigrationTarget range = split_range(argument);
    if (target.starting_revision && *target.starting_revision != *range.starting_revision) {
      throw RevisionError(
          "Stamp operation with --sql only supports a single starting revision at a time");
    }
    target.starting_revision = range.starting_revision;
    target.destinations.push_back(range.destination);
  }
  if (purge) throw RevisionError("Can't use --purge with --sql mode");
  return target;
}

std::vector<std::string> offline_start_heads(const RevisionMap& map,
                                             const std::optional<std::string>& starting_revision) {
  if (!starting_revision || *starting_revision == "base") return {};
  const Revision* start = resolve_revision(map, *starting_revision);
  if (start == nullptr) return {};
  return {start->id()};
}

}  // namespace sdm::graph
