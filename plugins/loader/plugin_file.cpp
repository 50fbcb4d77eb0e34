#include "loader/plugin_file.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "common/errors.hpp"
#include "loader/elf_reader.hpp"

namespace sdm::loader {

const char* kind_name(PluginKind kind) {
  return kind == PluginKind::Driver ? "driver" : "revisions";
}

PluginFile inspect_plugin_file(const std::string& path, PluginKind expected_kind) {
  PluginFile file;
  file.path = path;
  try {
    ElfReader elf(path);
    if (!elf.is_shared_object()) throw RejectedPlugin("not a shared object (ELF, but not ET_DYN)");
    auto section = elf.section("sdm_meta");
    if (!elf.exports_symbol(SDM_ENTRY_POINT_NAME)) {
      throw RejectedPlugin(std::string("no plugin entry point: it does not export ") +
                           SDM_ENTRY_POINT_NAME +
                           " (declare it with SDM_REVISION_PLUGIN or SDM_DRIVER_PLUGIN)");
    }
    if (!section)
      throw RejectedPlugin(
          "no plugin metadata: the sdm_meta section is missing (build it with the SDK's macros)");
    file.metadata = parse_metadata_section(*section);
  } catch (const ElfError& e) {
    throw RejectedPlugin(e.what());
  } catch (const MetadataError& e) {
    throw RejectedPlugin(e.what());
  }

  const PluginMetadata& meta = file.metadata;
  if (meta.abi_version != SDM_STRINGIFY(SDM_ABI_VERSION)) {
    throw RejectedPlugin("built for plugin ABI version " + meta.abi_version +
                         ", this host speaks version " SDM_STRINGIFY(SDM_ABI_VERSION) +
                         std::string(": rebuild it against the installed SDK"));
  }
  if (meta.build_key != SDM_BUILD_KEY) {
    throw RejectedPlugin("built with build key '" + meta.build_key + "', this host needs '" +
                         SDM_BUILD_KEY + "': rebuild it with the same compiler and SDK");
  }
  if (meta.kind != kind_name(expected_kind)) {
    throw RejectedPlugin("is a " + meta.kind + " plugin where " + kind_name(expected_kind) +
                         " plugins belong");
  }
  if (expected_kind == PluginKind::Revisions) {
    if (meta.revisions.empty()) throw RejectedPlugin("declares no revisions");
    if (!meta.drivers.empty()) throw RejectedPlugin("a revisions plugin must not declare a driver");
  } else {
    if (meta.drivers.size() != 1)
      throw RejectedPlugin("a driver plugin must declare exactly one driver");
    if (!meta.revisions.empty()) throw RejectedPlugin("a driver plugin must not declare revisions");
    if (meta.drivers.front().schemes.empty())
      throw RejectedPlugin("the driver declares no URL scheme");
  }
  return file;
}

ScanResult scan_plugin_directory(const std::string& directory, PluginKind expected_kind) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    throw PluginError(std::string(kind_name(expected_kind)) + " directory " + directory +
                      " does not exist or is not a directory");
  }
  std::vector<std::string> paths;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.extension() == ".so" && !it->is_directory(ec)) paths.push_back(fs::absolute(p).string());
  }
  if (ec) throw PluginError("cannot list " + directory + ": " + ec.message());
  std::sort(paths.begin(), paths.end());

  ScanResult result;
  for (const auto& path : paths) {
    try {
      result.plugins.push_back(inspect_plugin_file(path, expected_kind));
    } catch (const RejectedPlugin& e) {
      result.rejections.push_back({path, e.what()});
    }
  }
  return result;
}

}  // namespace sdm::loader
