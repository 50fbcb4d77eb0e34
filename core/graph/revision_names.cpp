#include "graph/revision_names.hpp"

#include <array>
#include <cstdio>
#include <vector>

#include "common/utf8.hpp"
#include "graph/python_text.hpp"

namespace sdm::graph {
namespace {

constexpr std::array<std::string_view, 4> kSymbolWords = {"head", "heads", "base", "current"};

constexpr std::size_t kMaxNewBranchLabelLength = 64;

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool has_control_or_invisible(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    utf8::Character c = utf8::decode(text, at);
    if (!c.valid || utf8::is_control_or_invisible(c.code_point)) return true;
    at += c.length;
  }
  return false;
}

/// The characters of `forbidden` that occur in `text`, sorted by character code as Alembic
/// lists them, e.g. "+, :, @".
std::string occurring(std::string_view text, std::string_view forbidden) {
  std::vector<std::string> found;
  for (char c : forbidden)  // `forbidden` is given in code order
    if (text.find(c) != std::string_view::npos) found.emplace_back(1, c);
  return join_comma(found);
}

bool is_symbol_word(std::string_view name) {
  for (std::string_view word : kSymbolWords)
    if (name == word) return true;
  return false;
}

bool is_plain_name(std::string_view name, std::size_t max_length) {
  if (name.empty() || name.size() > max_length || name.front() == '.') return false;
  for (char c : name) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '_' || c == '.';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  char escape[12];
  for (std::size_t at = 0; at < text.size();) {
    utf8::Character c = utf8::decode(text, at);
    if (!c.valid || c.code_point < 0x20 || c.code_point == 0x7F) {
      const auto byte = static_cast<unsigned char>(text[at]);
      if (byte == '\n')
        out += "\\n";
      else if (byte == '\r')
        out += "\\r";
      else if (byte == '\t')
        out += "\\t";
      else {
        std::snprintf(escape, sizeof escape, "\\x%02x", byte);
        out += escape;
      }
    } else if (c.code_point == '\\') {
      out += "\\\\";
    } else if (utf8::is_control_or_invisible(c.code_point)) {
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c.code_point));
      out += escape;
    } else {
      out.append(text.substr(at, c.length));
    }
    at += c.length;
  }
  return out;
}

std::optional<std::string> revision_id_problem(std::string_view id) {
  // Only a problem is printed: most names have none, and scans check thousands.
  auto shown = [id] { return printable(id); };
  if (id.empty()) return "Revision identifier is empty";
  // Alembic's own rule and message ("-" and "+" read as relative steps, "@" as a branch).
  if (std::string illegal = occurring(id, "+-:@"); !illegal.empty())
    return "Character(s) '" + illegal + "' not allowed in revision identifier '" + shown() + "'";
  for (char c : id)
    if (is_ascii_space(c)) return "Whitespace not allowed in revision identifier '" + shown() + "'";
  if (has_control_or_invisible(id))
    return "Control, line-separator or invisible characters (or bytes that are not UTF-8) not "
           "allowed in revision identifier '" +
           shown() + "': an id is printable text on one line";
  if (id.find(',') != std::string_view::npos)
    return "Character(s) ',' not allowed in revision identifier '" + shown() +
           "': ',' separates the ids of a list";
  return std::nullopt;
}

std::optional<std::string> branch_label_problem(std::string_view label) {
  // Only a problem is printed: most names have none, and scans check thousands.
  auto shown = [label] { return printable(label); };
  if (label.empty()) return "Branch label is empty";
  bool space = false;
  for (char c : label)
    space = space || is_ascii_space(c);
  if (space || has_control_or_invisible(label))
    return "Whitespace, control, line-separator or invisible characters (or bytes that are not "
           "UTF-8) not allowed in branch label '" +
           shown() + "': a label is printable text on one line";
  if (std::string illegal = occurring(label, ",:@"); !illegal.empty())
    return "Character(s) '" + illegal + "' not allowed in branch label '" + shown() +
           "': ',' separates labels, '@' ends a label in label@head, ':' separates history "
           "ranges";
  return std::nullopt;
}

std::optional<std::string> new_revision_id_problem(std::string_view id) {
  if (std::optional<std::string> problem = revision_id_problem(id)) return problem;
  if (is_plain_name(id, kMaxNewRevisionIdLength) && !is_symbol_word(id)) return std::nullopt;
  return "Revision identifier '" + printable(id) +
         "' is not allowed for a new revision: an id is 1 to 32 ASCII letters, digits, '_' or "
         "'.', does not start with '.', and is not head, heads, base or current (it names the "
         "source file and is stored in alembic_version.version_num, VARCHAR(32))";
}

std::optional<std::string> new_branch_label_problem(std::string_view label) {
  if (std::optional<std::string> problem = branch_label_problem(label)) return problem;
  if (is_plain_name(label, kMaxNewBranchLabelLength) && !is_symbol_word(label)) return std::nullopt;
  return "Branch label '" + printable(label) +
         "' is not allowed for a new revision: a label is 1 to 64 ASCII letters, digits, '_' or "
         "'.', does not start with '.', and is not head, heads, base or current";
}

}  // namespace sdm::graph
