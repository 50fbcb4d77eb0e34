// The text of revision listings (history, heads, current, branches, show), byte for byte as
// Alembic prints them to a pipe. Pure: every function returns the text to write.
#pragma once

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
};

/// One line, without a line break, e.g. `034 -> 035 (head), boot from volume enhancements`.
std::string format_short_line(const graph::Revision& revision, const ShortLineOptions& options);

/// The verbose block (`Rev:`, `Parent:`/`Merges:`, ..., `Path:`, the indented docstring), ending
/// in one line break; listings print a blank line after it.
std::string format_verbose_block(const graph::Revision& revision, bool current = false);

/// `history [-v] [-i]` output for revisions in listing order. `current_heads` are the version
/// table rows to mark with ` (current)` (only with -i).
std::string format_history(const std::vector<const graph::Revision*>& revisions, bool verbose,
                           const std::vector<std::string>& current_heads = {});

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
