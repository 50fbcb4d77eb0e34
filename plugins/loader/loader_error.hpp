// The loader's exceptions: each carries one reason fit for the operator. They are distinct
// classes so that callers can tell a refused file from an unreadable directory.
#pragma once

#include <exception>
#include <string>
#include <utility>

namespace sdm::loader {

/// Base of the loader's errors: what() is the reason.
class LoaderError : public std::exception {
 public:
  explicit LoaderError(std::string reason) : reason_(std::move(reason)) {}
  const char* what() const noexcept override { return reason_.c_str(); }

 private:
  std::string reason_;
};

}  // namespace sdm::loader
