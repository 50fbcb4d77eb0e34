// The binary contract between the host and its plugins.
//
// A plugin is only used when its ABI version, descriptor size and build key all match the
// host's: std::string and std::vector cross the boundary, so host and plugin must agree on
// the SDK's struct layouts and on the C++ standard library ABI.
#pragma once

#include <cstdint>  // also defines _GLIBCXX_USE_CXX11_ABI on libstdc++

/// Version of the plugin descriptor and of every SDK struct a plugin hands to the host.
#define SDM_ABI_VERSION 4
/// Major version of the SDK; bumped whenever a public header changes incompatibly.
#define SDM_SDK_MAJOR 2

#define SDM_STRINGIFY_(x) #x
#define SDM_STRINGIFY(x) SDM_STRINGIFY_(x)

#if defined(_LIBCPP_VERSION)
#define SDM_STDLIB_ "libc++"
#elif defined(__GLIBCXX__)
#define SDM_STDLIB_ "libstdc++/cxx11abi=" SDM_STRINGIFY(_GLIBCXX_USE_CXX11_ABI)
#else
#define SDM_STDLIB_ "unknown-stdlib"
#endif

/// SDK major version and C++ library ABI of the compiler that built this translation unit.
#define SDM_BUILD_KEY "sdm-sdk" SDM_STRINGIFY(SDM_SDK_MAJOR) "/" SDM_STDLIB_

namespace sdm {

/// The ABI version this SDK speaks.
inline constexpr std::uint32_t kAbiVersion = SDM_ABI_VERSION;

/// The build key this SDK was compiled with.
inline constexpr const char* kBuildKey = SDM_BUILD_KEY;

}  // namespace sdm
