// The percent-encoding rules SQLAlchemy URLs use (Python's urllib.parse behaviour).
#pragma once

#include <string>
#include <string_view>

namespace sdm::config {

/// `%XX` becomes the byte XX; a `%` not followed by two hex digits stays as it is.
std::string percent_decode(std::string_view text);

/// As percent_decode, but `+` is a space first (query strings).
std::string percent_decode_query(std::string_view text);

/// Query-string encoding: letters, digits and `_.-~` stay, space becomes `+`, the rest `%XX`.
std::string quote_plus(std::string_view text);

/// A user name as SQLAlchemy writes it back: only `:`, `@` and `/` are encoded.
std::string quote_userinfo(std::string_view text);

}  // namespace sdm::config
