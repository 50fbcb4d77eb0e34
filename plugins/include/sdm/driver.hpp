// A driver plugin: one database backend, chosen by the URL's scheme.
//
//   class MyDriver : public sdm::Driver { ... };
//   SDM_DRIVER_PLUGIN("mydb", "mydb", MyDriver)
//
// The macro emits the plugin's metadata and its one entry point; see plugin.hpp.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sdm/connection.hpp"
#include "sdm/detail/driver_guard.hpp"
#include "sdm/dialect.hpp"
#include "sdm/error.hpp"
#include "sdm/plugin.hpp"
#include "sdm/url.hpp"

namespace sdm {

/// A database backend: its dialect and a way to connect.
class Driver {
 public:
  virtual ~Driver() = default;
  /// The SQL dialect; usable without a connection (offline scripts).
  virtual const Dialect& dialect() const = 0;
  /// Opens a session for `url`. Never put the password into an error message.
  virtual std::unique_ptr<Connection> connect(const Url& url) = 0;
  /// Checks `url` before any connection is tried: throw sdm::Error naming what is wrong with
  /// it (a missing database name, an unusable parameter value, a path that cannot be a
  /// database). The host reports it as a configuration error (exit 3), not a database error.
  virtual void check_url(const Url& url) const { static_cast<void>(url); }
  /// Query parameters of this driver's URLs that hold secrets besides `password` (e.g.
  /// PostgreSQL's `sslpassword`): the host never shows their values (see sdm/secret.hpp).
  virtual std::vector<std::string> secret_parameters() const { return {}; }
  /// Opens a session whose statements (and lock session) keep to `limits`. The default serves
  /// unbounded sessions only; override it to support statement and lock-wait timeouts.
  virtual std::unique_ptr<Connection> connect_with_limits(const Url& url,
                                                          const SessionLimits& limits) {
    if (limits.any())
      throw Error("the " + dialect().name() +
                  " driver cannot bound how long a statement runs or waits for a lock");
    return connect(url);
  }
};

}  // namespace sdm

/// Declares a driver plugin named NAME (a string literal) serving the comma-separated URL
/// schemes SCHEMES (a string literal), implemented by DRIVER_CLASS (default-constructible).
#define SDM_DRIVER_PLUGIN(NAME, SCHEMES, DRIVER_CLASS) \
  SDM_DRIVER_PLUGIN_WITH_INIT(NAME, SCHEMES, DRIVER_CLASS, ::sdm::detail::no_init)

/// As SDM_DRIVER_PLUGIN, and INIT (a `void()` function) runs once when the host loads it.
#define SDM_DRIVER_PLUGIN_WITH_INIT(NAME, SCHEMES, DRIVER_CLASS, INIT)                      \
  SDM_META_SECTION static const char sdm_plugin_meta_[] =                                   \
      "sdm:plugin\0" SDM_STRINGIFY(SDM_ABI_VERSION) "\0driver\0" SDM_BUILD_KEY;             \
  SDM_META_SECTION static const char sdm_driver_meta_[] = "sdm:driver\0" NAME "\0" SCHEMES; \
  static bool sdm_plugin_init_(std::string& error) noexcept {                               \
    return ::sdm::detail::guarded(error, [] { INIT(); });                                   \
  }                                                                                         \
  static ::sdm::abi::Driver* sdm_create_driver_(std::string& error) noexcept {              \
    ::sdm::abi::Driver* made = nullptr;                                                     \
    ::sdm::detail::guarded(error, [&] {                                                     \
      made = ::sdm::detail::make_guarded_driver(std::make_unique<DRIVER_CLASS>());          \
    });                                                                                     \
    return made;                                                                            \
  }                                                                                         \
  extern "C" SDM_EXPORT const ::sdm::PluginDescriptor* sdm_plugin_entry() noexcept {        \
    static const ::sdm::DriverEntry driver = {sdm_driver_meta_, &sdm_create_driver_};       \
    static const ::sdm::PluginDescriptor descriptor = {SDM_ABI_VERSION,                     \
                                                       sizeof(::sdm::PluginDescriptor),     \
                                                       ::sdm::PluginKind::Driver,           \
                                                       SDM_BUILD_KEY,                       \
                                                       sdm_plugin_meta_,                    \
                                                       &sdm_plugin_init_,                   \
                                                       nullptr,                             \
                                                       0,                                   \
                                                       &driver};                            \
    return &descriptor;                                                                     \
  }
