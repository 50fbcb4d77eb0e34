// The YAML form of a config file: top-level keys are sections, their keys are options.
#pragma once

#include <string>

#include "config/config_file.hpp"

namespace sdm::config {

/// Parses a YAML config (`database: {connection: ...}`) into the same shape as an INI file.
/// Values are literal: `$` needs no escaping in YAML. Throws sdm::ConfigError (`path:line: what`).
ConfigFile parse_yaml(const std::string& text, const std::string& path);

}  // namespace sdm::config
