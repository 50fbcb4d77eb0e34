// The one entry point of every plugin and the metadata the host reads from the file.
//
// Each plugin .so exports `sdm_plugin_entry`, returning a static PluginDescriptor. Before any
// C++ crosses, the host checks the descriptor's ABI version, size and build key. The same
// facts, plus every revision's id, parents, depends_on, branch labels and message, also sit in
// the ELF section "sdm_meta" as NUL-separated strings, so the host can list and validate
// revisions without loading (or running) them:
//
//   "sdm:plugin"   abi-version  kind ("revisions" | "driver")  build-key
//   "sdm:revision" id  parents  depends-on  branch-labels  doc     (lists comma-separated)
//   "sdm:driver"   name  schemes
//
// Revisions built with sdm_add_revision() also say where their source was, in a section
// "sdm_source" of their own (optional; plugins built without it still load):
//
//   "sdm:source"   id  absolute-path
#pragma once

#include <cstdint>
#include <string>

#include "sdm/abi.hpp"
#include "sdm/detail/guard.hpp"
#include "sdm/export.hpp"

/// Places a metadata record in the section the host reads from the file.
#define SDM_META_SECTION __attribute__((section("sdm_meta"), used))

/// Places a source record (see above) in its own section.
#define SDM_SOURCE_SECTION __attribute__((section("sdm_source"), used))

/// Name of the entry point every plugin exports.
#define SDM_ENTRY_POINT_NAME "sdm_plugin_entry"

namespace sdm {

class Operations;

namespace abi {
class Driver;
}

/// What a plugin provides.
enum class PluginKind : std::uint32_t { Revisions = 1, Driver = 2 };

/// One revision: its metadata record and its wrapped callbacks.
struct RevisionEntry {
  const char* metadata;  ///< its "sdm:revision" record in sdm_meta
  bool (*upgrade)(Operations& ops, std::string& error) noexcept;
  bool (*downgrade)(Operations& ops, std::string& error) noexcept;
};

/// One driver: its metadata record and a factory.
struct DriverEntry {
  const char* metadata;  ///< its "sdm:driver" record in sdm_meta
  abi::Driver* (*create)(std::string& error) noexcept;
};

/// What `sdm_plugin_entry` returns. The ABI version stays the first member forever.
struct PluginDescriptor {
  std::uint32_t abi_version;
  std::uint32_t descriptor_size;
  PluginKind kind;
  const char* build_key;
  const char* metadata;                       ///< the "sdm:plugin" record in sdm_meta
  bool (*init)(std::string& error) noexcept;  ///< runs once after loading; may be null
  const RevisionEntry* revisions;             ///< revision plugins
  std::uint32_t revision_count;
  const DriverEntry* driver;  ///< driver plugins
};

}  // namespace sdm

extern "C" {
/// The type of the entry point.
typedef const sdm::PluginDescriptor* (*sdm_plugin_entry_fn)();
}
