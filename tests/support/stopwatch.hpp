// Time elapsed on the steady clock, for tests that bound how long something took.
#pragma once

#include <chrono>

namespace sdm::test {

/// Seconds since `start`, a reading of std::chrono::steady_clock.
inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace sdm::test
