#include "config/database_url.hpp"

#include <algorithm>

#include "common/errors.hpp"
#include "config/percent_encoding.hpp"
#include "sdm/secret.hpp"

namespace sdm::config {
namespace {

constexpr const char* kUrlForms =
    "write dialect[+driver]://user:password@host[:port]/database, e.g. "
    "mysql+pymysql://sahara:PASSWORD@localhost/sahara, "
    "postgresql://sahara:PASSWORD@localhost:5432/sahara or "
    "sqlite:////var/lib/sahara/sahara.sqlite";

constexpr const char* kSqliteForms =
    "valid SQLite URLs are sqlite:///:memory: (or sqlite://), sqlite:///relative/path/to/file.db "
    "and sqlite:////absolute/path/to/file.db";

constexpr const char* kEscapeAtHint =
    "; a '@' in the user name or password must be written %40 (and '%' as %25)";

// Messages name what is wrong and how to write it, never a piece of the URL: any piece
// may be (part of) the password.
[[noreturn]] void fail(const std::string& what) {
  throw ConfigError("database URL: " + what);
}

bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '+';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Cuts `text` at the first of `stops` (or its end); returns the part before.
std::string_view take_until(std::string_view& text, std::string_view stops) {
  size_t end = std::min(text.find_first_of(stops), text.size());
  std::string_view head = text.substr(0, end);
  text.remove_prefix(end);
  return head;
}

void parse_scheme(std::string_view& rest, sdm::Url& url) {
  size_t end = 0;
  while (end < rest.size() && is_scheme_char(rest[end]))
    ++end;
  if (end == 0 || rest.substr(end, 3) != "://") {
    if (rest.substr(0, 7) == "sqlite:")
      fail(
          "a SQLite URL needs three slashes before a relative path and four before an absolute "
          "one: " +
          std::string(kSqliteForms));
    fail("not in the form dialect[+driver]://...; " + std::string(kUrlForms));
  }
  std::string_view drivername = rest.substr(0, end);
  rest.remove_prefix(end + 3);
  size_t plus = drivername.find('+');
  if (plus == std::string_view::npos) {
    url.scheme = drivername;
    return;
  }
  if (drivername.find('+', plus + 1) != std::string_view::npos)
    fail("the part before :// has more than one '+': write dialect+driver, e.g. mysql+pymysql");
  url.scheme = drivername.substr(0, plus);
  url.driver = drivername.substr(plus + 1);
  if (url.scheme.empty()) fail("the dialect before '+' is missing: write e.g. mysql+pymysql://");
  if (url.driver.empty()) fail("the driver after '+' is missing: write e.g. mysql+pymysql://");
}

// SQLAlchemy's grammar: a user name runs to the first ':' or '/'; with a ':', the password
// runs to the first '@' after it. Without a password, the user name ends at the last '@'
// before that ':' or '/'.
void parse_userinfo(std::string_view& rest, sdm::Url& url) {
  size_t user_end = std::min(rest.find_first_of(":/"), rest.size());
  if (user_end < rest.size() && rest[user_end] == ':') {
    size_t at = rest.find('@', user_end + 1);
    if (at != std::string_view::npos) {
      url.username = percent_decode(rest.substr(0, user_end));
      url.password = percent_decode(rest.substr(user_end + 1, at - user_end - 1));
      url.has_password = true;
      rest.remove_prefix(at + 1);
      return;
    }
  }
  size_t at = rest.substr(0, user_end).rfind('@');
  if (at == std::string_view::npos) return;
  url.username = percent_decode(rest.substr(0, at));
  rest.remove_prefix(at + 1);
}

void parse_host(std::string_view& rest, sdm::Url& url) {
  if (!rest.empty() && rest.front() == '[') {
    size_t run_end = std::min(rest.find_first_of("/?"), rest.size());
    size_t close = rest.substr(0, run_end).rfind(']');
    if (close != std::string_view::npos && close > 1) {
      url.host = rest.substr(1, close - 1);
      rest.remove_prefix(close + 1);
      if (!rest.empty() && rest.front() != ':' && rest.front() != '/' && rest.front() != '?')
        fail("unexpected text after the bracketed IPv6 address: write [address]:port/database");
      return;
    }
  }
  url.host = take_until(rest, "/:?");
  if (url.host.find('@') != std::string::npos)
    fail("the host part contains '@'" + std::string(kEscapeAtHint));
}

void parse_port(std::string_view& rest, sdm::Url& url) {
  if (rest.empty() || rest.front() != ':') return;
  rest.remove_prefix(1);
  std::string_view port = take_until(rest, "/?");
  bool numeric = !port.empty() && std::all_of(port.begin(), port.end(), is_digit);
  if (!numeric) {
    std::string hint = port.find('@') != std::string_view::npos ? kEscapeAtHint : "";
    if (!url.host.empty() && url.host.front() == '[')
      hint = "; an IPv6 address is written in brackets: [::1]:5432";
    fail(
        "the port after the host is not a number: write host:port with digits only, e.g. "
        "localhost:5432" +
        hint);
  }
  long value = 0;
  for (char c : port) {
    value = value * 10 + (c - '0');
    if (value > 65535) fail("the port is larger than 65535");
  }
  if (value == 0) fail("the port is 0: write a port between 1 and 65535, or none");
  url.port = static_cast<int>(value);
}

// Python's parse_qsl: '&' separates pairs, a pair without '=' or with a blank value is dropped.
void parse_query(std::string_view query, sdm::Url& url) {
  while (true) {
    size_t amp = std::min(query.find('&'), query.size());
    std::string_view pair = query.substr(0, amp);
    size_t equals = pair.find('=');
    if (equals != std::string_view::npos && equals + 1 < pair.size())
      url.query.emplace_back(percent_decode_query(pair.substr(0, equals)),
                             percent_decode_query(pair.substr(equals + 1)));
    if (amp == query.size()) break;
    query.remove_prefix(amp + 1);
  }
}

// SQLAlchemy's SQLite dialect refuses network parts, and reads ":memory:" or nothing as an
// in-memory database.
void check_sqlite(sdm::Url& url) {
  if (url.scheme != "sqlite") return;
  if (!url.username.empty() || url.has_password || !url.host.empty() || url.port != 0)
    fail("a SQLite URL has no user, password, host or port; " + std::string(kSqliteForms));
  if (url.database == ":memory:") url.database.clear();
}

// Every client library takes the user name, the password and each parameter as a C string,
// where a NUL byte (%00) would end it early without a word. The value is never shown.
void refuse_nul_bytes(const sdm::Url& url) {
  const auto holds_nul = [](const std::string& text) {
    return text.find('\0') != std::string::npos;
  };
  const std::string why = " holds a NUL byte (%00), which no database client can take";
  if (holds_nul(url.username)) fail("the user name" + why);
  if (holds_nul(url.password)) fail("the password" + why);
  for (const auto& [key, value] : url.query)
    if (holds_nul(key) || holds_nul(value)) fail("the query parameter " + quote_plus(key) + why);
}

}  // namespace

sdm::Url parse_database_url(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f')
      fail(
          "contains a line break or another control character (is the config value continued "
          "on an indented line?)");
  }
  sdm::Url url;
  std::string_view rest = text;
  parse_scheme(rest, url);
  parse_userinfo(rest, url);
  parse_host(rest, url);
  parse_port(rest, url);
  if (!rest.empty() && rest.front() == '/') {
    rest.remove_prefix(1);
    url.database = take_until(rest, "?");
  }
  if (!rest.empty() && rest.front() == '?') parse_query(rest.substr(1), url);
  refuse_nul_bytes(url);
  check_sqlite(url);
  return url;
}

std::string redacted(const sdm::Url& url, const std::vector<std::string>& secret_parameters) {
  std::string text = url.scheme + (url.driver.empty() ? "" : "+" + url.driver) + "://";
  if (!url.username.empty() || url.has_password) {
    text += quote_userinfo(url.username);
    if (url.has_password) text += ":***";
    text += '@';
  }
  if (url.host.find(':') != std::string::npos)
    text += "[" + url.host + "]";
  else
    text += url.host;
  if (url.port != 0) text += ":" + std::to_string(url.port);
  if (!url.database.empty()) text += "/" + url.database;
  auto query = url.query;
  std::stable_sort(query.begin(), query.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < query.size(); ++i) {
    const auto& [key, value] = query[i];
    text += (i == 0 ? "?" : "&") + quote_plus(key) + "=" +
            (is_secret_parameter(key, secret_parameters) ? kHiddenSecret : quote_plus(value));
  }
  return text;
}

}  // namespace sdm::config
