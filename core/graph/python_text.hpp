// Small string helpers that behave like the Python string operations behind Alembic's output.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sdm::graph {

/// Python's `str.strip()` for ASCII whitespace and the C0 separators Python also strips.
std::string_view python_strip(std::string_view text);

/// Python's `str.splitlines()` (no line ends kept).
std::vector<std::string_view> python_splitlines(std::string_view text);

/// `", ".join(items)`, the way Alembic prints revision lists.
std::string join_comma(const std::vector<std::string>& items);

/// How Python's `%s` prints a tuple of strings: `('a', 'b')`, `('a',)`, `()`.
std::string python_tuple_repr(const std::vector<std::string>& items);

/// Python's `str(int(text))` for a signed run of ASCII digits ("+05" -> "5", "-0" -> "0").
std::string python_int_text(std::string_view signed_digits);

/// The absolute value of a signed run of ASCII digits, without leading zeros ("-007" -> "7").
std::string python_abs_int_text(std::string_view signed_digits);

}  // namespace sdm::graph
