#include "runtime/driver_catalog.hpp"

#include <algorithm>
#include <set>

#include "common/errors.hpp"
#include "loader/plugin_library.hpp"
#include "sdm/detail/guard.hpp"
#include "sdm/secret.hpp"

namespace sdm::runtime {
namespace {

const std::string& driver_name(const loader::PluginFile& file) {
  return file.metadata.drivers.front().name;
}

std::string file_name(const std::string& path) {
  return path.substr(path.find_last_of('/') + 1);
}

/// "sqlite (/x/sqlite.so) and planted (/x/000_planted.so)".
std::string describe(const std::vector<const loader::PluginFile*>& files) {
  std::string text;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i > 0) text += i + 1 == files.size() ? " and " : ", ";
    text += driver_name(*files[i]) + " (" + files[i]->path + ")";
  }
  return text;
}

}  // namespace

LoadedDriver::LoadedDriver(std::string name, std::string path, std::unique_ptr<abi::Driver> driver)
    : name_(std::move(name)),
      path_(std::move(path)),
      driver_(std::move(driver)),
      dialect_(driver_->dialect()) {
  std::string error;
  if (!driver_->secret_parameters(secret_parameters_, error))
    throw PluginError("driver plugin " + path_ +
                      " cannot list its secret URL parameters: " + error);
}

std::unique_ptr<ConnectionHandle> LoadedDriver::connect(const Url& url,
                                                        const SessionLimits& limits) const {
  // Drivers must keep secrets out of their messages; make sure of it here too.
  const std::vector<std::string> secrets = secrets_of(url, secret_parameters_);
  std::string error;
  if (!driver_->check_url(url, error))
    throw ConfigError("database URL: " +
                      without_secrets(detail::decode_failure(error).second, secrets));
  abi::Connection* connection = driver_->connect(url, limits, error);
  if (connection == nullptr) {
    auto [kind, message] = detail::decode_failure(error);
    throw DatabaseError(
        "cannot connect to " + url.scheme + " database: " + without_secrets(message, secrets),
        kind);
  }
  return std::make_unique<ConnectionHandle>(std::unique_ptr<abi::Connection>(connection), limits,
                                            dialect_.traits().internal_name_prefix);
}

DriverCatalog::DriverCatalog(const std::string& directory, const loader::LoaderPolicy& policy,
                             std::map<std::string, DriverChoice> choices)
    : directory_(directory), choices_(std::move(choices)) {
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
  auto made = std::make_unique<LoadedDriver>(driver_name(file), file.path,
                                             std::unique_ptr<abi::Driver>(driver));
  return *loaded_.emplace(file.path, std::move(made)).first->second;
}

std::vector<const loader::PluginFile*> DriverCatalog::claimants(const std::string& scheme) const {
  std::vector<const loader::PluginFile*> files;
  for (const auto& file : scan_.plugins) {
    const auto& schemes = file.metadata.drivers.front().schemes;
    if (std::find(schemes.begin(), schemes.end(), scheme) != schemes.end()) files.push_back(&file);
  }
  return files;
}

const loader::PluginFile& DriverCatalog::file_for(const std::string& scheme) const {
  std::vector<const loader::PluginFile*> files = claimants(scheme);
  const std::string key = "driver_" + scheme;
  if (auto choice = choices_.find(scheme); choice != choices_.end() && !files.empty()) {
    const DriverChoice& chosen = choice->second;
    std::vector<const loader::PluginFile*> picked;
    for (const auto* file : files)
      if (driver_name(*file) == chosen.name || file_name(file->path) == chosen.name)
        picked.push_back(file);
    if (picked.size() == 1) return *picked.front();
    if (picked.empty())
      throw ConfigError(chosen.origin + " chooses '" + chosen.name + "', but no driver for " +
                        scheme + ":// in " + directory_ +
                        " has that name or file name (there: " + describe(files) + ")");
    throw PluginError(chosen.origin + " chooses '" + chosen.name + "', which names " +
                      std::to_string(picked.size()) + " drivers for " + scheme +
                      "://: " + describe(picked) + "; choose by file name instead (" + key + " = " +
                      file_name(picked.front()->path) + ")");
  }
  if (files.size() == 1) return *files.front();
  if (files.size() > 1)
    throw PluginError("URL scheme '" + scheme + "' is claimed by " + std::to_string(files.size()) +
                      " drivers: " + describe(files) +
                      "; remove the one you do not trust, or choose one with "
                      "`[sahara_db_manage] " +
                      key + " = NAME` in the config");

  std::set<std::string> known;
  for (const auto& file : scan_.plugins)
    for (const auto& s : file.metadata.drivers.front().schemes)
      known.insert(s);
  std::string list;
  for (const auto& s : known)
    list += (list.empty() ? "" : ", ") + s;
  if (!scan_.rejections.empty()) {
    const auto& first = scan_.rejections.front();
    std::string more = scan_.rejections.size() > 1
                           ? " (and " + std::to_string(scan_.rejections.size() - 1) +
                                 " more; `sahara-db-manage plugins` lists them all)"
                           : "";
    throw PluginError("no usable driver for URL scheme '" + scheme + "' in " + directory_ +
                      " (schemes available: " + (list.empty() ? "none" : list) +
                      "): driver plugin " + first.path + " rejected: " + first.reason + more);
  }
  throw ConfigError("no driver for URL scheme '" + scheme + "' in " + directory_ +
                    " (schemes available: " + (list.empty() ? "none" : list) + ")");
}

const LoadedDriver& DriverCatalog::driver_for(const std::string& scheme) {
  return load(file_for(scheme));
}

std::vector<SchemeServer> DriverCatalog::schemes() const {
  std::set<std::string> all;
  for (const auto& file : scan_.plugins)
    for (const auto& s : file.metadata.drivers.front().schemes)
      all.insert(s);
  std::vector<SchemeServer> servers;
  for (const auto& scheme : all) {
    SchemeServer server{scheme, nullptr, "", ""};
    try {
      server.file = &file_for(scheme);
      if (auto choice = choices_.find(scheme); choice != choices_.end())
        server.chosen_by = choice->second.origin;
    } catch (const HostError& e) {
      server.problem = e.what();
    }
    servers.push_back(std::move(server));
  }
  return servers;
}

bool DriverCatalog::serves_a_scheme(const loader::PluginFile& file) const {
  for (const auto& scheme : file.metadata.drivers.front().schemes) {
    try {
      if (&file_for(scheme) == &file) return true;
    } catch (const HostError&) {
    }
  }
  return false;
}

void DriverCatalog::load_all() {
  std::vector<loader::PluginFile> usable;
  for (const auto& file : scan_.plugins) {
    // A driver whose every scheme is disputed or chosen away serves nothing: its code need not run.
    if (!serves_a_scheme(file)) {
      usable.push_back(file);
      continue;
    }
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
