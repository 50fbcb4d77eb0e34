// The text of revision listings (history, heads, current, branches, show), byte for byte as
// Alembic prints them to a pipe. Pure: every function returns the text to write.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/revision.hpp"

namespace sdm::cli {

/// Which parts of the one-line revision summary to print.
struct ShortLineOptions {
  bool include_branches = false;  ///< ` (label, ...)` after the id
  bool include_doc = false;       ///< `, <message>` at the end
  bool include_parents = false;   ///< `<parents> [(<depends_on>)] -> ` before the id
  bool tree_indicators = true;    ///< ` (branchpoint)`, ` (mergepoint)`
  bool head_indicators = true;    ///< ` (head)`, ` (effective head)`, ` (current)`
  bool current = false;           ///< the revision is in the version table (`history -i`)
  std::string note;               ///< ` (<note>)` after the marks, e.g. where it was interrupted
};

/// One line, without a line break, e.g. `034 -> 035 (head), boot from volume enhancements`.
std::string format_short_line(const graph::Revision& revision, const ShortLineOptions& options);

/// The verbose block (`Rev:`, `Parent:`/`Merges:`, ..., `Path:`, the indented docstring), ending
/// in one line break; listings print a blank line after it.
std::string format_verbose_block(const graph::Revision& revision, bool current = false);

/// A revision whose upgrade or downgrade a run did not finish, and the note `history -i` adds
/// to it, e.g. "interrupted at op 3 of 5 at 2024-05-01 12:00:03 UTC".
struct InterruptedMark {
  std::string revision;
  std::string note;
};

/// `history [-v] [-i]` output for revisions in listing order. `current_heads` are the version
/// table rows to mark with ` (current)` (only with -i); `interrupted` gets its note after the
/// marks (short lines) or an `Interrupted:` line (verbose blocks).
std::string format_history(const std::vector<const graph::Revision*>& revisions, bool verbose,
                           const std::vector<std::string>& current_heads = {},
                           const std::optional<InterruptedMark>& interrupted = std::nullopt);

/// What `current` prints after the version rows for a revision a run did not finish:
/// `<id> (<summary>)`, and with `details` (current -v) an indented paragraph.
std::string format_interrupted(const std::string& revision, const std::string& summary,
                               const std::string& details);

/// `heads [-v]` output.
std::string format_heads(const std::vector<const graph::Revision*>& heads, bool verbose);

/// `current [-v]` output after the optional header line.
std::string format_current(const std::vector<const graph::Revision*>& current, bool verbose);

/// The first line of `current -v`; `url` must already have its password hidden.
std::string format_current_header(const std::string& url);

/// `branches [-v]` output: each branch point, its children indented under it, a blank line.
std::string format_branches(const graph::RevisionMap& map,
                            const std::vector<const graph::Revision*>& branch_points, bool verbose);

}  // namespace sdm::cli
