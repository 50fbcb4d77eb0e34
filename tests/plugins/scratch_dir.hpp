// A fresh directory under /tmp for the loader tests, removed with everything in it at the end.
#pragma once

#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "support/ownership.hpp"

namespace sdm::test {

/// The path of the built loader fixture plugin `name`.
inline std::string loader_fixture(const std::string& name) {
  return std::string(SDM_FIXTURE_DIR) + "/loader/" + name;
}

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sdm-loader.XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& dir() const { return dir_; }
  std::string path(const std::string& relative) const { return dir_ + "/" + relative; }
  /// Creates a directory (and its parents) with `mode`; returns its path.
  std::string directory(const std::string& relative, mode_t mode = 0755) const {
    std::filesystem::create_directories(path(relative));
    set_mode(path(relative), mode);
    return path(relative);
  }
  /// Copies the loader fixture `fixture` to `relative` with `mode`; returns its path.
  std::string copy_fixture(const std::string& fixture, const std::string& relative,
                           mode_t mode = 0755) const {
    std::filesystem::copy_file(loader_fixture(fixture), path(relative));
    set_mode(path(relative), mode);
    return path(relative);
  }

 private:
  std::string dir_;
};

}  // namespace sdm::test
