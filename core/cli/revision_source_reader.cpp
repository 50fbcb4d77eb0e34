#include "cli/revision_source_reader.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "common/errors.hpp"
#include "loader/plugin_metadata.hpp"

namespace sdm::cli {
namespace fs = std::filesystem;
namespace {

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// Where a string or character literal that starts at `i` (at its quote) ends, past the quote.
std::size_t past_literal(const std::string& text, std::size_t i) {
  const char quote = text[i++];
  while (i < text.size() && text[i] != quote && text[i] != '\n')
    i += text[i] == '\\' ? 2 : 1;
  return std::min(i + 1, text.size());
}

/// The text with every comment blanked out (newlines kept, so lines still count), literals
/// untouched: a commented-out declaration declares nothing.
std::string without_comments(std::string text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '"' || text[i] == '\'') {
      i = past_literal(text, i);
    } else if (text.compare(i, 2, "//") == 0) {
      for (; i < text.size() && text[i] != '\n'; ++i)
        text[i] = ' ';
    } else if (text.compare(i, 2, "/*") == 0) {
      const std::size_t end = std::min(text.find("*/", i + 2), text.size() - 2) + 2;
      for (; i < end; ++i)
        if (text[i] != '\n') text[i] = ' ';
    } else {
      ++i;
    }
  }
  return text;
}

/// The arguments of the call whose '(' is at `open`, split at top-level commas and trimmed;
/// nullopt when the call is not closed.
std::optional<std::vector<std::string>> call_arguments(const std::string& text, std::size_t open) {
  std::vector<std::string> arguments;
  int depth = 0;
  std::size_t start = open + 1;
  for (std::size_t i = open; i < text.size();) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      i = past_literal(text, i);
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if ((c == ',' && depth == 1) || depth == 0) {
      std::string argument = text.substr(start, i - start);
      const auto first = argument.find_first_not_of(" \t\r\n");
      const auto last = argument.find_last_not_of(" \t\r\n");
      arguments.push_back(first == std::string::npos ? ""
                                                     : argument.substr(first, last - first + 1));
      start = i + 1;
      if (depth == 0) return arguments;
    }
    ++i;
  }
  return std::nullopt;
}

/// The value of one or more adjacent string literals ("a" "b"), or nullopt when the text is
/// anything else (a macro, a variable, a raw string).
std::optional<std::string> string_value(const std::string& argument) {
  std::string value;
  std::size_t i = 0;
  bool any = false;
  while (i < argument.size()) {
    if (std::isspace(static_cast<unsigned char>(argument[i]))) {
      ++i;
      continue;
    }
    if (argument[i] != '"') return std::nullopt;
    any = true;
    for (++i; i < argument.size() && argument[i] != '"'; ++i) {
      if (argument[i] != '\\') {
        value += argument[i];
        continue;
      }
      if (++i == argument.size()) return std::nullopt;
      const char e = argument[i];
      if (e == 'n') {
        value += '\n';
      } else if (e == 't') {
        value += '\t';
      } else if (e == 'r') {
        value += '\r';
      } else if (e >= '0' && e <= '7') {  // up to three octal digits, as render_revision_source
        int code = 0;
        for (int n = 0; n < 3 && i < argument.size() && argument[i] >= '0' && argument[i] <= '7';
             ++n, ++i)
          code = code * 8 + (argument[i] - '0');
        --i;
        value += static_cast<char>(code);
      } else if (e == '"' || e == '\\' || e == '\'' || e == '?') {
        value += e;
      } else {
        return std::nullopt;  // \x and others: not what a revision's metadata needs
      }
    }
    if (i == argument.size()) return std::nullopt;
    ++i;
  }
  if (!any) return std::nullopt;
  return value;
}

/// Whether the line holding `offset` is a preprocessor directive.
bool starts_directive_line(const std::string& text, std::size_t offset) {
  const std::size_t newline = text.rfind('\n', offset);
  const std::size_t first =
      text.find_first_not_of(" \t", newline == std::string::npos ? 0 : newline + 1);
  return first < offset && text[first] == '#';
}

int line_of(const std::string& text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace

std::vector<graph::RevisionInfo> parse_revision_source(const std::string& source,
                                                       const std::string& path) {
  const std::string text = without_comments(source);
  std::vector<graph::RevisionInfo> revisions;
  // Token by token, so a name inside a string literal or a longer name is not a declaration.
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '"' || text[i] == '\'') {
      i = past_literal(text, i);
      continue;
    }
    if (!is_identifier_char(text[i])) {
      ++i;
      continue;
    }
    const std::size_t at = i;
    while (i < text.size() && is_identifier_char(text[i]))
      ++i;
    const std::string name = text.substr(at, i - at);
    if (name != "SDM_REVISION" && name != "SDM_REVISION_EX") continue;
    const bool extended = name == "SDM_REVISION_EX";
    if (starts_directive_line(text, at)) continue;  // the SDK's own #define
    const std::size_t open = text.find_first_not_of(" \t\r\n", i);
    if (open == std::string::npos || text[open] != '(') continue;
    const std::string where = path + ":" + std::to_string(line_of(text, at));
    const auto arguments = call_arguments(text, open);
    const std::size_t expected = extended ? 8 : 6;
    if (!arguments || arguments->size() != expected)
      throw RevisionError(where + ": " + name + " needs " + std::to_string(expected) +
                          " arguments; fix the declaration");
    // Metadata arguments: ID, PARENTS, [DEPENDS_ON, BRANCH_LABELS,] MESSAGE.
    std::vector<std::string> values;
    for (std::size_t k = 1; k + 2 < expected; ++k) {
      auto value = string_value((*arguments)[k]);
      if (!value)
        throw RevisionError(where + ": `" + (*arguments)[k] +
                            "` is not a string literal, so the revision cannot be read before "
                            "it is built; write it as a literal, or build and install the "
                            "revision first");
      values.push_back(*value);
    }
    graph::RevisionInfo info;
    info.id = values[0];
    info.parents = loader::split_list(values[1]);
    if (extended) {
      info.depends_on = loader::split_list(values[2]);
      info.branch_labels = loader::split_list(values[3]);
    }
    info.doc = values.back();
    info.path = path;
    revisions.push_back(std::move(info));
  }
  return revisions;
}

std::vector<graph::RevisionInfo> read_revision_sources(const std::string& directory) {
  std::vector<fs::path> sources;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory, ec))
    if (entry.path().extension() == ".cpp" && entry.is_regular_file()) sources.push_back(entry);
  std::sort(sources.begin(), sources.end());
  std::vector<graph::RevisionInfo> revisions;
  for (const auto& source : sources) {
    std::ifstream file(source);
    std::stringstream text;
    text << file.rdbuf();
    for (auto& r : parse_revision_source(text.str(), source.string()))
      revisions.push_back(std::move(r));
  }
  return revisions;
}

}  // namespace sdm::cli
