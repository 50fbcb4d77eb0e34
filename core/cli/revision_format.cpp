#include "cli/revision_format.hpp"

#include <algorithm>

#include "graph/python_text.hpp"
#include "graph/revision_map.hpp"

namespace sdm::cli {
namespace {

std::string format_down_revisions(const graph::Revision& revision) {
  return revision.parents().empty() ? "<base>" : graph::join_comma(revision.parents());
}

bool contains(const std::vector<std::string>& items, const std::string& value) {
  return std::find(items.begin(), items.end(), value) != items.end();
}

}  // namespace

std::string format_short_line(const graph::Revision& revision, const ShortLineOptions& options) {
  std::string text = revision.id();
  if (options.include_parents) {
    std::string parents = format_down_revisions(revision);
    if (!revision.depends_on().empty()) {
      parents += " (" + graph::join_comma(revision.depends_on()) + ")";
    }
    text = parents + " -> " + text;
  }
  if (options.include_branches && !revision.branch_labels().empty()) {
    text += " (" + graph::join_comma(revision.branch_labels()) + ")";
  }
  if (options.head_indicators || options.tree_indicators) {
    if (revision.is_real_head()) text += " (head)";
    if (revision.is_head() && !revision.is_real_head()) text += " (effective head)";
    if (options.current) text += " (current)";
  }
  if (!options.note.empty()) text += " (" + options.note + ")";
  if (options.tree_indicators) {
    if (revision.is_branch_point()) text += " (branchpoint)";
    if (revision.is_merge_point()) text += " (mergepoint)";
  }
  if (options.include_doc) text += ", " + revision.message();
  return text;
}

std::string format_verbose_block(const graph::Revision& revision, bool current) {
  // Unlike the short line, the block's "(head)" ignores depends_on.
  std::string text = "Rev: " + revision.id();
  if (revision.is_head()) text += " (head)";
  if (revision.is_branch_point()) text += " (branchpoint)";
  if (revision.is_merge_point()) text += " (mergepoint)";
  if (current) text += " (current)";
  text += "\n";
  text += (revision.is_merge_point() ? "Merges: " : "Parent: ") + format_down_revisions(revision) +
          "\n";
  if (!revision.depends_on().empty()) {
    text += "Also depends on: " + graph::join_comma(revision.depends_on()) + "\n";
  }
  if (revision.is_branch_point()) {
    text += "Branches into: " + graph::join_comma(revision.children()) + "\n";
  }
  if (!revision.branch_labels().empty()) {
    text += "Branch names: " + graph::join_comma(revision.branch_labels()) + "\n";
  }
  text += "Path: " + revision.path() + "\n";

  const std::string long_doc = revision.long_doc();
  std::string doc_lines;
  bool first_line = true;
  for (std::string_view line : graph::python_splitlines(long_doc)) {
    if (!first_line) doc_lines += "\n";
    first_line = false;
    doc_lines += "    ";
    doc_lines += line;
  }
  return text + "\n" + doc_lines + "\n";
}

std::string format_history(const std::vector<const graph::Revision*>& revisions, bool verbose,
                           const std::vector<std::string>& current_heads,
                           const std::optional<InterruptedMark>& interrupted) {
  std::string out;
  for (const graph::Revision* revision : revisions) {
    const bool current = contains(current_heads, revision->id());
    const bool marked = interrupted && interrupted->revision == revision->id();
    if (verbose) {
      std::string block = format_verbose_block(*revision, current);
      if (marked) {
        // After the Path line, before the blank line and the docstring.
        const auto path_end = block.find('\n', block.find("\nPath: ") + 1);
        block.insert(path_end + 1, "Interrupted: " + interrupted->note + "\n");
      }
      out += block;
    } else {
      ShortLineOptions options;
      options.include_branches = true;
      options.include_doc = true;
      options.include_parents = true;
      options.current = current;
      if (marked) options.note = interrupted->note;
      out += format_short_line(*revision, options);
    }
    out += "\n";
  }
  return out;
}

std::string format_interrupted(const std::string& revision, const std::string& summary,
                               const std::string& details) {
  std::string out = revision + " (" + summary + ")\n";
  if (!details.empty()) out += "    " + details + "\n";
  return out;
}

std::string format_heads(const std::vector<const graph::Revision*>& heads, bool verbose) {
  std::string out;
  for (const graph::Revision* head : heads) {
    if (verbose) {
      out += format_verbose_block(*head);
    } else {
      ShortLineOptions options;
      options.include_branches = true;
      options.tree_indicators = false;
      out += format_short_line(*head, options);
    }
    out += "\n";
  }
  return out;
}

std::string format_current(const std::vector<const graph::Revision*>& current, bool verbose) {
  std::string out;
  for (const graph::Revision* revision : current) {
    out += verbose ? format_verbose_block(*revision) : format_short_line(*revision, {});
    out += "\n";
  }
  return out;
}

std::string format_current_header(const std::string& url) {
  return "Current revision(s) for " + url + ":\n";
}

std::string format_branches(const graph::RevisionMap& map,
                            const std::vector<const graph::Revision*>& branch_points,
                            bool verbose) {
  std::string out;
  for (const graph::Revision* point : branch_points) {
    ShortLineOptions point_options;
    point_options.include_branches = true;
    out += verbose ? format_verbose_block(*point) : format_short_line(*point, point_options);
    out += "\n";
    const std::string indent(point->id().size(), ' ');
    ShortLineOptions child_options;
    child_options.include_branches = true;
    child_options.include_doc = verbose;
    bool first = true;
    for (std::size_t child : point->child_indices()) {
      if (!first) out += "\n";
      first = false;
      out += indent + " -> " + format_short_line(map.at(child), child_options);
    }
    out += "\n\n";
  }
  return out;
}

}  // namespace sdm::cli
