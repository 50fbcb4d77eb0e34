// Fuzz target: the database URL parser, the redacted form shown to the operator, and what the
// PostgreSQL and MySQL drivers make of a URL before connecting. A parse error is a clean
// outcome; anything else that escapes, and every sanitizer report, is a bug.
#include <cstdint>
#include <string>

#include "common/errors.hpp"
#include "config/database_url.hpp"
#include "config/percent_encoding.hpp"
#include "mysql/mysql_connect_options.hpp"
#include "postgresql/connection_options.hpp"
#include "sdm/error.hpp"
#include "sdm/secret.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  sdm::Url url;
  try {
    url = sdm::config::parse_database_url(text);
  } catch (const sdm::ConfigError&) {
    return 0;
  }
  const std::vector<std::string> declared = {"sslpassword", "passwd"};
  const std::string shown = sdm::config::redacted(url, declared);
  const std::string scrubbed = sdm::without_secrets(text, sdm::secrets_of(url, declared));
  // The redacted form hides the password and every secret parameter's value.
  if (url.has_password && shown.find(":***@") == std::string::npos) __builtin_trap();
  for (const auto& [key, value] : url.query) {
    if (sdm::is_secret_parameter(key, declared) &&
        shown.find(sdm::config::quote_plus(key) + "=***") == std::string::npos)
      __builtin_trap();
  }
  try {
    auto options = sdm::postgresql::connection_options(url);
    sdm::postgresql::check_connection_options(options);
  } catch (const sdm::Error&) {
  }
  try {
    sdm::mysql::connect_options(url).describe();
  } catch (const sdm::Error&) {
  }
  return static_cast<int>(scrubbed.size() & 0);
}
