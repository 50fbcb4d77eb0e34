// Where the running binary's plugins live: relative to the binary itself, so an install prefix
// (or the build tree, which mirrors it) can move.
#pragma once

#include <string>

namespace sdm::cli {

/// `<dir of the binary>/<SDM_RELATIVE_PLUGIN_ROOT>/drivers`.
std::string default_drivers_dir();
/// `<dir of the binary>/<SDM_RELATIVE_PLUGIN_ROOT>/revisions`.
std::string default_revisions_dir();

}  // namespace sdm::cli
