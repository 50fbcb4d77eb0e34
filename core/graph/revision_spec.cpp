#include "graph/revision_spec.hpp"

#include <algorithm>
#include <limits>

#include "graph/python_text.hpp"
#include "graph/revision_errors.hpp"
#include "graph/revision_map.hpp"
#include "graph/traversal.hpp"

namespace sdm::graph {
namespace {

constexpr long long kSaturatedSteps = std::numeric_limits<long long>::max() / 10;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Python's `\w` on text: ASCII letters, digits, underscore, and (approximately) any non-ASCII.
bool is_word(char c) {
  auto byte = static_cast<unsigned char>(c);
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         byte >= 0x80;
}

// One more decimal digit, stopping at kSaturatedSteps: no graph is that long, so every larger
// count walks off it the same way, and the arithmetic never overflows.
long long append_digit(long long value, char digit) {
  const int d = digit - '0';
  return value > (kSaturatedSteps - d) / 10 ? kSaturatedSteps : value * 10 + d;
}

long long parse_steps(std::string_view signed_digits) {
  long long value = 0;
  for (char c : signed_digits.substr(1))
    value = append_digit(value, c);
  return signed_digits[0] == '-' ? -value : value;
}

// Python's int(text): optional surrounding whitespace, sign, digits with single underscores.
std::optional<long long> python_int_value(std::string_view text) {
  text = python_strip(text);
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (i >= text.size() || !is_digit(text[i])) return std::nullopt;
  long long value = 0;
  for (; i < text.size(); ++i) {
    if (text[i] == '_' && i + 1 < text.size() && is_digit(text[i + 1]) && is_digit(text[i - 1])) {
      continue;
    }
    if (!is_digit(text[i])) return std::nullopt;
    value = append_digit(value, text[i]);
  }
  return negative ? -value : value;
}

// The rest of a relative target from `start`: optional word symbol, then sign and digits.
std::optional<RelativeTarget> match_relative_rest(std::string_view text, std::size_t start) {
  std::size_t sign = start;
  while (sign < text.size() && is_word(text[sign]))
    ++sign;
  if (sign + 1 >= text.size() || (text[sign] != '+' && text[sign] != '-') ||
      !is_digit(text[sign + 1])) {
    return std::nullopt;
  }
  std::size_t digits_end = sign + 1;
  while (digits_end < text.size() && is_digit(text[digits_end]))
    ++digits_end;
  RelativeTarget target;
  if (sign > start) target.symbol = std::string(text.substr(start, sign - start));
  target.relative = std::string(text.substr(sign, digits_end - sign));
  target.steps = parse_steps(target.relative);
  return target;
}

bool has_text(const std::optional<std::string_view>& value) {
  return value && !value->empty();
}

std::vector<ResolvedRevision> as_resolved(const RevisionMap& map,
                                          const std::vector<std::size_t>& indices) {
  std::vector<ResolvedRevision> result;
  result.reserve(indices.size());
  for (std::size_t index : indices)
    result.push_back(ResolvedRevision::of(&map.at(index)));
  return result;
}

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

std::string no_such_revision_message(std::string_view identifier) {
  std::string message = "No such revision or branch '" + std::string(identifier) + "'";
  if (identifier.size() < 4) {
    message +=
        "; please ensure at least four characters are present for partial revision identifier "
        "matches";
  }
  return message;
}

// The revisions the comparison side of a lineage test names, resolved once per filter.
std::vector<const Revision*> lineage_references(const RevisionMap& map,
                                                std::string_view check_against) {
  IdentifierParts parts = resolve_revision_number(map, check_against);
  std::vector<std::string> names;
  if (parts.branch_label && !parts.branch_label->empty()) names.push_back(*parts.branch_label);
  names.insert(names.end(), parts.ids.begin(), parts.ids.end());
  std::vector<const Revision*> references;
  for (const std::string& name : names)
    references.push_back(revision_for_ident(map, name));
  return references;
}

}  // namespace

std::optional<RelativeTarget> match_relative_target(std::string_view text) {
  // The optional `label@` is tried first, shortest label first; `.` never matches a newline.
  for (std::size_t at = 1; at < text.size(); ++at) {
    if (text[at - 1] == '\n') break;
    if (text[at] != '@') continue;
    if (auto rest = match_relative_rest(text, at + 1)) {
      rest->branch_label = std::string(text.substr(0, at));
      return rest;
    }
  }
  return match_relative_rest(text, 0);
}

IdentifierParts resolve_revision_number(const RevisionMap& map,
                                        std::optional<std::string_view> identifier) {
  IdentifierParts parts;
  if (!identifier) return parts;
  std::string_view name = *identifier;
  std::size_t at = name.find('@');
  if (at != std::string_view::npos) {
    parts.branch_label = std::string(name.substr(0, at));
    name = name.substr(at + 1);
  }
  const bool labelled = parts.branch_label && !parts.branch_label->empty();
  if (name == "heads") {
    parts.ids = labelled ? map.ids(filter_for_lineage(map, map.heads(), *parts.branch_label))
                         : map.ids(map.real_heads());
  } else if (name == "head") {
    std::optional<std::size_t> head = get_current_head(
        map, labelled ? std::optional<std::string_view>(*parts.branch_label) : std::nullopt);
    if (head) parts.ids.push_back(map.at(*head).id());
  } else if (name != "base") {
    parts.ids.emplace_back(name);
  }
  return parts;
}

std::vector<ResolvedRevision> get_revisions(const RevisionMap& map, std::string_view identifier) {
  IdentifierParts parts = resolve_revision_number(map, identifier);
  if (parts.ids.size() == 1) {
    std::optional<long long> number = python_int_value(parts.ids[0]);
    if (number && *number < 0) {
      // `-N` (or `label@-N`) walks down from each head of the whole graph or of that branch.
      std::vector<ResolvedRevision> walked;
      for (std::size_t head : map.real_heads()) {
        const std::vector<std::string>& labels = map.at(head).branch_labels();
        if (parts.branch_label &&
            std::find(labels.begin(), labels.end(), *parts.branch_label) == labels.end()) {
          continue;
        }
        walked.push_back(
            walk(map, ResolvedRevision::of(&map.at(head)), *number, std::nullopt, true));
      }
      return walked;
    }
  }
  std::optional<std::string_view> branch;
  if (parts.branch_label) branch = *parts.branch_label;
  std::vector<ResolvedRevision> result;
  for (const std::string& id : parts.ids) {
    result.push_back(ResolvedRevision::of(revision_for_ident(map, id, branch)));
  }
  return result;
}

std::vector<ResolvedRevision> get_revisions(const RevisionMap& map,
                                            const std::vector<std::string>& identifiers) {
  std::vector<ResolvedRevision> result;
  for (const std::string& identifier : identifiers) {
    std::vector<ResolvedRevision> named = get_revisions(map, identifier);
    result.insert(result.end(), named.begin(), named.end());
  }
  return result;
}

const Revision* get_revision(const RevisionMap& map, std::string_view identifier) {
  IdentifierParts parts = resolve_revision_number(map, identifier);
  if (parts.ids.size() > 1) throw MultipleHeadsError(parts.ids, std::string(identifier));
  std::optional<std::string_view> id;
  if (!parts.ids.empty()) id = parts.ids[0];
  std::optional<std::string_view> branch;
  if (parts.branch_label) branch = *parts.branch_label;
  return revision_for_ident(map, id, branch);
}

const Revision* revision_for_ident(const RevisionMap& map,
                                   std::optional<std::string_view> identifier,
                                   std::optional<std::string_view> check_branch) {
  const bool checking_branch = has_text(check_branch);
  const Revision* branch_revision = checking_branch ? resolve_branch(map, *check_branch) : nullptr;
  if (!identifier) return nullptr;

  const std::string name(*identifier);
  const Revision* revision = map.find_key(name);
  if (revision == nullptr) {
    // Only names longer than three characters take part in prefix matching.
    std::vector<std::string> matches;
    if (!name.empty()) {
      for (const std::string& key : map.lookup_keys()) {
        if (key.size() > 3 && starts_with(key, name)) matches.push_back(key);
      }
    }
    if (branch_revision != nullptr && !matches.empty()) {
      std::vector<const Revision*> references = lineage_references(map, *check_branch);
      std::vector<std::string> on_branch;
      for (const std::string& key : matches) {
        if (shares_lineage(map, map.find_key(key)->index(), references, false)) {
          on_branch.push_back(key);
        }
      }
      matches = std::move(on_branch);
    }
    if (matches.empty()) throw ResolutionError(no_such_revision_message(name), name);
    if (matches.size() > 1) {
      std::string listed;
      for (std::size_t i = 0; i < matches.size() && i < 3; ++i) {
        if (i > 0) listed += ", ";
        listed += "'" + matches[i] + "'";
      }
      throw ResolutionError("Multiple revisions start with '" + name + "': " + listed + "...",
                            name);
    }
    revision = map.find_key(matches.front());
  }

  if (checking_branch && !shares_lineage(map, revision->index(), {branch_revision}, false)) {
    throw ResolutionError("Revision " + revision->id() + " is not a member of branch '" +
                              std::string(*check_branch) + "'",
                          name);
  }
  return revision;
}

const Revision* resolve_branch(const RevisionMap& map, std::string_view branch) {
  const std::string name(branch);
  if (const Revision* labelled = map.find_key(name)) return labelled;
  try {
    return revision_for_ident(map, branch);
  } catch (const ResolutionError&) {
    throw ResolutionError("No such branch: '" + name + "'", name);
  }
}

std::optional<std::size_t> get_current_head(const RevisionMap& map,
                                            std::optional<std::string_view> branch_label) {
  std::vector<std::size_t> heads = map.heads();
  if (has_text(branch_label)) heads = filter_for_lineage(map, heads, *branch_label);
  if (heads.size() > 1) {
    throw MultipleHeadsError(map.ids(heads), has_text(branch_label)
                                                 ? std::string(*branch_label) + "@head"
                                                 : std::string("head"));
  }
  if (heads.empty()) return std::nullopt;
  return heads.front();
}

std::vector<std::size_t> filter_for_lineage(const RevisionMap& map,
                                            const std::vector<std::size_t>& targets,
                                            std::string_view check_against,
                                            bool include_dependencies) {
  IdentifierParts parts = resolve_revision_number(map, check_against);
  const bool has_references =
      (parts.branch_label && !parts.branch_label->empty()) || !parts.ids.empty();
  if (targets.empty() || !has_references) return targets;
  std::vector<const Revision*> references = lineage_references(map, check_against);
  std::vector<std::size_t> kept;
  for (std::size_t target : targets) {
    if (shares_lineage(map, target, references, include_dependencies)) kept.push_back(target);
  }
  return kept;
}

bool shares_lineage(const RevisionMap& map, std::size_t target,
                    const std::vector<const Revision*>& others, bool include_dependencies) {
  if (others.empty()) return true;
  std::vector<char> related = membership(map, descendants(map, {target}, include_dependencies));
  for (std::size_t ancestor : ancestors(map, {target}, include_dependencies)) {
    related[ancestor] = 1;
  }
  return std::any_of(others.begin(), others.end(), [&related](const Revision* other) {
    return other != nullptr && related[other->index()];
  });
}

ResolvedRevision walk(const RevisionMap& map, ResolvedRevision start, long long steps,
                      std::optional<std::string_view> branch_label, bool no_overwalk) {
  ResolvedRevision current = start;
  const long long count = steps < 0 ? -steps : steps;
  for (long long step = 0; step < count; ++step) {
    std::vector<ResolvedRevision> next;
    if (steps > 0) {
      std::vector<std::size_t> upward =
          current.revision == nullptr ? map.bases() : current.revision->child_indices();
      if (has_text(branch_label)) upward = filter_for_lineage(map, upward, *branch_label);
      next = as_resolved(map, upward);
    } else if (!current.is_base) {
      next = as_resolved(
          map, current.revision == nullptr ? map.heads() : current.revision->parent_indices());
      if (next.empty()) next.push_back(ResolvedRevision::base());
    }
    if (next.empty()) return no_overwalk ? ResolvedRevision::none() : current;
    if (next.size() > 1) throw RevisionError("Ambiguous walk");
    current = next.front();
  }
  return current;
}

std::vector<const Revision*> all_current(const RevisionMap& map,
                                         const std::vector<std::string>& ids) {
  std::vector<std::size_t> rows;
  for (const ResolvedRevision& resolved : get_revisions(map, ids)) {
    if (resolved.revision != nullptr) rows.push_back(resolved.revision->index());
  }
  std::vector<char> applied = membership(map, ancestors(map, rows, true));

  // A revision with another applied revision above it on its own line is not a tip.
  std::vector<std::size_t> parents_of_applied;
  for (const Revision& revision : map.revisions()) {
    if (!applied[revision.index()]) continue;
    const std::vector<std::size_t>& parents = revision.parent_indices();
    parents_of_applied.insert(parents_of_applied.end(), parents.begin(), parents.end());
  }
  std::vector<char> covered =
      membership(map, related_revisions(map, parents_of_applied, Link::Parents));

  std::vector<const Revision*> tips;
  std::vector<char> listed(map.size(), 0);
  auto add_tip = [&](std::size_t index) {
    if (applied[index] && !covered[index] && !listed[index]) {
      listed[index] = 1;
      tips.push_back(&map.at(index));
    }
  };
  for (std::size_t row : rows)
    add_tip(row);
  for (const Revision& revision : map.revisions())
    add_tip(revision.index());
  return tips;
}

}  // namespace sdm::graph
