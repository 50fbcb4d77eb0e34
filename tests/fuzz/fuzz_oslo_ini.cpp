// Fuzz target: sahara.conf as oslo.config reads it, then every value of the file looked up
// with `$` interpolation, and the settings the tool takes from it. A ConfigError is a clean
// outcome; anything else that escapes, and every sanitizer report, is a bug.
#include <cstdint>
#include <string>

#include "common/errors.hpp"
#include "config/ini_parser.hpp"
#include "config/layered_config.hpp"
#include "config/settings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    sdm::config::ConfigFile file = sdm::config::parse_ini(text, "/etc/sahara/sahara.conf");
    sdm::config::LayeredConfig config({file}, {sdm::config::connection_option()});
    for (const auto& [section, keys] : file.sections) {
      for (const auto& entry : keys) {
        try {
          config.get(sdm::config::OptionSpec{{section, entry.first}, {}});
        } catch (const sdm::ConfigError&) {
        }
      }
    }
    sdm::config::settings_from({file, file});
  } catch (const sdm::ConfigError&) {
  }
  return 0;
}
