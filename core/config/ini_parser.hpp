// oslo.config's INI dialect, the format of sahara.conf.
#pragma once

#include <string>
#include <string_view>

#include "config/config_file.hpp"

namespace sdm::config {

/// Parses `text` exactly as oslo.config reads an INI file; `path` names the file in errors.
/// Throws sdm::ConfigError (`path:line: what`) on a syntax error.
ConfigFile parse_ini(std::string_view text, const std::string& path);

}  // namespace sdm::config
