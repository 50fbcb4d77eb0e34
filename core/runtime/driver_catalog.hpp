// The driver plugins of a directory: listed from their metadata, loaded only when a URL
// scheme asks for one.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "loader/loader_policy.hpp"
#include "loader/plugin_directory.hpp"
#include "runtime/connection_handle.hpp"
#include "runtime/dialect_handle.hpp"
#include "sdm/url.hpp"

namespace sdm::runtime {

/// A loaded driver: its dialect and a way to connect.
class LoadedDriver {
 public:
  /// Takes ownership of `driver`, made by the plugin (whose code stays loaded).
  LoadedDriver(std::string name, std::string path, std::unique_ptr<abi::Driver> driver);

  const std::string& name() const { return name_; }
  const std::string& path() const { return path_; }
  const DialectHandle& dialect() const { return dialect_; }
  /// Opens a session; throws DatabaseError whose message never holds the password.
  std::unique_ptr<ConnectionHandle> connect(const Url& url) const;

 private:
  std::string name_;
  std::string path_;
  std::unique_ptr<abi::Driver> driver_;
  DialectHandle dialect_;
};

/// The driver plugins found in one directory.
class DriverCatalog {
 public:
  /// Reads every driver's metadata that `policy` lets through; throws PluginError when the
  /// directory cannot be listed.
  explicit DriverCatalog(const std::string& directory, const loader::LoaderPolicy& policy = {});

  const std::string& directory() const { return directory_; }
  const std::vector<loader::PluginFile>& drivers() const { return scan_.plugins; }
  const std::vector<loader::Rejection>& rejections() const { return scan_.rejections; }

  /// Loads (once) the driver serving `scheme`. Throws ConfigError for a scheme no driver
  /// serves, PluginError when the driver's file fails to load.
  const LoadedDriver& driver_for(const std::string& scheme);

  /// Loads every driver, recording load failures as rejections (for `plugins`).
  void load_all();

 private:
  const LoadedDriver& load(const loader::PluginFile& file);

  std::string directory_;
  loader::ScanResult scan_;
  std::map<std::string, std::unique_ptr<LoadedDriver>> loaded_;  // by path
};

}  // namespace sdm::runtime
