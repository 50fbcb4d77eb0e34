#include "postgresql/connection_options.hpp"

#include <cctype>

#include "postgresql/host_list.hpp"
#include "sdm/error.hpp"

namespace sdm::postgresql {
namespace {

bool is_keyword_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

}  // namespace

const std::string* ConnectionOptions::parameter(std::string_view keyword) const {
  for (const auto& [key, value] : parameters)
    if (key == keyword) return &value;
  return nullptr;
}

void ConnectionOptions::set(const std::string& keyword, std::string value) {
  for (auto& [key, existing] : parameters) {
    if (key == keyword) {
      existing = std::move(value);
      return;
    }
  }
  parameters.emplace_back(keyword, std::move(value));
}

ConnectionOptions connection_options(const Url& url) {
  ConnectionOptions options;
  if (!url.host.empty()) options.set("host", url.host);
  if (url.port != 0) options.set("port", std::to_string(url.port));
  if (!url.database.empty()) options.set("dbname", url.database);
  if (!url.username.empty()) options.set("user", url.username);
  if (url.has_password) options.password = url.password;
  std::vector<std::string> hosts;
  std::optional<std::string> port;
  for (const auto& [key, value] : url.query) {
    if (key == "password")
      options.password = value;
    else if (key == "host")
      hosts.push_back(value);  // several are several servers, not the last one winning
    else if (key == "port")
      port = value;
    else
      options.set(key, value);
  }
  if (!hosts.empty()) {
    HostList list = host_list(hosts, port);
    options.set("host", list.host);
    if (list.port) options.set("port", *list.port);
  } else if (port) {
    options.set("port", *port);
  }
  if (!options.parameter("connect_timeout"))
    options.set("connect_timeout", std::to_string(kDefaultConnectTimeoutSeconds));
  if (!options.parameter("application_name")) options.set("application_name", kApplicationName);
  // Text goes in and out as UTF-8 whatever the server's or the environment's encoding.
  if (!options.parameter("client_encoding")) options.set("client_encoding", "UTF8");
  return options;
}

void check_connection_options(const ConnectionOptions& options) {
  if (const std::string* timeout = options.parameter("connect_timeout")) {
    bool digits = !timeout->empty() && timeout->size() <= 6;
    for (char c : *timeout)
      digits = digits && c >= '0' && c <= '9';
    const int seconds = digits ? std::stoi(*timeout) : 0;
    if (seconds < 1 || seconds > kMaxConnectTimeoutSeconds)
      throw Error("postgresql URL: connect_timeout=" + *timeout +
                  " is not a whole number of seconds between 1 and " +
                  std::to_string(kMaxConnectTimeoutSeconds));
  }
  for (const auto& parameter : options.parameters) {
    const std::string& keyword = parameter.first;
    bool plain_keyword = !keyword.empty();
    for (char c : keyword)
      plain_keyword = plain_keyword && is_keyword_character(c);
    if (!plain_keyword)
      throw Error("postgresql: '" + keyword +
                  "' in the database URL is not a libpq connection parameter");
  }
}

}  // namespace sdm::postgresql
