#include "loader/plugin_file.hpp"

#include <filesystem>
#include <system_error>

#include "loader/elf_reader.hpp"

namespace sdm::loader {

const char* kind_name(PluginKind kind) {
  return kind == PluginKind::Driver ? "driver" : "revisions";
}

void check_metadata(const PluginMetadata& meta, PluginKind expected_kind) {
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
}

PluginFile inspect_plugin_file(const std::string& path, OpenedCandidate candidate,
                               PluginKind expected_kind) {
  PluginFile file;
  file.path = path;
  file.real_path = candidate.real_path;
  file.identity = candidate.identity;
  file.trust_note = candidate.trust_note;
  try {
    ElfReader elf(candidate.fd.get(), candidate.size);
    if (!elf.is_shared_object()) throw RejectedPlugin("not a shared object (ELF, but not ET_DYN)");
    elf.prefetch({"sdm_meta", "sdm_source"});
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
    if (auto sources = elf.section("sdm_source")) read_source_section(*sources, file.metadata);
  } catch (const ElfError& e) {
    throw RejectedPlugin(e.what());
  } catch (const MetadataError& e) {
    throw RejectedPlugin(e.what());
  }

  check_metadata(file.metadata, expected_kind);
  return file;
}

PluginFile inspect_plugin_file(const std::string& path, PluginKind expected_kind,
                               const LoaderPolicy& policy) {
  PathTrust trust;
  const std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  std::string real_dir;
  try {
    real_dir = resolved_path(parent_directory(absolute));
  } catch (const std::system_error& e) {
    throw RejectedPlugin("cannot be read: " + e.code().message());
  }
  std::string note;
  if (auto problem = trust.directory_problem(real_dir)) {
    if (policy.enforce_trust) throw RejectedPlugin("untrusted: " + *problem);
    note = *problem;
  }
  const std::string name = absolute.substr(absolute.find_last_of('/') + 1);
  OpenedCandidate candidate =
      open_candidate(real_dir + "/" + name, EntryType::Unknown, trust, policy.enforce_trust);
  if (candidate.trust_note.empty()) candidate.trust_note = note;
  return inspect_plugin_file(path, std::move(candidate), expected_kind);
}

}  // namespace sdm::loader
