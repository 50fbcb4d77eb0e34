#include "runtime/schema_replay.hpp"

#include <functional>

#include "schema/schema_model.hpp"

namespace sdm::runtime {

Schema replay_schema(const RevisionCatalog& catalog, const graph::RevisionMap& map,
                     const std::vector<std::string>& heads, const RecordingContext& context,
                     std::set<std::string>* unknown) {
  // Depth-first over parents and dependencies, emitting a revision after everything it
  // builds on: a valid application order for any DAG.
  std::vector<bool> visited(map.size(), false);
  std::vector<std::size_t> order;
  std::function<void(std::size_t)> visit = [&](std::size_t index) {
    if (visited[index]) return;
    visited[index] = true;
    for (std::size_t below : map.at(index).all_down_indices())
      visit(below);
    order.push_back(index);
  };
  for (const auto& head : heads)
    if (const graph::Revision* revision = map.find(head)) visit(revision->index());

  schema::SchemaModel model;
  for (std::size_t index : order)
    model.apply(catalog.record(map.at(index).id(), true, context).ops());
  if (unknown) *unknown = model.unknown_tables();
  return model.tables();
}

}  // namespace sdm::runtime
