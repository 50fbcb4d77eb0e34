// JSON kept in TEXT columns (Sahara keeps most of its settings so): read a value from a
// column's text, change it, write it back as text. Numbers keep their text, so a value read
// and written again is unchanged; object members keep their order.
//
//   sdm::Json configs = sdm::Json::parse(*row[1]);
//   configs["general"]["heap"] = sdm::Json(512);
//   db.execute("UPDATE clusters SET cluster_configs = ? WHERE id = ?", {configs.dump(), *row[0]});
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "sdm/error.hpp"

namespace sdm {

class Json {
 public:
  enum class Kind { Null, Boolean, Number, String, Array, Object };

  Json() = default;
  Json(bool value) : kind_(Kind::Boolean), boolean_(value) {}
  Json(int value) : Json(static_cast<std::int64_t>(value)) {}
  Json(std::int64_t value) : kind_(Kind::Number), text_(std::to_string(value)) {}
  Json(double value) : kind_(Kind::Number) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    text_ = buffer;
  }
  Json(std::string value) : kind_(Kind::String), text_(std::move(value)) {}
  Json(const char* value) : Json(std::string(value)) {}

  static Json array() { return Json(Kind::Array); }
  static Json object() { return Json(Kind::Object); }

  /// Parses `text`; throws sdm::Error naming the position of the first mistake.
  static Json parse(const std::string& text) {
    Parser parser{text};
    parser.blanks();
    Json value = parser.value(0);
    parser.blanks();
    if (parser.at < text.size()) parser.fail("text after the JSON value");
    return value;
  }

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }

  /// The value as its type; throws sdm::Error when it is of another kind.
  bool as_bool() const { return expect(Kind::Boolean, "a boolean").boolean_; }
  const std::string& as_string() const { return expect(Kind::String, "a string").text_; }
  double as_double() const { return std::stod(expect(Kind::Number, "a number").text_); }
  std::int64_t as_int() const { return std::stoll(expect(Kind::Number, "a number").text_); }

  /// Array elements, or object members in order.
  const std::vector<Json>& elements() const { return expect(Kind::Array, "an array").items_; }
  const std::vector<std::pair<std::string, Json>>& members() const {
    return expect(Kind::Object, "an object").members_;
  }
  /// Whether an object has the member.
  bool contains(const std::string& key) const {
    for (const auto& member : members())
      if (member.first == key) return true;
    return false;
  }
  /// The member, added as null when missing (a null value becomes an empty object first).
  Json& operator[](const std::string& key) {
    if (kind_ == Kind::Null) kind_ = Kind::Object;
    expect(Kind::Object, "an object");
    for (auto& member : members_)
      if (member.first == key) return member.second;
    members_.emplace_back(key, Json());
    return members_.back().second;
  }
  /// The member; throws sdm::Error when missing.
  const Json& at(const std::string& key) const {
    for (const auto& member : members())
      if (member.first == key) return member.second;
    throw Error("JSON object has no member \"" + key + "\"");
  }
  /// Removes the member, if there is one.
  void erase(const std::string& key) {
    auto& list = const_cast<std::vector<std::pair<std::string, Json>>&>(members());
    for (auto it = list.begin(); it != list.end(); ++it)
      if (it->first == key) {
        list.erase(it);
        return;
      }
  }
  /// Appends to an array (a null value becomes an empty array first).
  void push_back(Json value) {
    if (kind_ == Kind::Null) kind_ = Kind::Array;
    expect(Kind::Array, "an array");
    items_.push_back(std::move(value));
  }

  /// Compact JSON text, members in order.
  std::string dump() const {
    std::string out;
    write(out);
    return out;
  }

  friend bool operator==(const Json& a, const Json& b) {
    return a.kind_ == b.kind_ && a.boolean_ == b.boolean_ && a.text_ == b.text_ &&
           a.items_ == b.items_ && a.members_ == b.members_;
  }
  friend bool operator!=(const Json& a, const Json& b) { return !(a == b); }

 private:
  explicit Json(Kind kind) : kind_(kind) {}

  const Json& expect(Kind kind, const char* what) const {
    if (kind_ != kind) throw Error(std::string("JSON value is not ") + what + ": " + dump());
    return *this;
  }

  static void write_string(std::string& out, const std::string& text) {
    out += '"';
    for (unsigned char c : text) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        out += buffer;
      } else {
        out += static_cast<char>(c);
      }
    }
    out += '"';
  }

  void write(std::string& out) const {
    switch (kind_) {
      case Kind::Null:
        out += "null";
        break;
      case Kind::Boolean:
        out += boolean_ ? "true" : "false";
        break;
      case Kind::Number:
        out += text_;
        break;
      case Kind::String:
        write_string(out, text_);
        break;
      case Kind::Array:
        out += '[';
        for (std::size_t i = 0; i < items_.size(); ++i) {
          if (i) out += ", ";
          items_[i].write(out);
        }
        out += ']';
        break;
      case Kind::Object:
        out += '{';
        for (std::size_t i = 0; i < members_.size(); ++i) {
          if (i) out += ", ";
          write_string(out, members_[i].first);
          out += ": ";
          members_[i].second.write(out);
        }
        out += '}';
        break;
    }
  }

  struct Parser {
    const std::string& text;
    std::size_t at = 0;

    [[noreturn]] void fail(const std::string& what) const {
      throw Error("invalid JSON at offset " + std::to_string(at) + ": " + what);
    }
    void blanks() {
      while (at < text.size() &&
             (text[at] == ' ' || text[at] == '\n' || text[at] == '\t' || text[at] == '\r'))
        ++at;
    }
    bool take(const char* word) {
      const std::string w(word);
      if (text.compare(at, w.size(), w) != 0) return false;
      at += w.size();
      return true;
    }
    Json value(int depth) {
      if (depth > 256) fail("nested too deeply");
      if (at >= text.size()) fail("a value is missing");
      const char c = text[at];
      if (c == '{') return object(depth);
      if (c == '[') return array(depth);
      if (c == '"') return Json(string());
      if (take("true")) return Json(true);
      if (take("false")) return Json(false);
      if (take("null")) return Json();
      return number();
    }
    Json object(int depth) {
      Json result(Kind::Object);
      ++at;
      blanks();
      if (at < text.size() && text[at] == '}') {
        ++at;
        return result;
      }
      for (;;) {
        blanks();
        if (at >= text.size() || text[at] != '"') fail("a member name (a string) is expected");
        std::string key = string();
        blanks();
        if (at >= text.size() || text[at] != ':') fail("':' is expected");
        ++at;
        blanks();
        result.members_.emplace_back(std::move(key), value(depth + 1));
        blanks();
        if (at < text.size() && text[at] == ',') {
          ++at;
          continue;
        }
        if (at < text.size() && text[at] == '}') {
          ++at;
          return result;
        }
        fail("',' or '}' is expected");
      }
    }
    Json array(int depth) {
      Json result(Kind::Array);
      ++at;
      blanks();
      if (at < text.size() && text[at] == ']') {
        ++at;
        return result;
      }
      for (;;) {
        blanks();
        result.items_.push_back(value(depth + 1));
        blanks();
        if (at < text.size() && text[at] == ',') {
          ++at;
          continue;
        }
        if (at < text.size() && text[at] == ']') {
          ++at;
          return result;
        }
        fail("',' or ']' is expected");
      }
    }
    Json number() {
      const std::size_t start = at;
      if (at < text.size() && text[at] == '-') ++at;
      auto digits = [&] {
        const std::size_t from = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9')
          ++at;
        return at > from;
      };
      if (!digits()) fail("a value is expected");
      if (at < text.size() && text[at] == '.') {
        ++at;
        if (!digits()) fail("digits are expected after '.'");
      }
      if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        ++at;
        if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
        if (!digits()) fail("digits are expected in the exponent");
      }
      Json result(Kind::Number);
      result.text_ = text.substr(start, at - start);
      return result;
    }
    unsigned hex4() {
      if (at + 4 > text.size()) fail("four hex digits are expected after \\u");
      unsigned code = 0;
      for (int i = 0; i < 4; ++i) {
        const char h = text[at++];
        code <<= 4;
        if (h >= '0' && h <= '9')
          code |= static_cast<unsigned>(h - '0');
        else if (h >= 'a' && h <= 'f')
          code |= static_cast<unsigned>(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F')
          code |= static_cast<unsigned>(h - 'A' + 10);
        else
          fail("four hex digits are expected after \\u");
      }
      return code;
    }
    static void utf8(std::string& out, unsigned code) {
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
    }
    std::string string() {
      ++at;  // the opening quote
      std::string out;
      for (;;) {
        if (at >= text.size()) fail("the string does not end");
        const char c = text[at++];
        if (c == '"') return out;
        if (static_cast<unsigned char>(c) < 0x20) fail("a control character inside a string");
        if (c != '\\') {
          out += c;
          continue;
        }
        if (at >= text.size()) fail("the string does not end");
        const char e = text[at++];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            unsigned code = hex4();
            if (code >= 0xD800 && code < 0xDC00) {
              if (!take("\\u")) fail("a surrogate pair is cut short");
              const unsigned low = hex4();
              if (low < 0xDC00 || low >= 0xE000) fail("a surrogate pair is cut short");
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            } else if (code >= 0xDC00 && code < 0xE000) {
              fail("a lone low surrogate");
            }
            utf8(out, code);
            break;
          }
          default:
            fail(std::string("unknown escape \\") + e);
        }
      }
    }
  };

  Kind kind_ = Kind::Null;
  bool boolean_ = false;
  std::string text_;  // a number's text, or a string
  std::vector<Json> items_;
  std::vector<std::pair<std::string, Json>> members_;
};

}  // namespace sdm
