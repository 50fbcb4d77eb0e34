#include "cli/install_layout.hpp"

#include <unistd.h>

#include <filesystem>

#ifndef SDM_RELATIVE_PLUGIN_ROOT
#error "SDM_RELATIVE_PLUGIN_ROOT must name the plugin root relative to the binary's directory"
#endif

namespace sdm::cli {
namespace {

std::filesystem::path plugin_root() {
  std::error_code ec;
  auto binary = std::filesystem::read_symlink("/proc/self/exe", ec);
  auto dir = ec ? std::filesystem::current_path() : binary.parent_path();
  return (dir / SDM_RELATIVE_PLUGIN_ROOT).lexically_normal();
}

}  // namespace

std::string default_drivers_dir() {
  return (plugin_root() / "drivers").string();
}
std::string default_revisions_dir() {
  return (plugin_root() / "revisions").string();
}

}  // namespace sdm::cli
