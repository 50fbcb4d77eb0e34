#include "runtime/driver_catalog.hpp"

#include <algorithm>

#include "common/errors.hpp"
#include "loader/plugin_library.hpp"
#include "sdm/secret.hpp"

namespace sdm::runtime {

LoadedDriver::LoadedDriver(std::string name, std::string path, std::unique_ptr<abi::Driver> driver)
    : name_(std::move(name)),
      path_(std::move(path)),
      driver_(std::move(driver)),
      dialect_(driver_->dialect()) {}

std::unique_ptr<ConnectionHandle> LoadedDriver::connect(const Url& url) const {
  std::string error;
  abi::Connection* connection = driver_->connect(url, error);
  if (connection == nullptr) {
    // Drivers must keep the password out of their messages; make sure of it here too.
    throw DatabaseError("cannot connect to " + url.scheme +
                        " database: " + without_secret(error, url.password));
  }
  return std::make_unique<ConnectionHandle>(std::unique_ptr<abi::Connection>(connection));
}

DriverCatalog::DriverCatalog(const std::string& directory, const loader::LoaderPolicy& policy)
    : directory_(directory) {
  try {
    scan_ = loader::scan_plugin_directory(directory, PluginKind::Driver, policy);
  } catch (const loader::DirectoryError& e) {
    throw PluginError(e.what());
  }
}

const LoadedDriver& DriverCatalog::load(const loader::PluginFile& file) {
  if (auto it = loaded_.find(file.path); it != loaded_.end()) return *it->second;
  const PluginDescriptor* descriptor = nullptr;
  try {
    descriptor = &loader::load_plugin(file);
  } catch (const loader::RejectedPlugin& e) {
    throw PluginError("driver plugin " + file.path + " rejected: " + e.what());
  }
  std::string error;
  abi::Driver* driver = descriptor->driver->create(error);
  if (driver == nullptr)
    throw PluginError("driver plugin " + file.path + " could not create its driver: " + error);
  auto made = std::make_unique<LoadedDriver>(file.metadata.drivers.front().name, file.path,
                                             std::unique_ptr<abi::Driver>(driver));
  return *loaded_.emplace(file.path, std::move(made)).first->second;
}

const LoadedDriver& DriverCatalog::driver_for(const std::string& scheme) {
  std::vector<std::string> known;
  for (const auto& file : scan_.plugins) {
    const auto& schemes = file.metadata.drivers.front().schemes;
    if (std::find(schemes.begin(), schemes.end(), scheme) != schemes.end()) return load(file);
    known.insert(known.end(), schemes.begin(), schemes.end());
  }
  std::string list;
  for (const auto& s : known)
    list += (list.empty() ? "" : ", ") + s;
  std::string message = "no driver for URL scheme '" + scheme + "' in " + directory_ +
                        " (schemes available: " + (list.empty() ? "none" : list) + ")";
  if (!scan_.rejections.empty()) {
    message += "; " + std::to_string(scan_.rejections.size()) +
               " driver file(s) there were rejected, see `sahara-db-manage plugins`";
  }
  throw ConfigError(message);
}

void DriverCatalog::load_all() {
  std::vector<loader::PluginFile> usable;
  for (const auto& file : scan_.plugins) {
    try {
      load(file);
      usable.push_back(file);
    } catch (const PluginError& e) {
      scan_.rejections.push_back({file.path, e.what()});
    }
  }
  scan_.plugins = std::move(usable);
}

}  // namespace sdm::runtime
