// A revision plugin: one or more revisions, each with its upgrade and downgrade.
//
//   static void upgrade(sdm::Operations& op) { op.add_column("t", sdm::Column("c", sdm::Text())); }
//   static void downgrade(sdm::Operations& op) { op.drop_column("t", "c"); }
//   SDM_REVISION(add_c, "1a2b3c4d5e6f", "0f9e8d7c6b5a", "add column c", upgrade, downgrade)
//   SDM_REVISION_PLUGIN(add_c)
//
// Ids, parents and messages must be string literals: they are written into the file's
// metadata so that listing history never loads the plugin. Plugins load in file-name order;
// several revisions of one plugin load in id order.
#pragma once

#include <string>

#include "sdm/operations.hpp"
#include "sdm/plugin.hpp"

namespace sdm {

/// Pass as a downgrade to have the host reverse the upgrade's ops from its schema model; the
/// host refuses when an op cannot be reversed.
inline void derived_downgrade(Operations& ops) {
  ops.derive_from_upgrade();
}

}  // namespace sdm

/// A revision with parents PARENTS ("" for a base, "a, b" for a merge) and message MESSAGE.
#define SDM_REVISION(NAME, ID, PARENTS, MESSAGE, UPGRADE, DOWNGRADE) \
  SDM_REVISION_EX(NAME, ID, PARENTS, "", "", MESSAGE, UPGRADE, DOWNGRADE)

/// Where the revision's source is, for `sahara-db-manage edit`: sdm_add_revision() defines
/// SDM_REVISION_SOURCE for each source it builds, and the record goes into a section of its
/// own, which hosts that do not know it never read.
#ifdef SDM_REVISION_SOURCE
#define SDM_DETAIL_SOURCE_RECORD(NAME, ID)                   \
  SDM_SOURCE_SECTION static const char sdm_source_##NAME[] = \
      "sdm:source\0" ID "\0" SDM_REVISION_SOURCE;
#else
#define SDM_DETAIL_SOURCE_RECORD(NAME, ID)
#endif

/// A revision with depends_on and branch labels too (comma-separated lists, "" for none).
/// DOC is the message; its first paragraph shows in history, all of it in `show`.
#define SDM_REVISION_EX(NAME, ID, PARENTS, DEPENDS_ON, BRANCH_LABELS, DOC, UPGRADE, DOWNGRADE) \
  SDM_META_SECTION static const char sdm_meta_##NAME[] =                                       \
      "sdm:revision\0" ID "\0" PARENTS "\0" DEPENDS_ON "\0" BRANCH_LABELS "\0" DOC;            \
  SDM_DETAIL_SOURCE_RECORD(NAME, ID)                                                           \
  static bool sdm_upgrade_##NAME(::sdm::Operations& ops, std::string& error) noexcept {        \
    return ::sdm::detail::guarded(error, [&] { UPGRADE(ops); });                               \
  }                                                                                            \
  static bool sdm_downgrade_##NAME(::sdm::Operations& ops, std::string& error) noexcept {      \
    return ::sdm::detail::guarded(error, [&] { DOWNGRADE(ops); });                             \
  }                                                                                            \
  static const ::sdm::RevisionEntry NAME = {sdm_meta_##NAME, &sdm_upgrade_##NAME,              \
                                            &sdm_downgrade_##NAME};

/// Emits the plugin's entry point, listing the revisions declared above by NAME.
#define SDM_REVISION_PLUGIN(...) SDM_REVISION_PLUGIN_WITH_INIT(::sdm::detail::no_init, __VA_ARGS__)

/// As SDM_REVISION_PLUGIN, and INIT (a `void()` function) runs once when the host loads it.
#define SDM_REVISION_PLUGIN_WITH_INIT(INIT, ...)                                                  \
  SDM_META_SECTION static const char sdm_plugin_meta_[] =                                         \
      "sdm:plugin\0" SDM_STRINGIFY(SDM_ABI_VERSION) "\0revisions\0" SDM_BUILD_KEY;                \
  static bool sdm_plugin_init_(std::string& error) noexcept {                                     \
    return ::sdm::detail::guarded(error, [] { INIT(); });                                         \
  }                                                                                               \
  static const ::sdm::RevisionEntry sdm_plugin_revisions_[] = {__VA_ARGS__};                      \
  extern "C" SDM_EXPORT const ::sdm::PluginDescriptor* sdm_plugin_entry() noexcept {              \
    static const ::sdm::PluginDescriptor descriptor = {                                           \
        SDM_ABI_VERSION,                                                                          \
        sizeof(::sdm::PluginDescriptor),                                                          \
        ::sdm::PluginKind::Revisions,                                                             \
        SDM_BUILD_KEY,                                                                            \
        sdm_plugin_meta_,                                                                         \
        &sdm_plugin_init_,                                                                        \
        sdm_plugin_revisions_,                                                                    \
        static_cast<std::uint32_t>(sizeof(sdm_plugin_revisions_) / sizeof(::sdm::RevisionEntry)), \
        nullptr};                                                                                 \
    return &descriptor;                                                                           \
  }
