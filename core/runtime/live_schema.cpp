#include "runtime/live_schema.hpp"

#include <algorithm>

#include "schema/type_normalization.hpp"

namespace sdm::runtime {

void drop_implicit_foreign_key_indexes(Table& table) {
  auto implicit = [&](const Index& index) {
    if (index.unique) return false;
    for (const auto& fk : table.constraints)
      if (fk.kind == ConstraintKind::ForeignKey && index.columns == fk.columns &&
          (index.name == fk.name || index.name == fk.columns.front()))
        return true;
    return false;
  };
  table.indexes.erase(std::remove_if(table.indexes.begin(), table.indexes.end(), implicit),
                      table.indexes.end());
}

Schema read_live_schema(ConnectionHandle& connection, const DialectHandle& dialect,
                        const std::string& version_table) {
  Schema schema;
  for (const auto& name : connection.table_names()) {
    if (name == version_table) continue;
    std::optional<Table> table = connection.reflect_table(name);
    if (!table) continue;  // dropped while we looked
    for (auto& column : table->columns)
      if (column.type.kind == TypeKind::Raw)
        column.type = schema::type_from_database(dialect.name(), column.type.raw);
    if (dialect.name() == "mysql") drop_implicit_foreign_key_indexes(*table);
    schema.emplace(name, std::move(*table));
  }
  return schema;
}

}  // namespace sdm::runtime
