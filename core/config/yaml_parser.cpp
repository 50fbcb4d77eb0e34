#include "config/yaml_parser.hpp"

#include <yaml-cpp/yaml.h>

#include "common/errors.hpp"

namespace sdm::config {
namespace {

// yaml-cpp counts lines from 0 and has no mark for a missing value.
int line_of(const YAML::Node& node, int fallback) {
  YAML::Mark mark = node.Mark();
  return mark.line >= 0 ? mark.line + 1 : fallback;
}

const char* kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "not a single value";
  }
}

[[noreturn]] void fail(const std::string& path, int line, const std::string& what) {
  throw ConfigError(path + ":" + std::to_string(line) + ": " + what);
}

std::string key_text(const YAML::Node& key, const std::string& path, int line) {
  if (!key.IsScalar())
    fail(path, line, "a key must be a plain name, not " + std::string(kind_of(key)));
  return key.Scalar();
}

void add_section(ConfigFile& file, const std::string& section, const YAML::Node& options,
                 int section_line) {
  file.add_section(section);
  if (options.IsNull()) return;
  if (!options.IsMap())
    fail(file.path, line_of(options, section_line),
         "section '" + section + "' must map option names to values, e.g. " +
             "'database: {connection: sqlite:////var/lib/sahara/sahara.sqlite}'");
  // yaml-cpp iterators yield their entries by value: hold each one for the whole body.
  for (const auto& entry : options) {
    int key_line = line_of(entry.first, section_line);
    std::string key = key_text(entry.first, file.path, key_line);
    const YAML::Node& value = entry.second;
    if (!value.IsNull() && !value.IsScalar())
      fail(file.path, line_of(value, key_line),
           "[" + section + "] " + key + " must be a single value, not " + kind_of(value));
    file.add(section, key, ConfigValue{value.IsNull() ? "" : value.Scalar(), {}, key_line, false});
  }
}

}  // namespace

ConfigFile parse_yaml(const std::string& text, const std::string& path) {
  ConfigFile file;
  file.path = path;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& error) {
    // DeepRecursion (nesting past yaml-cpp's limit) is a ParserException too.
    fail(path, error.mark.is_null() ? 1 : error.mark.line + 1, "not valid YAML: " + error.msg);
  }
  if (root.IsNull()) return file;  // an empty document sets nothing
  if (!root.IsMap())
    fail(path, line_of(root, 1),
         "the top level must map section names to options, e.g. 'database:' then "
         "'  connection: ...'");
  for (const auto& entry : root) {
    int line = line_of(entry.first, 1);
    add_section(file, key_text(entry.first, path, line), entry.second, line);
  }
  return file;
}

}  // namespace sdm::config
