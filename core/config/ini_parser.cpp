#include "config/ini_parser.hpp"

#include <optional>
#include <vector>

#include "common/errors.hpp"

namespace sdm::config {
namespace {

// Python's str.strip() set for ASCII: oslo strips with it, so we must too.
bool is_python_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
         (c >= '\x1c' && c <= '\x1f');
}

std::string_view rstrip(std::string_view s) {
  while (!s.empty() && is_python_space(s.back()))
    s.remove_suffix(1);
  return s;
}

std::string_view lstrip(std::string_view s) {
  while (!s.empty() && is_python_space(s.front()))
    s.remove_prefix(1);
  return s;
}

std::string_view strip(std::string_view s) {
  return lstrip(rstrip(s));
}

bool starts_with(std::string_view s, char c) {
  return !s.empty() && s.front() == c;
}

// Python's universal newlines: "\n", "\r\n" and a lone "\r" all end a line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

class IniParser {
 public:
  explicit IniParser(const std::string& path) { file_.path = path; }

  ConfigFile parse(std::string_view text) {
    constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
    int line_number = 0;
    for (std::string_view raw : split_lines(text)) {
      ++line_number;
      parse_line(rstrip(raw), line_number);
    }
    flush();
    return std::move(file_);
  }

 private:
  struct PendingAssignment {
    std::string key;
    std::vector<std::string> lines;
    int line = 0;
  };

  void parse_line(std::string_view line, int line_number) {
    if (line.empty()) {  // a blank line ends a multi-line value
      flush();
      return;
    }
    if (starts_with(line, ' ') || starts_with(line, '\t')) {
      if (!pending_)
        fail(line_number,
             "Unexpected continuation line (an indented line continues the value above it, "
             "and there is none: remove the indentation)");
      pending_->lines.emplace_back(lstrip(line));
      return;
    }
    flush();
    if (starts_with(line, '[')) {
      if (line.back() != ']') fail(line_number, "Invalid section (must end with ])");
      if (line.size() <= 2) fail(line_number, "Empty section name (write [name])");
      section_ = std::string(line.substr(1, line.size() - 2));
      file_.add_section(*section_);
    } else if (starts_with(line, '#') || starts_with(line, ';')) {
      // A comment: only at the start of a line, so "value # x" keeps " # x".
    } else {
      pending_ = split_assignment(line, line_number);
    }
  }

  // The first ':' or '=' separates key and value, whichever comes first.
  PendingAssignment split_assignment(std::string_view line, int line_number) {
    size_t separator = line.find_first_of(":=");
    if (separator == std::string_view::npos)
      fail(line_number, "No ':' or '=' found in assignment (write key = value)");
    std::string_view key = strip(line.substr(0, separator));
    std::string_view value = strip(line.substr(separator + 1));
    if (!value.empty() && value.front() == value.back() &&
        (value.front() == '"' || value.front() == '\'')) {
      value = value.size() >= 2 ? value.substr(1, value.size() - 2) : std::string_view();
    }
    if (key.empty()) fail(line_number, "Key cannot be empty");
    return PendingAssignment{std::string(key), {std::string(value)}, line_number};
  }

  void flush() {
    if (!pending_) return;
    PendingAssignment assignment = std::move(*pending_);
    pending_.reset();
    if (!section_)
      fail(assignment.line,
           "Section must be started before assignment (put a header such as [DEFAULT] or "
           "[database] above it)");
    std::string value;
    for (size_t i = 0; i < assignment.lines.size(); ++i) {
      if (i > 0) value += '\n';
      value += assignment.lines[i];
    }
    file_.add(*section_, assignment.key, ConfigValue{std::move(value), {}, assignment.line, true});
  }

  // The offending line is not quoted: it may hold a password.
  [[noreturn]] void fail(int line_number, const std::string& what) const {
    throw ConfigError(file_.path + ":" + std::to_string(line_number) + ": " + what);
  }

  ConfigFile file_;
  std::optional<std::string> section_;
  std::optional<PendingAssignment> pending_;
};

}  // namespace

ConfigFile parse_ini(std::string_view text, const std::string& path) {
  return IniParser(path).parse(text);
}

}  // namespace sdm::config
