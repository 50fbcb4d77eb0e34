#include "config/option_types.hpp"

#include <array>
#include <cctype>
#include <limits>
#include <string>
#include <vector>

namespace sdm::config {
namespace {

std::string lower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered;
}

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<bool> parse_oslo_bool(std::string_view text) {
  static constexpr std::array<std::string_view, 4> kTrue{"true", "1", "on", "yes"};
  static constexpr std::array<std::string_view, 4> kFalse{"false", "0", "off", "no"};
  const std::string lowered = lower(text);
  for (std::string_view spelling : kTrue)
    if (lowered == spelling) return true;
  for (std::string_view spelling : kFalse)
    if (lowered == spelling) return false;
  return std::nullopt;
}

OsloInteger parse_oslo_int(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  if (text.empty()) return OsloInteger{true, std::nullopt};
  bool negative = false;
  if (text.front() == '+' || text.front() == '-') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || !is_digit(text.front()) || !is_digit(text.back())) return OsloInteger{};
  constexpr long long kMax = std::numeric_limits<long long>::max();
  long long magnitude = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '_') {
      if (text[i - 1] == '_') return OsloInteger{};  // one separator between two digits only
      continue;
    }
    if (!is_digit(c)) return OsloInteger{};
    if (magnitude > (kMax - (c - '0')) / 10) return OsloInteger{};
    magnitude = magnitude * 10 + (c - '0');
  }
  return OsloInteger{true, negative ? -magnitude : magnitude};
}

std::vector<std::string> parse_oslo_list(std::string_view text) {
  std::vector<std::string> items;
  auto trimmed = [](std::string_view item) {
    while (!item.empty() && is_space(item.front()))
      item.remove_prefix(1);
    while (!item.empty() && is_space(item.back()))
      item.remove_suffix(1);
    return std::string(item);
  };
  if (trimmed(text).empty()) return items;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    items.push_back(trimmed(text.substr(start, comma - start)));
    if (comma == std::string_view::npos) return items;
    start = comma + 1;
  }
}

}  // namespace sdm::config
