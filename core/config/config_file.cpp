#include "config/config_file.hpp"

#include <cctype>

namespace sdm::config {

std::string normalize_group_name(std::string_view name) {
  std::string normalised(name);
  if (normalised == "DEFAULT") return normalised;
  for (char& c : normalised)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return normalised;
}

const ConfigValue* ConfigFile::find(const std::string& section, const std::string& key) const {
  auto group = sections.find(section);
  if (group == sections.end()) return nullptr;
  auto values = group->second.find(key);
  if (values == group->second.end() || values->second.empty()) return nullptr;
  return &values->second.back();
}

bool ConfigFile::has_section(const std::string& section) const {
  return sections.count(section) != 0;
}

void ConfigFile::add(const std::string& section, const std::string& key, ConfigValue value) {
  value.section = section;
  sections[normalize_group_name(section)][key].push_back(std::move(value));
}

void ConfigFile::add_section(const std::string& section) {
  sections[normalize_group_name(section)];
}

}  // namespace sdm::config
