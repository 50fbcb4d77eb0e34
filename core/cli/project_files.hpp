// The files `init` writes: a CMake project of revision plugins built against the installed
// SaharaDbManage package.
#pragma once

#include <string>

namespace sdm::cli {

/// CMakeLists.txt: every versions/*.cpp becomes one plugin in build/revisions, beside copies
/// of the installed revisions they build on; `cmake --install` ships them.
std::string project_cmakelists(const std::string& directory_name);

/// sahara.conf.sample: a scratch SQLite database, build/revisions, and versions/ for new
/// sources (paths relative to the file).
std::string project_config_sample();

/// README: three lines on writing, building and shipping revisions.
std::string project_readme();

}  // namespace sdm::cli
