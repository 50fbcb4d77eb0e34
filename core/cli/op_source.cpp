#include "cli/op_source.hpp"

#include <type_traits>

#include "cli/cpp_text.hpp"
#include "schema/type_names.hpp"

namespace sdm::cli {
namespace {

using schema::type_name;

/// Names and SQL from the model and the database go through the same escaping as messages:
/// nothing in them can end the literal.
std::string literal(const std::string& text) {
  return cpp_string_literal(text);
}

std::string names(const std::vector<std::string>& list) {
  std::string out = "{";
  for (const auto& name : list)
    out += (out.size() > 1 ? ", " : "") + literal(name);
  return out + "}";
}

std::string type_source(const Type& type) {
  std::string out;
  switch (type.kind) {
    case TypeKind::Raw:
      out = "sdm::Raw(" + literal(type.raw) + ")";
      break;
    case TypeKind::String:
      out = type.length > 0 ? "sdm::String(" + std::to_string(type.length) + ")" : "sdm::String()";
      break;
    case TypeKind::Numeric:
      out = type.precision > 0 ? "sdm::Numeric(" + std::to_string(type.precision) + ", " +
                                     std::to_string(type.scale) + ")"
                               : "sdm::Numeric()";
      break;
    default:
      out = "sdm::" + type_name(type) + "()";
  }
  for (const auto& [dialect, name] : type.variants)
    out += ".with_variant(" + literal(dialect) + ", " + literal(name) + ")";
  return out;
}

std::string column_source(const Column& column) {
  std::string out = "sdm::Column(" + literal(column.name) + ", " + type_source(column.type) + ")";
  if (column.keys.autoincrement)
    out += *column.keys.autoincrement ? ".autoincrement()" : ".autoincrement(false)";
  if (!column.nullable) out += ".not_null()";
  if (column.server_default) out += ".default_sql(" + literal(*column.server_default) + ")";
  return out;
}

std::string constraint_source(const Constraint& c) {
  const std::string name = c.name.empty() ? "" : ", " + literal(c.name);
  switch (c.kind) {
    case ConstraintKind::PrimaryKey:
      return "sdm::PrimaryKey(" + names(c.columns) + name + ")";
    case ConstraintKind::Unique:
      return "sdm::Unique(" + names(c.columns) + name + ")";
    case ConstraintKind::Check:
      return "sdm::Check(" + literal(c.condition) + name + ")";
    case ConstraintKind::ForeignKey: {
      std::string out = "sdm::ForeignKey(" + names(c.columns) + ", " + literal(c.referred_table) +
                        ", " + names(c.referred_columns) + name + ")";
      if (!c.ondelete.empty()) out += ".on_delete(" + literal(c.ondelete) + ")";
      if (!c.onupdate.empty()) out += ".on_update(" + literal(c.onupdate) + ")";
      return out;
    }
  }
  return {};
}

std::string kind_source(ConstraintKind kind) {
  switch (kind) {
    case ConstraintKind::PrimaryKey:
      return "sdm::ConstraintKind::PrimaryKey";
    case ConstraintKind::ForeignKey:
      return "sdm::ConstraintKind::ForeignKey";
    case ConstraintKind::Check:
      return "sdm::ConstraintKind::Check";
    case ConstraintKind::Unique:
      break;
  }
  return "sdm::ConstraintKind::Unique";
}

std::string create_table_source(const Table& table) {
  std::string out = "op.create_table(" + literal(table.name) + ",\n                {";
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    out += (i ? ",\n                 " : "") + column_source(table.columns[i]);
  out += "}";
  if (!table.constraints.empty() || !table.options.empty()) {
    out += ",\n                {";
    for (std::size_t i = 0; i < table.constraints.size(); ++i)
      out += (i ? ",\n                 " : "") + constraint_source(table.constraints[i]);
    out += "}";
  }
  if (!table.options.empty()) {
    out += ",\n                {";
    for (std::size_t i = 0; i < table.options.size(); ++i)
      out += std::string(i ? ", " : "") + "{" + literal(table.options[i].first) + ", " +
             literal(table.options[i].second) + "}";
    out += "}";
  }
  return out + ");";
}

std::string alter_column_source(const AlterColumn& a) {
  std::string options = "sdm::AlterColumnOptions()";
  if (a.type) options += ".set_type(" + type_source(*a.type) + ")";
  if (a.nullable) options += std::string(".set_nullable(") + (*a.nullable ? "true" : "false") + ")";
  if (a.server_default)
    options += *a.server_default ? ".set_default(" + literal(**a.server_default) + ")"
                                 : std::string(".drop_default()");
  if (a.new_name) options += ".rename_to(" + literal(*a.new_name) + ")";
  return "op.alter_column(" + literal(a.table) + ", " + literal(a.column) + ",\n                " +
         options + ");";
}

std::string add_constraint_source(const AddConstraint& a) {
  const Constraint& c = a.constraint;
  switch (c.kind) {
    case ConstraintKind::PrimaryKey:
      return "op.create_primary_key(" + literal(c.name) + ", " + literal(a.table) + ", " +
             names(c.columns) + ");";
    case ConstraintKind::Unique:
      return "op.create_unique_constraint(" + literal(c.name) + ", " + literal(a.table) + ", " +
             names(c.columns) + ");";
    case ConstraintKind::Check:
      return "op.create_check_constraint(" + literal(c.name) + ", " + literal(a.table) + ", " +
             literal(c.condition) + ");";
    case ConstraintKind::ForeignKey: {
      std::string out = "op.create_foreign_key(" + literal(c.name) + ", " + literal(a.table) +
                        ", " + literal(c.referred_table) + ", " + names(c.columns) + ", " +
                        names(c.referred_columns);
      if (!c.ondelete.empty() || !c.onupdate.empty()) out += ", " + literal(c.ondelete);
      if (!c.onupdate.empty()) out += ", " + literal(c.onupdate);
      return out + ");";
    }
  }
  return {};
}

}  // namespace

std::string op_source(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::string {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return create_table_source(o.table);
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return "op.drop_table(" + literal(o.table) + ");";
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return "op.add_column(" + literal(o.table) + ", " + column_source(o.column) + ");";
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return "op.drop_column(" + literal(o.table) + ", " + literal(o.column) + ");";
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return alter_column_source(o);
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          return "op.create_index(" + literal(o.index.name) + ", " + literal(o.index.table) + ", " +
                 names(o.index.columns) + (o.index.unique ? ", true" : "") + ");";
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          return "op.drop_index(" + literal(o.name) + ", " + literal(o.table) + ");";
        } else if constexpr (std::is_same_v<T, AddConstraint>) {
          return add_constraint_source(o);
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          return "op.drop_constraint(" + literal(o.name) + ", " + literal(o.table) + ", " +
                 kind_source(o.kind) + ");";
        } else {
          return "// " + cpp_comment_text(describe(Op(o)) + ": not written by autogenerate");
        }
      },
      op);
}

}  // namespace sdm::cli
