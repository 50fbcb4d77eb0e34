// Loading a plugin file that passed inspection: make sure it is still the file that was judged
// and has the digest its manifest lists, dlopen it with every symbol resolved now, check the
// descriptor it returns, run its init. Loaded libraries stay loaded until the process ends.
#pragma once

#include <string>

#include "loader/plugin_file.hpp"
#include "sdm/plugin.hpp"

namespace sdm::loader {

/// Loads `file` and returns its checked descriptor; throws RejectedPlugin with the reason.
/// Loading the same path twice returns the same descriptor.
const PluginDescriptor& load_plugin(const PluginFile& file);

/// Loads `file` as load_plugin does and returns its entry for revision `id`, or nullptr when it
/// has none.
const RevisionEntry* find_revision_entry(const PluginFile& file, const std::string& id);

}  // namespace sdm::loader
