#include "cli/file_slug.hpp"

#include <vector>

#include "common/utf8.hpp"

namespace sdm::cli {
namespace {

struct Range {
  char32_t first, last;
};

// Punctuation, symbols and spaces beyond ASCII, which Python's `\w` does not match: Latin-1
// signs, general punctuation, currency, arrows, math and technical signs, box drawing,
// dingbats, CJK and full-width punctuation, emoji.
constexpr Range kNonWordRanges[] = {
    {0xA1, 0xA9},     {0xAB, 0xB1},     {0xB4, 0xB4},       {0xB6, 0xB8},     {0xBB, 0xBB},
    {0xBF, 0xBF},     {0xD7, 0xD7},     {0xF7, 0xF7},       {0x2010, 0x205E}, {0x20A0, 0x20CF},
    {0x2190, 0x23FF}, {0x2500, 0x27BF}, {0x2900, 0x2BFF},   {0x3001, 0x3004}, {0x3008, 0x3020},
    {0x3030, 0x3030}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE4F},   {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0x1F000, 0x1FAFF},
};

bool is_word(const utf8::Character& c) {
  if (!c.valid) return false;
  const char32_t cp = c.code_point;
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  if (utf8::is_control_or_invisible(cp)) return false;
  for (const Range& r : kNonWordRanges)
    if (cp >= r.first && cp <= r.last) return false;
  return true;
}

// str.lower() for ASCII, Latin-1, Greek and Cyrillic capitals; other letters stay as they are.
char32_t lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::string file_slug(std::string_view message) {
  // The slug as characters, each one encoded, so that the cut counts characters.
  std::vector<std::string> slug;
  bool in_word = false;
  for (std::size_t at = 0; at < message.size();) {
    const utf8::Character c = utf8::decode(message, at);
    at += c.length;
    if (!is_word(c)) {
      in_word = false;
      continue;
    }
    if (!in_word && !slug.empty()) slug.emplace_back("_");
    in_word = true;
    std::string encoded;
    append_utf8(encoded, lower(c.code_point));
    slug.push_back(std::move(encoded));
  }
  std::size_t keep = slug.size();
  bool cut = slug.size() > kSlugLength;
  if (cut) {
    keep = kSlugLength;
    // Python's slug[:40].rsplit("_", 1)[0]: up to the last '_' of the cut, if there is one.
    for (std::size_t i = kSlugLength; i-- > 0;) {
      if (slug[i] == "_") {
        keep = i;
        break;
      }
    }
  }
  std::string text;
  for (std::size_t i = 0; i < keep; ++i)
    text += slug[i];
  return cut ? text + "_" : text;
}

}  // namespace sdm::cli
