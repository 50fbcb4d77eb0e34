#include "config/interpolation.hpp"

namespace sdm::config {
namespace {

bool starts_name(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool continues_name(char c) {
  return starts_name(c) || c == '.' || (c >= '0' && c <= '9');
}

// Length of the name starting at `pos`, or 0 when none starts there.
size_t name_length(std::string_view text, size_t pos) {
  if (pos >= text.size() || !starts_name(text[pos])) return 0;
  size_t end = pos + 1;
  while (end < text.size() && continues_name(text[end]))
    ++end;
  return end - pos;
}

// oslo treats "\$" as "$$" because it reads more naturally; the rewrite happens first.
std::string backslash_dollar_as_escape(std::string_view value) {
  std::string rewritten;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == '$') {
      rewritten += "$$";
      ++i;
    } else {
      rewritten += value[i];
    }
  }
  return rewritten;
}

}  // namespace

std::string interpolate(std::string_view value, const ReferenceResolver& resolve) {
  const std::string text = backslash_dollar_as_escape(value);
  std::string result;
  size_t i = 0;
  while (i < text.size()) {
    size_t dollar = text.find('$', i);
    if (dollar == std::string::npos) {
      result.append(text, i, std::string::npos);
      break;
    }
    result.append(text, i, dollar - i);
    size_t next = dollar + 1;
    if (next < text.size() && text[next] == '$') {
      result += '$';
      i = next + 1;
    } else if (size_t length = name_length(text, next); length > 0) {
      result += resolve(text.substr(next, length));
      i = next + length;
    } else if (next < text.size() && text[next] == '{' &&
               (length = name_length(text, next + 1)) > 0 && next + 1 + length < text.size() &&
               text[next + 1 + length] == '}') {
      result += resolve(text.substr(next + 1, length));
      i = next + length + 2;
    } else {
      result += '$';
      i = next;
    }
  }
  return result;
}

}  // namespace sdm::config
