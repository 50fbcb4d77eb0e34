// Text placed inside generated C++ source: string literals and `//` comment lines that no
// message, id or label can break out of, whatever the compiler's standard or trigraph mode.
#pragma once

#include <string>
#include <string_view>

namespace sdm::cli {

/// A C++ string literal that compiles to exactly the bytes of `text` (which must hold no NUL):
/// quotes and backslashes escaped, control characters, line separators, invisible characters
/// and bytes that are not UTF-8 as octal escapes, and every "??" written "?\?" so no trigraph
/// forms.
std::string cpp_string_literal(std::string_view text);

/// One line of text to follow `// `, that ends where the line ends: control characters, line
/// separators (CR, NEL, U+2028, U+2029), invisible characters and bytes that are not UTF-8
/// shown as escapes (`\r`, `\u2028`, `\xff`), trailing blanks dropped, and a final backslash
/// (or the trigraph `??/`) written so that it cannot continue the comment onto the next line.
std::string cpp_comment_text(std::string_view line);

}  // namespace sdm::cli
