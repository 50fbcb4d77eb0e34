#include "config/percent_encoding.hpp"

namespace sdm::config {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_escaped(std::string& out, unsigned char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-' || c == '~';
}

}  // namespace

std::string percent_decode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      decoded += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return decoded;
}

std::string percent_decode_query(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced)
    if (c == '+') c = ' ';
  return percent_decode(spaced);
}

std::string quote_plus(std::string_view text) {
  std::string quoted;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (is_unreserved(byte))
      quoted += c;
    else if (c == ' ')
      quoted += '+';
    else
      append_escaped(quoted, byte);
  }
  return quoted;
}

std::string quote_userinfo(std::string_view text) {
  std::string quoted;
  for (char c : text) {
    if (c == ':' || c == '@' || c == '/')
      append_escaped(quoted, static_cast<unsigned char>(c));
    else
      quoted += c;
  }
  return quoted;
}

}  // namespace sdm::config
