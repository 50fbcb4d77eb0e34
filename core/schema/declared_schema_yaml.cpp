// The YAML form of a declared schema: reading (strict: every key known, every column named
// exists) and writing (columns and constraints as one-line flow mappings).
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "schema/declared_schema.hpp"
#include "schema/type_names.hpp"
#include "sdm/column_keys.hpp"

namespace sdm::schema {
namespace {

/// Where a node sits in the file, for messages.
struct Place {
  const std::string& path;
  std::string what;  ///< e.g. "table clusters, column 3"

  [[noreturn]] void fail(const YAML::Node& node, const std::string& problem) const {
    const YAML::Mark mark = node.Mark();
    std::string where = path;
    if (mark.line >= 0) where += ":" + std::to_string(mark.line + 1);
    throw ModelError(where + ": " + (what.empty() ? "" : what + ": ") + problem);
  }
  Place inside(const std::string& more) const {
    return Place{path, what.empty() ? more : what + ", " + more};
  }
};

void require_keys(const YAML::Node& map, const std::set<std::string>& known, const Place& place) {
  if (!map.IsMap()) place.fail(map, "expected a mapping");
  for (const auto& entry : map) {
    const std::string key = entry.first.as<std::string>();
    if (!known.count(key)) {
      std::string list;
      for (const auto& k : known)
        list += (list.empty() ? "" : ", ") + k;
      place.fail(entry.first, "unknown key '" + key + "' (known: " + list + ")");
    }
  }
}

std::string scalar(const YAML::Node& node, const Place& place, const std::string& key) {
  if (!node.IsScalar()) place.fail(node, "'" + key + "' must be a single value");
  return node.Scalar();
}

bool boolean(const YAML::Node& node, const Place& place, const std::string& key) {
  const std::string text = scalar(node, place, key);
  if (text == "true") return true;
  if (text == "false") return false;
  place.fail(node, "'" + key + "' must be true or false, not '" + text + "'");
}

std::vector<std::string> names(const YAML::Node& node, const Place& place, const std::string& key) {
  if (!node.IsSequence() || node.size() == 0)
    place.fail(node, "'" + key + "' must be a non-empty list of names");
  std::vector<std::string> out;
  for (const auto& item : node)
    out.push_back(scalar(item, place, key));
  return out;
}

void require_columns(const Table& table, const std::vector<std::string>& columns,
                     const YAML::Node& node, const Place& place) {
  for (const auto& name : columns)
    if (!table.column(name))
      place.fail(node, "names column '" + name + "', which table " + table.name + " does not have");
}

Column read_column(const YAML::Node& node, const Place& place) {
  require_keys(node, {"name", "type", "nullable", "default", "autoincrement", "variants"}, place);
  if (!node["name"] || !node["type"]) place.fail(node, "a column needs 'name' and 'type'");
  const std::string type_text = scalar(node["type"], place, "type");
  std::optional<Type> type = parse_type_name(type_text);
  if (!type)
    place.fail(node["type"], "unknown type '" + type_text +
                                 "' (use an SDK type such as String(80), Integer, Text, "
                                 "Numeric(10, 2), or Raw(NAME) for anything else)");
  Column column(scalar(node["name"], place, "name"), *type);
  if (node["nullable"]) column.nullable = boolean(node["nullable"], place, "nullable");
  if (node["default"]) column.server_default = scalar(node["default"], place, "default");
  if (node["autoincrement"])
    column.keys.autoincrement = boolean(node["autoincrement"], place, "autoincrement");
  if (const YAML::Node variants = node["variants"]) {
    if (!variants.IsMap()) place.fail(variants, "'variants' must map dialect names to type names");
    for (const auto& entry : variants)
      column.type = column.type.with_variant(entry.first.as<std::string>(),
                                             scalar(entry.second, place, "variants"));
  }
  return column;
}

Constraint read_primary_key(const YAML::Node& node, const Place& place) {
  if (node.IsSequence()) return PrimaryKey(names(node, place, "primary_key"));
  require_keys(node, {"name", "columns"}, place);
  if (!node["columns"]) place.fail(node, "a primary key needs 'columns'");
  return PrimaryKey(names(node["columns"], place, "columns"),
                    node["name"] ? scalar(node["name"], place, "name") : "");
}

Constraint read_unique(const YAML::Node& node, const Place& place) {
  require_keys(node, {"name", "columns"}, place);
  if (!node["columns"]) place.fail(node, "a unique constraint needs 'columns'");
  return Unique(names(node["columns"], place, "columns"),
                node["name"] ? scalar(node["name"], place, "name") : "");
}

Constraint read_foreign_key(const YAML::Node& node, const Place& place) {
  require_keys(node, {"name", "columns", "references", "referred_columns", "ondelete", "onupdate"},
               place);
  if (!node["columns"] || !node["references"] || !node["referred_columns"])
    place.fail(node, "a foreign key needs 'columns', 'references' and 'referred_columns'");
  Constraint fk = ForeignKey(names(node["columns"], place, "columns"),
                             scalar(node["references"], place, "references"),
                             names(node["referred_columns"], place, "referred_columns"),
                             node["name"] ? scalar(node["name"], place, "name") : "");
  if (fk.columns.size() != fk.referred_columns.size())
    place.fail(node, "'columns' and 'referred_columns' must have as many names");
  if (node["ondelete"]) fk.ondelete = scalar(node["ondelete"], place, "ondelete");
  if (node["onupdate"]) fk.onupdate = scalar(node["onupdate"], place, "onupdate");
  return fk;
}

Constraint read_check(const YAML::Node& node, const Place& place) {
  require_keys(node, {"name", "condition"}, place);
  if (!node["condition"]) place.fail(node, "a check constraint needs 'condition'");
  return Check(scalar(node["condition"], place, "condition"),
               node["name"] ? scalar(node["name"], place, "name") : "");
}

Index read_index(const YAML::Node& node, const std::string& table, const Place& place) {
  require_keys(node, {"name", "columns", "unique"}, place);
  if (!node["name"] || !node["columns"]) place.fail(node, "an index needs 'name' and 'columns'");
  Index index{scalar(node["name"], place, "name"), table, names(node["columns"], place, "columns"),
              false};
  if (node["unique"]) index.unique = boolean(node["unique"], place, "unique");
  return index;
}

/// Calls `read` for each entry of the list under `key`, if there is one.
template <typename Read>
void each(const YAML::Node& table, const char* key, const Place& place, Read read) {
  const YAML::Node list = table[key];
  if (!list) return;
  if (!list.IsSequence()) place.fail(list, std::string("'") + key + "' must be a list");
  int number = 0;
  for (const auto& item : list)
    read(item, place.inside(std::string(key) + " entry " + std::to_string(++number)));
}

Table read_table(const std::string& name, const YAML::Node& node, const Place& place) {
  require_keys(node,
               {"columns", "primary_key", "unique", "foreign_keys", "checks", "indexes", "options"},
               place);
  Table table;
  table.name = name;
  if (!node["columns"] || !node["columns"].IsSequence() || node["columns"].size() == 0)
    place.fail(node, "a table needs a non-empty 'columns' list");
  each(node, "columns", place, [&](const YAML::Node& item, const Place& at) {
    Column column = read_column(item, at);
    if (table.column(column.name)) at.fail(item, "column '" + column.name + "' appears twice");
    table.columns.push_back(std::move(column));
  });
  if (const YAML::Node key = node["primary_key"]) {
    Constraint pk = read_primary_key(key, place.inside("primary_key"));
    require_columns(table, pk.columns, key, place.inside("primary_key"));
    table.constraints.push_back(std::move(pk));
  }
  each(node, "unique", place, [&](const YAML::Node& item, const Place& at) {
    Constraint unique = read_unique(item, at);
    require_columns(table, unique.columns, item, at);
    table.constraints.push_back(std::move(unique));
  });
  each(node, "foreign_keys", place, [&](const YAML::Node& item, const Place& at) {
    Constraint fk = read_foreign_key(item, at);
    require_columns(table, fk.columns, item, at);
    table.constraints.push_back(std::move(fk));
  });
  each(node, "checks", place, [&](const YAML::Node& item, const Place& at) {
    table.constraints.push_back(read_check(item, at));
  });
  each(node, "indexes", place, [&](const YAML::Node& item, const Place& at) {
    Index index = read_index(item, name, at);
    require_columns(table, index.columns, item, at);
    table.indexes.push_back(std::move(index));
  });
  if (const YAML::Node options = node["options"]) {
    if (!options.IsMap())
      place.fail(options, "'options' must map option names (mysql_engine, ...) to values");
    for (const auto& entry : options)
      table.options.emplace_back(entry.first.as<std::string>(),
                                 scalar(entry.second, place, "options"));
  }
  if (const std::string wrong = column_keys::check_autoincrement(table); !wrong.empty())
    place.fail(node, wrong);
  return table;
}

void write_names(YAML::Emitter& out, const std::vector<std::string>& list) {
  out << YAML::Flow << YAML::BeginSeq;
  for (const auto& name : list)
    out << name;
  out << YAML::EndSeq;
}

/// Whether the column's autoincrement mark changes what the table numbers: a mark that only
/// repeats SQLAlchemy's "auto" rule is left out, so models stay as short as they were written.
bool autoincrement_mark_matters(const Table& table, const Column& column) {
  if (!column.keys.autoincrement) return false;
  Table unmarked = table;
  for (auto& c : unmarked.columns)
    if (c.name == column.name) c.keys.autoincrement.reset();
  const Column* numbered = table.autoincrement_column();
  const Column* by_rule = unmarked.autoincrement_column();
  return (numbered ? numbered->name : "") != (by_rule ? by_rule->name : "");
}

void write_column(YAML::Emitter& out, const Table& table, const Column& column) {
  out << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << column.name;
  out << YAML::Key << "type" << YAML::Value << type_name(column.type);
  if (!column.nullable) out << YAML::Key << "nullable" << YAML::Value << false;
  if (column.server_default)
    out << YAML::Key << "default" << YAML::Value << YAML::DoubleQuoted << *column.server_default;
  if (autoincrement_mark_matters(table, column))
    out << YAML::Key << "autoincrement" << YAML::Value << *column.keys.autoincrement;
  if (!column.type.variants.empty()) {
    out << YAML::Key << "variants" << YAML::Value << YAML::Flow << YAML::BeginMap;
    for (const auto& [dialect, type] : column.type.variants)
      out << YAML::Key << dialect << YAML::Value << type;
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
}

void write_constraint(YAML::Emitter& out, const Constraint& constraint) {
  out << YAML::Flow << YAML::BeginMap;
  if (!constraint.name.empty()) out << YAML::Key << "name" << YAML::Value << constraint.name;
  if (constraint.kind == ConstraintKind::Check) {
    out << YAML::Key << "condition" << YAML::Value << YAML::DoubleQuoted << constraint.condition;
  } else {
    out << YAML::Key << "columns" << YAML::Value;
    write_names(out, constraint.columns);
  }
  if (constraint.kind == ConstraintKind::ForeignKey) {
    out << YAML::Key << "references" << YAML::Value << constraint.referred_table;
    out << YAML::Key << "referred_columns" << YAML::Value;
    write_names(out, constraint.referred_columns);
    if (!constraint.ondelete.empty())
      out << YAML::Key << "ondelete" << YAML::Value << constraint.ondelete;
    if (!constraint.onupdate.empty())
      out << YAML::Key << "onupdate" << YAML::Value << constraint.onupdate;
  }
  out << YAML::EndMap;
}

void write_constraints(YAML::Emitter& out, const Table& table, ConstraintKind kind,
                       const char* key) {
  bool any = false;
  for (const auto& constraint : table.constraints) {
    if (constraint.kind != kind) continue;
    if (!any) out << YAML::Key << key << YAML::Value << YAML::Block << YAML::BeginSeq;
    any = true;
    write_constraint(out, constraint);
  }
  if (any) out << YAML::EndSeq;
}

void write_table(YAML::Emitter& out, const Table& table) {
  out << YAML::Key << table.name << YAML::Value << YAML::Block << YAML::BeginMap;
  out << YAML::Key << "columns" << YAML::Value << YAML::Block << YAML::BeginSeq;
  for (const auto& column : table.columns)
    write_column(out, table, column);
  out << YAML::EndSeq;
  if (const Constraint* pk = table.primary_key()) {
    out << YAML::Key << "primary_key" << YAML::Value;
    if (pk->name.empty()) {
      write_names(out, pk->columns);
    } else {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << pk->name
          << YAML::Key << "columns" << YAML::Value;
      write_names(out, pk->columns);
      out << YAML::EndMap;
    }
  }
  write_constraints(out, table, ConstraintKind::Unique, "unique");
  write_constraints(out, table, ConstraintKind::ForeignKey, "foreign_keys");
  write_constraints(out, table, ConstraintKind::Check, "checks");
  if (!table.indexes.empty()) {
    out << YAML::Key << "indexes" << YAML::Value << YAML::Block << YAML::BeginSeq;
    for (const auto& index : table.indexes) {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << index.name
          << YAML::Key << "columns" << YAML::Value;
      write_names(out, index.columns);
      if (index.unique) out << YAML::Key << "unique" << YAML::Value << true;
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  if (!table.options.empty()) {
    out << YAML::Key << "options" << YAML::Value << YAML::Flow << YAML::BeginMap;
    for (const auto& [key, value] : table.options)
      out << YAML::Key << key << YAML::Value << value;
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
}

}  // namespace

DeclaredSchema parse_declared_schema(const std::string& text, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ModelError(path + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
  const Place place{path, ""};
  if (!root.IsMap()) place.fail(root, "a model is a mapping with 'tables' (and 'ignore')");
  require_keys(root, {"tables", "ignore"}, place);
  DeclaredSchema schema;
  if (const YAML::Node tables = root["tables"]) {
    if (!tables.IsMap()) place.fail(tables, "'tables' must map table names to tables");
    for (const auto& entry : tables) {
      const std::string name = entry.first.as<std::string>();
      schema.tables.emplace(name, read_table(name, entry.second, place.inside("table " + name)));
    }
  }
  if (const YAML::Node ignore = root["ignore"]) {
    if (!ignore.IsSequence()) place.fail(ignore, "'ignore' must be a list of names");
    for (const auto& item : ignore)
      schema.ignore.push_back(scalar(item, place, "ignore"));
  }
  return schema;
}

DeclaredSchema load_declared_schema(const std::string& path) {
  std::ifstream file(path);
  if (!file)
    throw ModelError("cannot read the model file " + path +
                     ": it does not exist or is not readable; give an existing file with "
                     "--model PATH or [sahara_db_manage] model = PATH");
  std::stringstream text;
  text << file.rdbuf();
  return parse_declared_schema(text.str(), path);
}

std::string write_declared_schema(const DeclaredSchema& schema) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  // An empty schema is written `tables: {}`, not as an empty block.
  out << YAML::Key << "tables" << YAML::Value << (schema.tables.empty() ? YAML::Flow : YAML::Block)
      << YAML::BeginMap;
  for (const auto& [name, table] : schema.tables)
    write_table(out, table);
  out << YAML::EndMap;
  if (!schema.ignore.empty()) {
    out << YAML::Key << "ignore" << YAML::Value << YAML::Block << YAML::BeginSeq;
    for (const auto& entry : schema.ignore)
      out << entry;
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace sdm::schema
