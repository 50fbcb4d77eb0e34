#include "schema/declared_schema.hpp"

#include <algorithm>

namespace sdm::schema {
namespace {

/// Matches `name` against a pattern where `*` stands for any run of characters.
bool matches(const std::string& pattern, const std::string& name) {
  std::size_t p = 0, n = 0, star = std::string::npos, resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

}  // namespace

bool DeclaredSchema::ignores(const std::string& table, const std::string& object) const {
  for (const auto& entry : ignore) {
    const auto dot = entry.find('.');
    if (dot == std::string::npos) {
      if (matches(entry, table)) return true;
    } else if (!object.empty() && matches(entry.substr(0, dot), table) &&
               matches(entry.substr(dot + 1), object)) {
      return true;
    }
  }
  return false;
}

Schema DeclaredSchema::compared_tables() const {
  return without_ignored(tables);
}

Schema DeclaredSchema::without_ignored(Schema schema) const {
  for (auto it = schema.begin(); it != schema.end();) {
    if (ignores(it->first)) {
      it = schema.erase(it);
      continue;
    }
    Table& table = it->second;
    const std::string& name = table.name;
    auto& columns = table.columns;
    columns.erase(std::remove_if(columns.begin(), columns.end(),
                                 [&](const Column& c) { return ignores(name, c.name); }),
                  columns.end());
    auto& indexes = table.indexes;
    indexes.erase(std::remove_if(indexes.begin(), indexes.end(),
                                 [&](const Index& i) { return ignores(name, i.name); }),
                  indexes.end());
    // A constraint goes with its name, or with any ignored column it covers.
    auto& constraints = table.constraints;
    constraints.erase(std::remove_if(constraints.begin(), constraints.end(),
                                     [&](const Constraint& c) {
                                       if (!c.name.empty() && ignores(name, c.name)) return true;
                                       for (const auto& column : c.columns)
                                         if (ignores(name, column)) return true;
                                       return false;
                                     }),
                      constraints.end());
    ++it;
  }
  return schema;
}

}  // namespace sdm::schema
