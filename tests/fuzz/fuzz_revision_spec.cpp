// Fuzz target: revision arguments (ids, prefixes, head/heads/base, label@..., +N/-N, rev+N,
// FROM:TO ranges, history ranges) resolved and planned against a graph with branches, a
// merge, labels, a dependency and a second root, from any set of current heads.
//
// Input: the operation in the first byte, then lines: the argument, then the current heads
// separated by spaces. A RevisionError (any HostError) is a clean outcome; anything else that
// escapes, and every sanitizer report, is a bug.
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "graph/command_targets.hpp"
#include "graph/history_range.hpp"
#include "graph/migration_plan.hpp"
#include "graph/revision_lookup.hpp"
#include "graph/revision_map.hpp"
#include "graph/revision_spec.hpp"

namespace {

using sdm::graph::RevisionInfo;

RevisionInfo revision(std::string id, std::vector<std::string> parents,
                      std::vector<std::string> depends_on = {},
                      std::vector<std::string> labels = {}) {
  return RevisionInfo{id,
                      std::move(parents),
                      std::move(depends_on),
                      std::move(labels),
                      "message of " + id + "\n\nmore",
                      "/fuzz/" + id + ".so"};
}

const sdm::graph::RevisionMap& graph() {
  static const sdm::graph::RevisionMap map({
      revision("ba5e00000001", {}, {}, {"trunk"}),
      revision("1eft00000002", {"ba5e00000001"}, {}, {"left"}),
      revision("1eft00000003", {"1eft00000002"}),
      revision("7ight0000003", {"ba5e00000001"}, {}, {"right"}),
      revision("3e7ge0000004", {"1eft00000003", "7ight0000003"}),
      revision("3e7ge0000005", {"3e7ge0000004"}),
      revision("0ther0000001", {}, {}, {"other"}),
      revision("0ther0000002", {"0ther0000001"}, {"1eft00000002"}),
      revision("0ther0000003", {"0ther0000002"}),
  });
  return map;
}

std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string word; in >> word;)
    out.push_back(word);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int operation = data[0] % 8;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t newline = text.find('\n');
  const std::string argument = text.substr(0, newline);
  const std::vector<std::string> current =
      newline == std::string::npos ? std::vector<std::string>{} : words(text.substr(newline + 1));
  const auto& map = graph();
  namespace g = sdm::graph;
  try {
    switch (operation) {
      case 0: {
        auto target = g::parse_upgrade_argument(argument, false);
        g::plan_upgrade(map, target.destination, current);
        break;
      }
      case 1: {
        auto target = g::parse_downgrade_argument(argument, false);
        g::plan_downgrade(map, target.destination, current);
        break;
      }
      case 2: {
        auto target = g::parse_upgrade_argument(argument, true);
        auto start = g::offline_start_heads(map, target.starting_revision);
        g::plan_upgrade(map, target.destination, start);
        break;
      }
      case 3: {
        auto target = g::parse_downgrade_argument(argument, true);
        auto start = g::offline_start_heads(map, target.starting_revision);
        g::plan_downgrade(map, target.destination, start);
        break;
      }
      case 4: {
        auto targets = g::parse_stamp_arguments(words(argument), false, false);
        g::plan_stamp(map, targets.destinations, current, false);
        break;
      }
      case 5:
        g::list_history(map, g::parse_history_range(argument), current);
        break;
      case 6:
        g::get_revisions(map, argument);
        g::match_relative_target(argument);
        break;
      default:
        g::new_revision_parents(map, argument, true);
        g::all_current(map, current);
        break;
    }
  } catch (const sdm::HostError&) {
  }
  return 0;
}
