// The slug Alembic puts in a new revision's file name, made from its message.
#pragma once

#include <string>
#include <string_view>

namespace sdm::cli {

/// Longest slug, in characters, as Alembic's default truncate_slug_length.
inline constexpr std::size_t kSlugLength = 40;

/// Alembic's `"_".join(re.findall(r"\w+", message)).lower()`, cut to 40 characters at the
/// last '_' before the cut (then ending in '_'). Works on characters, never splitting one;
/// word characters are ASCII letters, digits and '_' plus letters and digits beyond ASCII
/// (approximately Python's `\w`); bytes that are not UTF-8 separate words.
std::string file_slug(std::string_view message);

}  // namespace sdm::cli
