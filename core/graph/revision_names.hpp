// What may name a revision or a branch: the rules a graph enforces on every plugin's metadata,
// and the stricter ones for a revision `revision`/`merge` are about to write, whose id becomes
// a file name and a version_num row. Every message states the rule it applies.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sdm::graph {

/// Longest id the version table holds: alembic_version.version_num is VARCHAR(32).
inline constexpr std::size_t kMaxNewRevisionIdLength = 32;

/// Why `id` cannot identify a revision in a graph, or nothing. Alembic refuses '@', '-', '+'
/// and ':' (its message, word for word); listings and the plugin metadata also need it to be
/// non-empty, without whitespace, control or line-separator characters, and without ','.
std::optional<std::string> revision_id_problem(std::string_view id);

/// Why `label` cannot be a branch label in a graph, or nothing: it must be non-empty, without
/// whitespace, control or line-separator characters, and without ',', '@' or ':' (which
/// `label@head` and history ranges give a meaning).
std::optional<std::string> branch_label_problem(std::string_view label);

/// Why `id` cannot be the id of a new revision, or nothing: 1 to 32 ASCII letters, digits,
/// '_' or '.', not starting with '.', and not a word commands read as a symbol (head, base...).
std::optional<std::string> new_revision_id_problem(std::string_view id);

/// Why `label` cannot be a new revision's branch label, or nothing: 1 to 64 ASCII letters,
/// digits, '_' or '.', not starting with '.', and not a symbol word.
std::optional<std::string> new_branch_label_problem(std::string_view label);

/// `text` with control characters, line separators and invalid UTF-8 written as escapes
/// (`\n`, `\x1b`, `\u2028`), for quoting a rejected name in a one-line message.
std::string printable(std::string_view text);

}  // namespace sdm::graph
