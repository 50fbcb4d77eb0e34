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
  std::vector<OptionName> active{normalised(option.current)};
  std::string value = substitute(*found, normalize_group_name(option.current.group), active);
  return ResolvedValue{std::move(value), origin_of(*found->file, *found->value, found->name.name)};
}

std::string LayeredConfig::substitute(const Found& found, const std::string& option_group,
                                      std::vector<OptionName>& active) const {
  if (!found.value->interpolate) return found.value->text;
  return interpolate(found.value->text, [&](const std::string& reference) {
    return resolve_reference(reference, option_group, found, active);
  });
}

// A reference names an option of the referring option's group, else of DEFAULT; or, with a
// dot, `group.option`. Unlike oslo we cannot know the options Sahara registers without a
// value, so an option counts as existing when some file sets it.
std::string LayeredConfig::resolve_reference(const std::string& reference,
                                             const std::string& option_group, const Found& referrer,
                                             std::vector<OptionName>& active) const {
  const std::string where =
      origin_of(*referrer.file, *referrer.value, referrer.name.name).describe();
  size_t dot = reference.find('.');
  if (dot != std::string::npos) {
    std::string group = reference.substr(0, dot);
    if (!group_exists(group)) {
      std::string option = reference.substr(dot + 1);
      std::string hint = kLiteralDollarHint;
      if (group == "DEFAULT")
        hint = " (options in [DEFAULT] are referenced without a group: $" + option + ")";
      throw ConfigError(where + ": no such group [" + group + "]" + hint);
    }
    if (auto value = lookup(OptionName{group, reference.substr(dot + 1)}, referrer, active))
      return *value;
  } else if (auto value = lookup(OptionName{option_group, reference}, referrer, active)) {
    return *value;
  }
  if (auto value = lookup(OptionName{"DEFAULT", reference}, referrer, active)) return *value;
  if (dot == std::string::npos && group_exists(reference))
    throw ConfigError(where + ": substituting group [" + reference + "] is not supported" +
                      kLiteralDollarHint);
  throw ConfigError(where + ": no such option " + reference + " in group [DEFAULT]" +
                    kLiteralDollarHint);
}

std::optional<std::string> LayeredConfig::lookup(const OptionName& name, const Found& referrer,
                                                 std::vector<OptionName>& active) const {
  OptionSpec spec = spec_for(name);
  std::optional<Found> found = find(spec);
  if (!found) return std::nullopt;
  OptionName key = normalised(spec.current);
  if (std::any_of(active.begin(), active.end(),
                  [&](const OptionName& seen) { return same_option(seen, key); })) {
    std::string chain;
    for (const OptionName& seen : active)
      chain += "[" + seen.group + "] " + seen.name + " -> ";
    throw ConfigError(origin_of(*referrer.file, *referrer.value, referrer.name.name).describe() +
                      ": the value refers to itself: " + chain + "[" + key.group + "] " + key.name +
                      kLiteralDollarHint);
  }
  active.push_back(key);
  std::string value = substitute(*found, key.group, active);
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

OptionSpec LayeredConfig::spec_for(const OptionName& name) const {
  OptionName wanted = normalised(name);
  for (const OptionSpec& option : known_options_)
    if (same_option(normalised(option.current), wanted)) return option;
  return OptionSpec{name, {}};
}

}  // namespace sdm::config
