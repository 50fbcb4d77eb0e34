#include "cli/cpp_text.hpp"

#include <cstdio>

#include "common/utf8.hpp"

namespace sdm::cli {
namespace {

void append_octal(std::string& out, unsigned char byte) {
  // Always three digits: an octal escape ends after three, whatever follows it.
  char escape[5];
  std::snprintf(escape, sizeof escape, "\\%03o", byte);
  out += escape;
}

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string cpp_string_literal(std::string_view text) {
  std::string out = "\"";
  for (std::size_t at = 0; at < text.size();) {
    const utf8::Character c = utf8::decode(text, at);
    if (!c.valid || utf8::is_control_or_invisible(c.code_point)) {
      switch (c.code_point) {
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          for (std::size_t i = 0; i < c.length; ++i)
            append_octal(out, static_cast<unsigned char>(text[at + i]));
      }
    } else if (c.code_point == '"' || c.code_point == '\\') {
      out += '\\';
      out += static_cast<char>(c.code_point);
    } else if (c.code_point == '?' && !out.empty() && out.back() == '?') {
      out += "\\?";
    } else {
      out.append(text.substr(at, c.length));
    }
    at += c.length;
  }
  return out + "\"";
}

std::string cpp_comment_text(std::string_view line) {
  std::string out;
  char escape[12];
  for (std::size_t at = 0; at < line.size();) {
    const utf8::Character c = utf8::decode(line, at);
    if (c.valid && c.code_point == '\t') {
      out += '\t';
    } else if (c.valid && c.code_point == '\r') {
      out += "\\r";
    } else if (!c.valid || c.code_point < 0x20 || c.code_point == 0x7F) {
      std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned char>(line[at]));
      out += escape;
    } else if (utf8::is_control_or_invisible(c.code_point)) {
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c.code_point));
      out += escape;
    } else {
      out.append(line.substr(at, c.length));
    }
    at += c.length;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t'))
    out.pop_back();
  // A backslash at the end of a line splices the next line into the comment.
  if (ends_with(out, "\\")) out.replace(out.size() - 1, 1, "\\x5c");
  if (ends_with(out, "?\?/")) out.replace(out.size() - 1, 1, "\\x2f");
  return out;
}

}  // namespace sdm::cli
