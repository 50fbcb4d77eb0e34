// The driver plugins of a directory: listed from their metadata, each URL scheme served by
// exactly one of them (or the one the config chooses), loaded only when a URL asks for it.
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
  /// The query parameters this driver's URLs keep secrets in (besides `password`).
  const std::vector<std::string>& secret_parameters() const { return secret_parameters_; }
  /// Opens a session whose statements keep to `limits` (none by default), after the driver
  /// has checked the URL: throws ConfigError for a URL the driver refuses, DatabaseError when
  /// connecting fails; neither message holds a secret.
  std::unique_ptr<ConnectionHandle> connect(const Url& url, const SessionLimits& limits = {}) const;

 private:
  std::string name_;
  std::string path_;
  std::unique_ptr<abi::Driver> driver_;
  DialectHandle dialect_;
  std::vector<std::string> secret_parameters_;
};

/// The config's pick among drivers claiming one URL scheme (`driver_<scheme> = NAME`).
struct DriverChoice {
  std::string name;    ///< a driver's name, or its file's name
  std::string origin;  ///< where it was set ("file:line: [section] key"), for messages
};

/// Which driver serves a URL scheme, or why none can.
struct SchemeServer {
  std::string scheme;
  const loader::PluginFile* file = nullptr;  ///< null when `problem` says why
  std::string chosen_by;                     ///< the choice's origin, when the config chose
  std::string problem;
};

/// The driver plugins found in one directory.
class DriverCatalog {
 public:
  /// Reads every driver's metadata that `policy` lets through; `choices` maps URL schemes to
  /// the config's pick. Throws PluginError when the directory cannot be listed.
  explicit DriverCatalog(const std::string& directory, const loader::LoaderPolicy& policy = {},
                         std::map<std::string, DriverChoice> choices = {});

  const std::string& directory() const { return directory_; }
  const std::vector<loader::PluginFile>& drivers() const { return scan_.plugins; }
  const std::vector<loader::Rejection>& rejections() const { return scan_.rejections; }

  /// The driver file serving `scheme`: the one claiming it, or the config's choice when several
  /// do. Throws PluginError when several claim it and the config chooses none (naming each
  /// file), or when none does and files were rejected; ConfigError when no driver serves it or
  /// the choice names none of those claiming it.
  const loader::PluginFile& file_for(const std::string& scheme) const;

  /// Loads (once) the driver serving `scheme` (see file_for); PluginError when it fails to load.
  const LoadedDriver& driver_for(const std::string& scheme);

  /// Every scheme a driver claims, in name order, with the file that serves it or the problem.
  std::vector<SchemeServer> schemes() const;

  /// Whether `file` is the driver serving at least one URL scheme.
  bool serves_a_scheme(const loader::PluginFile& file) const;

  /// Loads every driver that serves a scheme, recording load failures as rejections (for
  /// `plugins`). Drivers serving none are left unloaded.
  void load_all();

 private:
  const LoadedDriver& load(const loader::PluginFile& file);
  std::vector<const loader::PluginFile*> claimants(const std::string& scheme) const;

  std::string directory_;
  loader::ScanResult scan_;
  std::map<std::string, DriverChoice> choices_;
  std::map<std::string, std::unique_ptr<LoadedDriver>> loaded_;  // by path
};

}  // namespace sdm::runtime
