#include "postgresql/statement_count.hpp"

#include <cctype>
#include <string>

namespace sdm::postgresql {
namespace {

bool is_identifier_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_identifier_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// Scans a statement string token by token, far enough to see where statements end.
class StatementScanner {
 public:
  explicit StatementScanner(std::string_view sql) : sql_(sql) {}

  std::size_t count() {
    std::size_t statements = 0;
    bool current_has_content = false;
    while (pos_ < sql_.size()) {
      const char c = sql_[pos_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (starts_with("--")) {
        skip_line_comment();
      } else if (starts_with("/*")) {
        skip_block_comment();
      } else if (c == ';') {
        if (current_has_content) ++statements;
        current_has_content = false;
        ++pos_;
      } else {
        current_has_content = true;
        skip_token();
      }
    }
    return statements + (current_has_content ? 1 : 0);
  }

 private:
  bool starts_with(std::string_view text) const { return sql_.substr(pos_, text.size()) == text; }

  void skip_line_comment() {
    while (pos_ < sql_.size() && sql_[pos_] != '\n')
      ++pos_;
  }

  // Block comments nest in PostgreSQL.
  void skip_block_comment() {
    int depth = 0;
    while (pos_ < sql_.size()) {
      if (starts_with("/*")) {
        ++depth;
        pos_ += 2;
      } else if (starts_with("*/")) {
        pos_ += 2;
        if (--depth == 0) return;
      } else {
        ++pos_;
      }
    }
  }

  // 'text' with '' inside; in E'text' a backslash escapes the next character too.
  void skip_string(bool backslash_escapes) {
    ++pos_;
    while (pos_ < sql_.size()) {
      const char c = sql_[pos_++];
      if (backslash_escapes && c == '\\') {
        ++pos_;
      } else if (c == '\'') {
        if (pos_ < sql_.size() && sql_[pos_] == '\'')
          ++pos_;
        else
          return;
      }
    }
  }

  void skip_quoted_identifier() {
    ++pos_;
    while (pos_ < sql_.size()) {
      if (sql_[pos_++] == '"') {
        if (pos_ < sql_.size() && sql_[pos_] == '"')
          ++pos_;
        else
          return;
      }
    }
  }

  // $tag$ ... $tag$ (the tag may be empty). Returns false when `$` does not open one ($1 ...).
  bool skip_dollar_quote() {
    std::size_t end = pos_ + 1;
    if (end < sql_.size() && sql_[end] != '$') {
      if (!is_identifier_start(sql_[end])) return false;
      while (end < sql_.size() && sql_[end] != '$' && is_identifier_character(sql_[end]))
        ++end;
      if (end >= sql_.size() || sql_[end] != '$') return false;
    }
    const std::string_view tag = sql_.substr(pos_, end - pos_ + 1);
    const std::size_t close = sql_.find(tag, end + 1);
    pos_ = close == std::string_view::npos ? sql_.size() : close + tag.size();
    return true;
  }

  void skip_token() {
    const char c = sql_[pos_];
    if (c == '\'') {
      skip_string(false);
    } else if (c == '"') {
      skip_quoted_identifier();
    } else if (c == '$' && skip_dollar_quote()) {
      // skipped
    } else if (is_identifier_start(c)) {
      // A word; E'...' (any case) is an escape string. `$` belongs to the word, so `a$b$`
      // never opens a dollar quote.
      const std::size_t start = pos_;
      while (pos_ < sql_.size() && is_identifier_character(sql_[pos_]))
        ++pos_;
      const bool escape_prefix = pos_ - start == 1 && (c == 'E' || c == 'e');
      if (pos_ < sql_.size() && sql_[pos_] == '\'') skip_string(escape_prefix);
    } else {
      ++pos_;
    }
  }

  std::string_view sql_;
  std::size_t pos_ = 0;
};

}  // namespace

std::size_t count_statements(std::string_view sql) {
  return StatementScanner(sql).count();
}

}  // namespace sdm::postgresql
