// oslo.config's conversions from option text to typed values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdm::config {

/// oslo's BoolOpt: true/1/on/yes and false/0/off/no, any case; nullopt for anything else.
std::optional<bool> parse_oslo_bool(std::string_view text);

/// The result of reading an IntOpt.
struct OsloInteger {
  bool valid = false;              ///< false: not an integer, or out of range for long long
  std::optional<long long> value;  ///< nullopt: blank text, which oslo reads as "unset"
};

/// oslo's IntOpt: surrounding whitespace ignored, an optional sign, decimal digits (Python's
/// `_` separators between digits too); blank means unset.
OsloInteger parse_oslo_int(std::string_view text);

/// oslo's ListOpt: items separated by commas, each without surrounding whitespace; blank text
/// is the empty list. An empty item between two commas stays in the list, as oslo keeps it.
std::vector<std::string> parse_oslo_list(std::string_view text);

}  // namespace sdm::config
