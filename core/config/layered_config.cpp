#include "config/layered_config.hpp"

#include <algorithm>

#include "common/errors.hpp"
#include "config/interpolation.hpp"

namespace sdm::config {
namespace {

bool same_option(const OptionName& a, const OptionName& b) {
  return a.group == b.group && a.name == b.name;
}

OptionName normalised(const OptionName& name) {
  return OptionName{normalize_group_name(name.group), name.name};
}

ValueOrigin origin_of(const ConfigFile& file, const ConfigValue& value, const std::string& key) {
  return ValueOrigin{file.path, value.section, key, value.line};
}

constexpr const char* kLiteralDollarHint = " (a literal '$' is written '$$')";

}  // namespace

std::string ValueOrigin::describe() const {
  return file + ":" + std::to_string(line) + ": [" + section + "] " + key;
}

LayeredConfig::LayeredConfig(std::vector<ConfigFile> files, std::vector<OptionSpec> known_options)
    : files_(std::move(files)), known_options_(std::move(known_options)) {}

std::optional<LayeredConfig::Found> LayeredConfig::find(const OptionSpec& option) const {
  std::vector<OptionName> names{normalised(option.current)};
  for (const OptionName& alias : option.deprecated)
    names.push_back(normalised(alias));
  for (auto file = files_.rbegin(); file != files_.rend(); ++file) {
    for (const OptionName& name : names) {
      if (const ConfigValue* value = file->find(name.group, name.name))
        return Found{&*file, value, name};
    }
  }
  return std::nullopt;
}

std::optional<ResolvedValue> LayeredConfig::get(const OptionSpec& option) const {
  std::optional<Found> found = find(option);
  if (!found) return std::nullopt;
  Expansion expansion{{normalised(option.current)}, 0};
  std::string value = substitute(*found, normalize_group_name(option.current.group), expansion);
  return ResolvedValue{std::move(value), origin_of(*found->file, *found->value, found->name.name)};
}

std::string LayeredConfig::substitute(const Found& found, const std::string& option_group,
                                      Expansion& expansion) const {
  if (!found.value->interpolate) return found.value->text;
  std::size_t size = found.value->text.size();
  return interpolate(found.value->text, [&](const std::string& reference) {
    std::string value = resolve_reference(reference, option_group, found, expansion);
    size += value.size();
    if (size > kMaxExpandedSize) {
      throw ConfigError(origin_of(*found.file, *found.value, found.name.name).describe() +
                        ": the value grows past " + std::to_string(kMaxExpandedSize / 1024) +
                        " KiB as its '$' references are substituted (do values refer to each "
                        "other many times over?)" +
                        kLiteralDollarHint);
    }
    return value;
  });
}

// A reference names an option of the referring option's group, else of DEFAULT; or, with a
// dot, `group.option`. Unlike oslo we cannot know the options Sahara registers without a
// value, so an option counts as existing when some file sets it.
std::string LayeredConfig::resolve_reference(const std::string& reference,
                                             const std::string& option_group, const Found& referrer,
                                             Expansion& expansion) const {
  const std::string where =
      origin_of(*referrer.file, *referrer.value, referrer.name.name).describe();
  if (++expansion.references > kMaxReferences) {
    throw ConfigError(
        where + ": substituting the value follows more than " + std::to_string(kMaxReferences) +
        " '$' references (do values refer to each other many times over?)" + kLiteralDollarHint);
  }
  // A value that may hold a password (or one substituted into it) is never quoted in part:
  // the "reference" may be a piece of the password that happens to contain a '$'.
  const bool secret = is_secret(expansion.active.front()) || is_secret(referrer.name);
  const std::string shown = secret ? std::string("a '$' reference") : reference;
  size_t dot = reference.find('.');
  if (dot != std::string::npos) {
    std::string group = reference.substr(0, dot);
    if (!group_exists(group)) {
      std::string option = reference.substr(dot + 1);
      std::string hint = kLiteralDollarHint;
      if (secret) throw ConfigError(where + ": " + shown + " names no group" + hint);
      if (group == "DEFAULT")
        hint = " (options in [DEFAULT] are referenced without a group: $" + option + ")";
      throw ConfigError(where + ": no such group [" + group + "]" + hint);
    }
    if (auto value = lookup(OptionName{group, reference.substr(dot + 1)}, referrer, expansion))
      return *value;
  } else if (auto value = lookup(OptionName{option_group, reference}, referrer, expansion)) {
    return *value;
  }
  if (auto value = lookup(OptionName{"DEFAULT", reference}, referrer, expansion)) return *value;
  if (secret) throw ConfigError(where + ": " + shown + " names no option" + kLiteralDollarHint);
  if (dot == std::string::npos && group_exists(reference))
    throw ConfigError(where + ": substituting group [" + reference + "] is not supported" +
                      kLiteralDollarHint);
  throw ConfigError(where + ": no such option " + reference + " in group [DEFAULT]" +
                    kLiteralDollarHint);
}

std::optional<std::string> LayeredConfig::lookup(const OptionName& name, const Found& referrer,
                                                 Expansion& expansion) const {
  OptionSpec spec = spec_for(name);
  std::optional<Found> found = find(spec);
  if (!found) return std::nullopt;
  OptionName key = normalised(spec.current);
  std::vector<OptionName>& active = expansion.active;
  if (std::any_of(active.begin(), active.end(),
                  [&](const OptionName& seen) { return same_option(seen, key); })) {
    std::string chain;
    for (const OptionName& seen : active)
      chain += "[" + seen.group + "] " + seen.name + " -> ";
    throw ConfigError(origin_of(*referrer.file, *referrer.value, referrer.name.name).describe() +
                      ": the value refers to itself: " + chain + "[" + key.group + "] " + key.name +
                      kLiteralDollarHint);
  }
  if (active.size() >= kMaxReferenceDepth) {
    throw ConfigError(origin_of(*referrer.file, *referrer.value, referrer.name.name).describe() +
                      ": '$' references nest more than " + std::to_string(kMaxReferenceDepth) +
                      " deep ([" + active.front().group + "] " + active.front().name + " -> [" +
                      active[1].group + "] " + active[1].name + " -> ...)" + kLiteralDollarHint);
  }
  active.push_back(key);
  std::string value = substitute(*found, key.group, expansion);
  active.pop_back();
  return value;
}

bool LayeredConfig::group_exists(const std::string& group) const {
  if (group == "DEFAULT") return false;  // oslo keeps DEFAULT's options outside any group
  for (const OptionSpec& option : known_options_)
    if (option.current.group == group) return true;
  return std::any_of(files_.begin(), files_.end(),
                     [&](const ConfigFile& file) { return file.has_section(group); });
}

bool LayeredConfig::is_secret(const OptionName& name) const {
  OptionName wanted = normalised(name);
  for (const OptionSpec& option : known_options_) {
    if (!option.secret) continue;
    if (same_option(normalised(option.current), wanted)) return true;
    for (const OptionName& alias : option.deprecated)
      if (same_option(normalised(alias), wanted)) return true;
  }
  return false;
}

OptionSpec LayeredConfig::spec_for(const OptionName& name) const {
  OptionName wanted = normalised(name);
  for (const OptionSpec& option : known_options_)
    if (same_option(normalised(option.current), wanted)) return option;
  return OptionSpec{name, {}};
}

}  // namespace sdm::config
