// Inline definition of sdm::describe(const Op&); kept apart so ops.hpp reads as the data it is.
#pragma once

#include <string>
#include <type_traits>
#include <variant>

namespace sdm {

inline std::string describe(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::string {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return "create_table " + o.table.name;
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return "drop_table " + o.table;
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return "add_column " + o.table + "." + o.column.name;
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return "drop_column " + o.table + "." + o.column;
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return "alter_column " + o.table + "." + o.column;
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return "rename_table " + o.table + " to " + o.new_name;
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          return "create_index " + o.index.name + " on " + o.index.table;
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          return "drop_index " + o.name;
        } else if constexpr (std::is_same_v<T, AddConstraint>) {
          const char* kind = o.constraint.kind == ConstraintKind::PrimaryKey   ? "primary key"
                             : o.constraint.kind == ConstraintKind::ForeignKey ? "foreign key"
                             : o.constraint.kind == ConstraintKind::Check      ? "check constraint"
                                                                          : "unique constraint";
          std::string name = o.constraint.name.empty() ? "" : " " + o.constraint.name;
          return std::string("create ") + kind + name + " on " + o.table;
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          return "drop_constraint " + o.name + " on " + o.table;
        } else if constexpr (std::is_same_v<T, Execute>) {
          return "execute";
        } else if constexpr (std::is_same_v<T, RunCode>) {
          return "run \"" + o.name + "\"";
        } else {
          return "bulk_insert " + o.table + " (" + std::to_string(o.rows.size()) + " rows)";
        }
      },
      op);
}

}  // namespace sdm
