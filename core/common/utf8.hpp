// Reading UTF-8 one character at a time, for the places that must not cut or hide one: file
// name slugs, generated sources, names quoted in messages.
#pragma once

#include <cstddef>
#include <string_view>

namespace sdm::utf8 {

/// One decoded character: its code point and how many bytes it took. An invalid or truncated
/// sequence is one byte long and not `valid`.
struct Character {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = false;
};

/// The character starting at byte `at` of `text` (which must be inside it). Overlong forms,
/// surrogates and values past U+10FFFF are invalid, as RFC 3629 says.
inline Character decode(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
  } else {
    return {lead, 1, false};
  }
  if (at + length > text.size()) return {lead, 1, false};
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(at + i);
    if ((next & 0xC0) != 0x80) return {lead, 1, false};
    value = (value << 6) | (next & 0x3F);
  }
  const bool overlong = (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
  const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  if (overlong || surrogate || value > 0x10FFFF) return {lead, 1, false};
  return {value, length, true};
}

/// Characters that end a line somewhere (editors, terminals, Python's splitlines) besides
/// '\n' and '\r': NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
inline bool is_line_separator(char32_t c) {
  return c == 0x85 || c == 0x2028 || c == 0x2029;
}

/// Control characters (C0, DEL, C1), line separators, and the invisible or direction-changing
/// format characters that make text read differently than it compares (no-break and
/// typographic spaces, zero-width characters, bidirectional overrides, the byte-order mark).
inline bool is_control_or_invisible(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || c == 0x1680 || c == 0x180E ||
         (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
         (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF;
}

}  // namespace sdm::utf8
