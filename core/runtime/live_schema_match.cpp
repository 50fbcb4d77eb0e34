#include "runtime/live_schema_match.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace sdm::runtime {
namespace {

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string without_spaces(const std::string& text) {
  std::string out;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items)
    text += (text.empty() ? "" : ", ") + item;
  return text;
}

/// "ON DELETE" actions: RESTRICT and NO ACTION are what a database does without one.
std::string folded_action(const std::string& action) {
  const std::string folded = lower(action);
  return folded == "restrict" || folded == "no action" ? "" : folded;
}

std::string rendered_type(const Type& type, const DialectHandle& dialect) {
  return type.kind == TypeKind::Raw ? type.raw : dialect.render_type(type);
}

/// The columns of the primary key: the database makes them NOT NULL whatever they declare.
std::set<std::string> key_columns(const Table& table) {
  const Constraint* key = table.primary_key();
  return key ? std::set<std::string>(key->columns.begin(), key->columns.end())
             : std::set<std::string>{};
}

/// A unique key, whether declared as a constraint or as a unique index.
struct UniqueKey {
  std::string name;
  std::vector<std::string> columns;
};

std::vector<UniqueKey> unique_keys(const Table& table) {
  std::vector<UniqueKey> keys;
  for (const auto& c : table.constraints)
    if (c.kind == ConstraintKind::Unique) keys.push_back({c.name, c.columns});
  for (const auto& index : table.indexes)
    if (index.unique) keys.push_back({index.name, index.columns});
  return keys;
}

std::string describe_foreign_key(const Constraint& fk) {
  std::string text = "foreign key (" + join(fk.columns) + ") to " + fk.referred_table + " (" +
                     join(fk.referred_columns) + ")";
  if (!folded_action(fk.ondelete).empty()) text += " on delete " + lower(fk.ondelete);
  if (!folded_action(fk.onupdate).empty()) text += " on update " + lower(fk.onupdate);
  return text;
}

bool same_foreign_key(const Constraint& expected, const Constraint& live) {
  return expected.columns == live.columns && expected.referred_table == live.referred_table &&
         expected.referred_columns == live.referred_columns &&
         folded_action(expected.ondelete) == folded_action(live.ondelete) &&
         folded_action(expected.onupdate) == folded_action(live.onupdate) &&
         (expected.name.empty() || expected.name == live.name);
}

void compare_columns(const Table& expected, const Table& live, const DialectHandle& dialect,
                     std::vector<std::string>& out) {
  const std::string& t = expected.name;
  std::vector<std::string> expected_names, live_names;
  for (const auto& c : expected.columns)
    expected_names.push_back(c.name);
  for (const auto& c : live.columns)
    live_names.push_back(c.name);
  if (expected_names != live_names) {
    out.push_back("table " + t + " has columns (" + join(live_names) + "), expected (" +
                  join(expected_names) + ")");
    return;
  }
  const std::set<std::string> keyed = key_columns(expected);
  for (std::size_t i = 0; i < expected.columns.size(); ++i) {
    const Column& e = expected.columns[i];
    const Column& l = live.columns[i];
    const std::string where = "column " + t + "." + e.name;
    const std::string e_type = rendered_type(e.type, dialect),
                      l_type = rendered_type(l.type, dialect);
    if (folded_type(e_type) != folded_type(l_type))
      out.push_back(where + " is " + l_type + ", expected " + e_type);
    const bool e_nullable = e.nullable && !keyed.count(e.name);
    if (e_nullable != l.nullable)
      out.push_back(where + " is " + (l.nullable ? "NULL" : "NOT NULL") + ", expected " +
                    (e_nullable ? "NULL" : "NOT NULL"));
    if (folded_default(e.server_default) != folded_default(l.server_default))
      out.push_back(
          where + " has " +
          (l.server_default ? "default " + *l.server_default : std::string("no default")) +
          ", expected " +
          (e.server_default ? "default " + *e.server_default : std::string("none")));
  }
}

void compare_keys(const Table& expected, const Table& live, std::vector<std::string>& out) {
  const std::string& t = expected.name;
  const Constraint* e_key = expected.primary_key();
  const Constraint* l_key = live.primary_key();
  const std::vector<std::string> e_columns = e_key ? e_key->columns : std::vector<std::string>{};
  const std::vector<std::string> l_columns = l_key ? l_key->columns : std::vector<std::string>{};
  if (e_columns != l_columns)
    out.push_back("table " + t + " has primary key (" + join(l_columns) + "), expected (" +
                  join(e_columns) + ")");

  std::vector<UniqueKey> live_unique = unique_keys(live);
  for (const auto& key : unique_keys(expected)) {
    auto found = std::find_if(live_unique.begin(), live_unique.end(), [&](const UniqueKey& l) {
      return l.columns == key.columns && (key.name.empty() || key.name == l.name);
    });
    if (found == live_unique.end()) {
      out.push_back("table " + t + " lacks unique key " + (key.name.empty() ? "" : key.name + " ") +
                    "(" + join(key.columns) + ")");
    } else {
      live_unique.erase(found);
    }
  }
  for (const auto& key : live_unique)
    out.push_back("table " + t + " has unique key " + key.name + " (" + join(key.columns) +
                  "), which the revisions do not describe");
}

void compare_foreign_keys(const Table& expected, const Table& live, std::vector<std::string>& out) {
  const std::string& t = expected.name;
  std::vector<Constraint> live_fks;
  for (const auto& c : live.constraints)
    if (c.kind == ConstraintKind::ForeignKey) live_fks.push_back(c);
  for (const auto& c : expected.constraints) {
    if (c.kind != ConstraintKind::ForeignKey) continue;
    auto found = std::find_if(live_fks.begin(), live_fks.end(),
                              [&](const Constraint& l) { return same_foreign_key(c, l); });
    if (found == live_fks.end())
      out.push_back("table " + t + " lacks " + describe_foreign_key(c));
    else
      live_fks.erase(found);
  }
  for (const auto& fk : live_fks)
    out.push_back("table " + t + " has " + describe_foreign_key(fk) +
                  ", which the revisions do not describe");
  // Checks by name only: servers rewrite a condition in their own words.
  for (const auto& c : expected.constraints) {
    if (c.kind != ConstraintKind::Check || c.name.empty()) continue;
    const bool present = std::any_of(
        live.constraints.begin(), live.constraints.end(),
        [&](const Constraint& l) { return l.kind == ConstraintKind::Check && l.name == c.name; });
    if (!present) out.push_back("table " + t + " lacks check constraint " + c.name);
  }
}

void compare_indexes(const Table& expected, const Table& live, std::vector<std::string>& out) {
  const std::string& t = expected.name;
  for (const auto& index : expected.indexes) {
    if (index.unique) continue;  // compared with the unique keys
    auto found = std::find_if(live.indexes.begin(), live.indexes.end(),
                              [&](const Index& l) { return l.name == index.name; });
    if (found == live.indexes.end())
      out.push_back("table " + t + " lacks index " + index.name + " (" + join(index.columns) + ")");
    else if (found->columns != index.columns || found->unique)
      out.push_back("index " + index.name + " on " + t + " is " + (found->unique ? "unique " : "") +
                    "(" + join(found->columns) + "), expected (" + join(index.columns) + ")");
  }
  for (const auto& index : live.indexes) {
    if (index.unique) continue;
    const bool described = std::any_of(expected.indexes.begin(), expected.indexes.end(),
                                       [&](const Index& e) { return e.name == index.name; });
    // MySQL indexes the columns of every foreign key by itself.
    const bool backs_foreign_key =
        std::any_of(live.constraints.begin(), live.constraints.end(), [&](const Constraint& c) {
          return c.kind == ConstraintKind::ForeignKey && index.columns.size() >= c.columns.size() &&
                 std::equal(c.columns.begin(), c.columns.end(), index.columns.begin());
        });
    if (!described && !backs_foreign_key)
      out.push_back("table " + t + " has index " + index.name + " (" + join(index.columns) +
                    "), which the revisions do not describe");
  }
}

}  // namespace

std::string folded_type(const std::string& type_name) {
  std::string t = lower(type_name);
  // Multi-word spellings first, while the spaces still separate the words.
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"character varying", "varchar"},
           {"timestamp without time zone", "timestamp"},
           {"time without time zone", "time"},
           {"double precision", "double"}}) {
    if (starts_with(t, from)) t = to + t.substr(from.size());
  }
  t = without_spaces(t);
  if (t == "bool" || t == "boolean") return "tinyint(1)";
  if (t == "tinyint(1)") return t;
  if (starts_with(t, "numeric")) t = "decimal" + t.substr(7);
  if (t == "integer") return "int";
  // Integer display widths say nothing about what the column holds.
  for (const char* integer : {"tinyint", "smallint", "mediumint", "bigint", "int"}) {
    const std::string name = integer;
    if (starts_with(t, name + "(") && t.back() == ')') return name;
    if (t == name) return name;
  }
  return t;
}

std::string folded_default(const std::optional<std::string>& expression) {
  if (!expression) return "";
  std::string e = *expression;
  const auto first = e.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  e = e.substr(first, e.find_last_not_of(" \t") - first + 1);
  while (e.size() >= 2 && e.front() == '(' && e.back() == ')')
    e = e.substr(1, e.size() - 2);
  if (!e.empty() && e.front() == '\'') {
    // A quoted number is the number.
    const std::string inside = e.size() >= 2 ? e.substr(1, e.size() - 2) : "";
    const bool numeric =
        !inside.empty() && inside.find_first_not_of("0123456789.-") == std::string::npos;
    return numeric ? inside : e;
  }
  e = lower(e);
  if (e == "null") return "";
  if (e == "false") return "0";
  if (e == "true") return "1";
  if (e == "now()" || e == "current_timestamp" || e == "current_timestamp()")
    return "current_timestamp";
  return e;
}

std::vector<std::string> table_differences(const Table* expected, const std::optional<Table>& live,
                                           const DialectHandle& dialect) {
  std::vector<std::string> out;
  if (!expected) {
    if (live) out.push_back("table " + live->name + " exists");
    return out;
  }
  if (!live) {
    out.push_back("table " + expected->name + " does not exist");
    return out;
  }
  compare_columns(*expected, *live, dialect, out);
  compare_keys(*expected, *live, out);
  compare_foreign_keys(*expected, *live, out);
  compare_indexes(*expected, *live, out);
  return out;
}

}  // namespace sdm::runtime
