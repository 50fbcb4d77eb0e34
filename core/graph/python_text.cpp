#include "graph/python_text.hpp"

namespace sdm::graph {
namespace {

bool is_python_space(char c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f':
    case '\x1c':
    case '\x1d':
    case '\x1e':
    case '\x1f':
      return true;
    default:
      return false;
  }
}

bool is_line_break(char c) {
  return c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\x1c' || c == '\x1d' ||
         c == '\x1e';
}

}  // namespace

std::string_view python_strip(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_python_space(text[begin]))
    ++begin;
  while (end > begin && is_python_space(text[end - 1]))
    --end;
  return text.substr(begin, end - begin);
}

std::vector<std::string_view> python_splitlines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_line_break(text[i])) {
      ++i;
      continue;
    }
    lines.push_back(text.substr(start, i - start));
    // "\r\n" is one line break.
    i += (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
    start = i;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

std::string join_comma(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += items[i];
  }
  return out;
}

std::string python_tuple_repr(const std::vector<std::string>& items) {
  std::string out = "(";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += "'" + items[i] + "'";
  }
  if (items.size() == 1) out += ",";
  return out + ")";
}

std::string python_abs_int_text(std::string_view signed_digits) {
  std::size_t i = 0;
  if (i < signed_digits.size() && (signed_digits[i] == '+' || signed_digits[i] == '-')) ++i;
  while (i + 1 < signed_digits.size() && signed_digits[i] == '0')
    ++i;
  return std::string(signed_digits.substr(i));
}

std::string python_int_text(std::string_view signed_digits) {
  std::string magnitude = python_abs_int_text(signed_digits);
  bool negative = !signed_digits.empty() && signed_digits[0] == '-';
  return (negative && magnitude != "0") ? "-" + magnitude : magnitude;
}

}  // namespace sdm::graph
