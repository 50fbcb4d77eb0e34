// The revisions declared in C++ sources that are not built yet: `revision` and `merge` read them
// from the sources directory so a packager can write a chain (036, 037, 038) and build once.
#pragma once

#include <string>
#include <vector>

#include "graph/revision_info.hpp"

namespace sdm::cli {

/// Every SDM_REVISION / SDM_REVISION_EX in the `*.cpp` files directly in `directory`, in
/// file-name order, each with the source file as its path. A directory that does not exist
/// holds none. Throws RevisionError naming the file and line when a declaration's id, parents,
/// dependencies, labels or message are not string literals (they cannot be read unbuilt).
std::vector<graph::RevisionInfo> read_revision_sources(const std::string& directory);

/// The declarations in one source text; `path` names it in errors and in the results.
std::vector<graph::RevisionInfo> parse_revision_source(const std::string& text,
                                                       const std::string& path);

}  // namespace sdm::cli
