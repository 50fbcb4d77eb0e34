// Small text rules shared by the parsers of declared and reflected schemas.
#pragma once

#include <cctype>
#include <string>

namespace sdm::text {

/// `text` without leading and trailing white space.
inline std::string trim(const std::string& text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])))
    ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
    --end;
  return text.substr(begin, end - begin);
}

}  // namespace sdm::text
