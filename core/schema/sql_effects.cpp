#include "schema/sql_effects.hpp"

#include <cctype>
#include <initializer_list>

namespace sdm::schema {
namespace {

/// A statement's words: keywords upper-cased, quoted names unquoted (and kept as written),
/// punctuation as one-character words; comments dropped.
struct Word {
  std::string text;
  bool quoted = false;
};

std::vector<std::vector<Word>> statements_of(const std::string& sql) {
  std::vector<std::vector<Word>> statements(1);
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      i = sql.find('\n', i);
      if (i == std::string::npos) i = sql.size();
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const std::size_t end = sql.find("*/", i + 2);
      i = end == std::string::npos ? sql.size() : end + 2;
    } else if (c == '"' || c == '`' || c == '\'') {
      std::string text;
      ++i;
      while (i < sql.size()) {
        if (sql[i] == c) {
          if (i + 1 < sql.size() && sql[i + 1] == c) {  // a doubled quote is the quote itself
            text += c;
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        text += sql[i++];
      }
      statements.back().push_back({text, c != '\''});
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$') {
      std::string text;
      while (i < sql.size() &&
             (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_' || sql[i] == '$'))
        text += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++])));
      statements.back().push_back({text, false});
    } else if (c == ';') {
      statements.emplace_back();
      ++i;
    } else {
      statements.back().push_back({std::string(1, c), false});
      ++i;
    }
  }
  return statements;
}

/// Reads words in order; `name()` reads a possibly schema-qualified name and gives its last
/// part as written (unquoted names lower-cased, as the databases fold them here).
class Reader {
 public:
  explicit Reader(const std::vector<Word>& words) : words_(words) {}
  bool at_end() const { return at_ >= words_.size(); }
  bool take(const std::string& keyword) {
    if (at_end() || words_[at_].quoted || words_[at_].text != keyword) return false;
    ++at_;
    return true;
  }
  bool take_all(std::initializer_list<const char*> keywords) {
    const std::size_t start = at_;
    for (const char* keyword : keywords)
      if (!take(keyword)) {
        at_ = start;
        return false;
      }
    return true;
  }
  std::string name() {
    std::string last;
    while (!at_end()) {
      const Word& word = words_[at_++];
      last = word.quoted ? word.text : lower(word.text);
      if (!take(".")) break;
    }
    return last;
  }
  /// Skips to just after the next `keyword`; false when there is none.
  bool skip_past(const std::string& keyword) {
    while (!at_end())
      if (take(keyword))
        return true;
      else
        ++at_;
    return false;
  }

 private:
  static std::string lower(std::string text) {
    for (auto& c : text)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  }
  const std::vector<Word>& words_;
  std::size_t at_ = 0;
};

}  // namespace

std::vector<std::string> ddl_tables(
    const std::string& sql, const std::function<std::string(const std::string&)>& index_table) {
  std::vector<std::string> tables;
  auto add = [&](const std::string& name) {
    if (!name.empty()) tables.push_back(name);
  };
  for (const auto& statement : statements_of(sql)) {
    Reader r(statement);
    if (r.take("ALTER")) {
      if (!r.take("TABLE")) continue;
      r.take_all({"IF", "EXISTS"});
      r.take("ONLY");
      add(r.name());
      // ALTER TABLE a RENAME TO b: both names change.
      if (r.skip_past("RENAME") && r.take("TO")) add(r.name());
    } else if (r.take("CREATE")) {
      r.take_all({"OR", "REPLACE"});
      if (!r.take("TEMPORARY")) r.take("TEMP");
      r.take("UNIQUE");
      if (r.take("TABLE")) {
        r.take_all({"IF", "NOT", "EXISTS"});
        add(r.name());
      } else if (r.take("INDEX")) {
        if (r.skip_past("ON")) {
          r.take("ONLY");
          add(r.name());
        }
      }
    } else if (r.take("DROP")) {
      if (r.take("TABLE")) {
        r.take_all({"IF", "EXISTS"});
        do
          add(r.name());
        while (r.take(","));
      } else if (r.take("INDEX")) {
        r.take("CONCURRENTLY");
        r.take_all({"IF", "EXISTS"});
        const std::string index = r.name();
        if (r.take("ON"))
          add(r.name());
        else if (index_table)
          add(index_table(index));
      }
    } else if (r.take("RENAME")) {
      if (!r.take("TABLE")) continue;
      do {
        add(r.name());
        if (r.take("TO")) add(r.name());
      } while (r.take(","));
    }
  }
  return tables;
}

RowEffects row_effects(const std::string& sql) {
  RowEffects effects;
  for (const auto& statement : statements_of(sql)) {
    if (statement.empty()) continue;
    Reader r(statement);
    if (r.take("DELETE")) {
      if (!r.take("FROM")) {
        effects.unknown = true;
        continue;
      }
      const std::string table = r.name();
      // Anything after the name (WHERE, USING, LIMIT, ...) may spare rows.
      (r.at_end() ? effects.emptied : effects.changed).insert(table);
    } else if (r.take("TRUNCATE")) {
      r.take("TABLE");
      effects.emptied.insert(r.name());
    } else if (r.take("UPDATE")) {
      r.take("ONLY");
      effects.changed.insert(r.name());
    } else if (r.take("INSERT") || r.take("REPLACE")) {
      r.take("IGNORE");
      r.take("INTO");
      effects.changed.insert(r.name());
    } else if (r.take("ALTER") || r.take("CREATE") || r.take("DROP") || r.take("RENAME") ||
               r.take("COMMENT") || r.take("SELECT") || r.take("SET") || r.take("SHOW") ||
               r.take("BEGIN") || r.take("COMMIT") || r.take("PRAGMA") || r.take("GRANT")) {
      continue;
    } else {
      effects.unknown = true;
    }
  }
  return effects;
}

}  // namespace sdm::schema
