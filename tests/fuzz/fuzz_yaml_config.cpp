// Fuzz target: a YAML config file, read into the same shape as sahara.conf, and the settings
// the tool takes from it. A ConfigError is a clean outcome; anything else that escapes, and
// every sanitizer report, is a bug.
#include <cstdint>
#include <string>

#include "common/errors.hpp"
#include "config/settings.hpp"
#include "config/yaml_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    sdm::config::ConfigFile file = sdm::config::parse_yaml(text, "/etc/sahara/sahara.yaml");
    sdm::config::settings_from({file});
  } catch (const sdm::ConfigError&) {
  }
  return 0;
}
