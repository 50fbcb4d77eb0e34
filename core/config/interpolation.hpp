// oslo.config's `$name` substitution inside option values.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace sdm::config {

/// Looks up the value a reference names: `name` or `group.name`, as written after the `$`.
using ReferenceResolver = std::function<std::string(const std::string& reference)>;

/// Replaces `$name`, `${name}` and `${group.name}` in `value` with what `resolve` returns.
/// `$$` and `\$` give a literal `$`; a `$` followed by no name (`$1`, `${x`) stays as it is.
/// Names are `[_A-Za-z][._A-Za-z0-9]*`, so `$a.b` names option `b` of group `a`.
std::string interpolate(std::string_view value, const ReferenceResolver& resolve);

}  // namespace sdm::config
