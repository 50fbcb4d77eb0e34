#include "loader/plugin_library.hpp"

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "loader/file_digest.hpp"
#include "loader/manifest.hpp"

namespace sdm::loader {
namespace {

/// A loaded plugin with the revision id of each descriptor entry, in entry order: finding a
/// revision's entry then parses no metadata record again.
struct LoadedPlugin {
  boost::dll::shared_library library;
  const PluginDescriptor* descriptor = nullptr;
  std::vector<std::string> revision_ids;
};

/// Libraries are never unloaded: objects from a plugin may live until exit, and drivers
/// register themselves with process-wide state. The registry is deliberately never freed.
std::map<std::string, LoadedPlugin>& loaded_libraries() {
  static auto* libraries = new std::map<std::string, LoadedPlugin>;
  return *libraries;
}

/// Boost.DLL wraps dlerror()'s text in its own; keep only the part an operator can act on.
std::string dlerror_text(const std::exception& e) {
  std::string text = e.what();
  const std::string marker = "dlerror system message: ";
  auto begin = text.find(marker);
  if (begin == std::string::npos) return text;
  begin += marker.size();
  auto end = text.rfind("): ");
  return text.substr(begin,
                     end == std::string::npos || end < begin ? std::string::npos : end - begin);
}

/// Checks the descriptor against the file's metadata; returns the revision id of each entry.
std::vector<std::string> check_descriptor(const PluginDescriptor& d, const PluginFile& file) {
  if (d.abi_version != kAbiVersion) {
    throw RejectedPlugin("its descriptor has plugin ABI version " + std::to_string(d.abi_version) +
                         ", this host speaks version " + std::to_string(kAbiVersion) +
                         ": rebuild it against the installed SDK");
  }
  if (d.descriptor_size != sizeof(PluginDescriptor)) {
    throw RejectedPlugin("its descriptor is " + std::to_string(d.descriptor_size) +
                         " bytes, this host expects " + std::to_string(sizeof(PluginDescriptor)) +
                         ": rebuild it against the installed SDK");
  }
  if (d.build_key == nullptr || std::strcmp(d.build_key, SDM_BUILD_KEY) != 0) {
    throw RejectedPlugin(std::string("its descriptor has build key '") +
                         (d.build_key ? d.build_key : "(none)") + "', this host needs '" +
                         SDM_BUILD_KEY + "': rebuild it with the same compiler and SDK");
  }
  if (kind_name(d.kind) != file.metadata.kind ||
      (d.kind != PluginKind::Revisions && d.kind != PluginKind::Driver)) {
    throw RejectedPlugin("its descriptor's plugin kind differs from its metadata");
  }
  if (d.kind == PluginKind::Revisions) {
    if (d.revisions == nullptr || d.revision_count != file.metadata.revisions.size())
      throw RejectedPlugin(
          "its descriptor lists a different number of revisions than its metadata");
    std::vector<std::string> declared, listed;
    for (const auto& r : file.metadata.revisions)
      declared.push_back(r.id);
    for (std::uint32_t i = 0; i < d.revision_count; ++i) {
      const RevisionEntry& entry = d.revisions[i];
      if (entry.metadata == nullptr)
        throw RejectedPlugin("a revision entry in its descriptor has no metadata");
      std::string id = parse_revision_record(entry.metadata).id;
      if (entry.upgrade == nullptr || entry.downgrade == nullptr)
        throw RejectedPlugin("revision '" + id + "' lacks an upgrade or downgrade callback");
      listed.push_back(id);
    }
    std::vector<std::string> sorted = listed;
    std::sort(declared.begin(), declared.end());
    std::sort(sorted.begin(), sorted.end());
    if (declared != sorted)
      throw RejectedPlugin("its descriptor lists other revisions than its metadata");
    return listed;
  }
  if (d.driver == nullptr || d.driver->create == nullptr || d.driver->metadata == nullptr)
    throw RejectedPlugin("its descriptor has no driver factory");
  return {};
}

const LoadedPlugin& load(const PluginFile& file) {
  auto& libraries = loaded_libraries();
  if (auto it = libraries.find(file.path); it != libraries.end()) return it->second;

  // The file judged when it was listed, and no other: same inode, listed digest. Its directories
  // passed the trust rules, so nobody else can swap it before dlopen; loading by its path (not
  // /proc/self/fd) keeps $ORIGIN in its run path meaning its own directory. Only a digest to
  // check needs the file open.
  if (!file.expected_sha256) {
    check_candidate_unchanged(file.real_path, file.identity);
  } else {
    UniqueFd fd = reopen_candidate(file.real_path, file.identity);
    std::string actual = sha256_hex(fd.get());
    if (actual != *file.expected_sha256)
      throw RejectedPlugin("its SHA-256 differs from the one " + std::string(kManifestName) +
                           " lists (listed " + *file.expected_sha256 + ", file has " + actual +
                           "): reinstall it, or update the manifest if the change is yours");
  }

  boost::dll::shared_library library;
  try {
    // rtld_now: an unresolved symbol must fail here, not kill the process on first call.
    library.load(file.real_path,
                 boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    throw RejectedPlugin("cannot be loaded: " + dlerror_text(e));
  }
  if (!library.has(SDM_ENTRY_POINT_NAME))
    throw RejectedPlugin(std::string("no plugin entry point ") + SDM_ENTRY_POINT_NAME);
  auto entry = library.get<const PluginDescriptor*() noexcept>(SDM_ENTRY_POINT_NAME);
  const PluginDescriptor* descriptor = entry();
  if (descriptor == nullptr) throw RejectedPlugin("its entry point returned no descriptor");
  // The ABI version is read before anything else: it is the one field every version shares.
  std::vector<std::string> revision_ids = check_descriptor(*descriptor, file);
  if (descriptor->init != nullptr) {
    std::string error;
    if (!descriptor->init(error)) throw RejectedPlugin("its init failed: " + error);
  }
  return libraries
      .emplace(file.path, LoadedPlugin{std::move(library), descriptor, std::move(revision_ids)})
      .first->second;
}

}  // namespace

const PluginDescriptor& load_plugin(const PluginFile& file) {
  return *load(file).descriptor;
}

const RevisionEntry* find_revision_entry(const PluginFile& file, const std::string& id) {
  const LoadedPlugin& plugin = load(file);
  for (std::size_t i = 0; i < plugin.revision_ids.size(); ++i)
    if (plugin.revision_ids[i] == id) return &plugin.descriptor->revisions[i];
  return nullptr;
}

}  // namespace sdm::loader
