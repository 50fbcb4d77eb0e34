// Inspecting a plugin file without loading it: is it a shared object, does it export the
// entry point, and what does its metadata say.
#pragma once

#include <string>
#include <vector>

#include "loader/plugin_metadata.hpp"

namespace sdm::loader {

/// A plugin file whose metadata passed every check that needs no loading.
struct PluginFile {
  std::string path;
  PluginMetadata metadata;
};

/// A file the loader refused, and why.
struct Rejection {
  std::string path;
  std::string reason;
};

/// Reads and checks one plugin file; throws RejectedPlugin with the reason.
PluginFile inspect_plugin_file(const std::string& path, PluginKind expected_kind);

/// What a directory scan found, in file-name order.
struct ScanResult {
  std::vector<PluginFile> plugins;
  std::vector<Rejection> rejections;
};

/// Inspects every `*.so` in `directory`, in file-name order. Other files are ignored.
/// Throws PluginError when the directory cannot be listed.
ScanResult scan_plugin_directory(const std::string& directory, PluginKind expected_kind);

/// A plugin file was refused.
class RejectedPlugin : public std::exception {
 public:
  explicit RejectedPlugin(std::string reason) : reason_(std::move(reason)) {}
  const char* what() const noexcept override { return reason_.c_str(); }

 private:
  std::string reason_;
};

/// "revisions" or "driver", as plugin metadata names a kind.
const char* kind_name(PluginKind kind);

}  // namespace sdm::loader
