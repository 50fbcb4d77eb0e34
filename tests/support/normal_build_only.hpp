// Test cases the sanitizer build leaves out (tests/README.md, "Under the sanitizers"): their
// subject is the system compiler building code out of tree, or text the normal build checks
// just as well (recovery SQL, schema DDL, redacted output). Under the sanitizers they took a
// third of the suite's time, while the host code they reach runs sanitized in other tests.
// doctest neither lists nor runs a skipped case, so CTest never registers them there.
#pragma once

#include <doctest/doctest.h>

namespace sdm::test {
#ifdef SDM_SANITIZER_BUILD
inline constexpr bool kSanitizerBuild = true;
#else
inline constexpr bool kSanitizerBuild = false;
#endif
}  // namespace sdm::test

/// A decorator: TEST_CASE("..." * SDM_NORMAL_BUILD_ONLY), or for cases a macro writes,
/// TEST_SUITE_BEGIN("normal build only" * SDM_NORMAL_BUILD_ONLY) ... TEST_SUITE_END().
#define SDM_NORMAL_BUILD_ONLY doctest::skip(sdm::test::kSanitizerBuild)
