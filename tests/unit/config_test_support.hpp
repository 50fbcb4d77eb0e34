// Helpers shared by the config test suites: scratch directories and error capture.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "common/errors.hpp"

namespace sdm::config::test {

/// A fresh directory under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sdm-config-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// The directory's absolute path.
  std::string path() const { return root_.string(); }

  /// Absolute path of `relative` inside the directory.
  std::string at(const std::string& relative) const { return (root_ / relative).string(); }

  /// Writes `text` to `relative`, creating parent directories; returns the absolute path.
  std::string write(const std::string& relative, const std::string& text) const {
    std::filesystem::path file = root_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

  /// Creates directory `relative` (and its parents); returns the absolute path.
  std::string mkdir(const std::string& relative) const {
    std::filesystem::create_directories(root_ / relative);
    return at(relative);
  }

 private:
  std::filesystem::path root_;
};

/// The message of the sdm::ConfigError `action` throws, or a marker saying none was thrown.
template <class Action>
std::string config_error_of(Action&& action) {
  try {
    action();
  } catch (const sdm::ConfigError& error) {
    return error.what();
  }
  return "<no ConfigError thrown>";
}

/// Whether `text` contains `part`.
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace sdm::config::test
