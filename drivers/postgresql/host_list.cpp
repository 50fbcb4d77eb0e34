#include "postgresql/host_list.hpp"

#include <algorithm>
#include <cctype>

#include "sdm/error.hpp"

namespace sdm::postgresql {
namespace {

constexpr const char* kForms =
    "write host=h1:p1&host=h2:p2 (one host parameter per server) or host=h1,h2&port=p1,p2";

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i)
    text += (i == 0 ? "" : ",") + parts[i];
  return text;
}

bool all_digits(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

void check_port(const std::string& port) {
  if (!all_digits(port) || port.size() > 5 || (!port.empty() && std::stol(port) > 65535))
    throw Error("postgresql URL: the port '" + port +
                "' in the host list is not a number from 1 to 65535; " + kForms);
}

/// "h:p", "[v6]:p", "h", "/socket/dir" -> host and port ("" when none).
std::pair<std::string, std::string> host_and_port(const std::string& token) {
  if (!token.empty() && token.front() == '[') {
    const std::size_t close = token.find(']');
    if (close == std::string::npos)
      throw Error("postgresql URL: a host in the host list opens '[' without closing it");
    const std::string rest = token.substr(close + 1);
    if (!rest.empty() && rest.front() != ':')
      throw Error(
          "postgresql URL: unexpected text after a bracketed IPv6 host; write [address]:port");
    return {token.substr(1, close - 1), rest.empty() ? "" : rest.substr(1)};
  }
  const std::size_t colon = token.find(':');
  if (colon == std::string::npos) return {token, ""};
  if (token.find(':', colon + 1) != std::string::npos)
    throw Error("postgresql URL: write an IPv6 host in the host list in brackets, [address]:port");
  return {token.substr(0, colon), token.substr(colon + 1)};
}

/// SQLAlchemy reads a lone host=h:p as host and port only for plain host names.
bool plain_host_and_port(const std::string& token) {
  const std::size_t colon = token.find(':');
  if (colon == std::string::npos || token.find(':', colon + 1) != std::string::npos) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = token[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
  }
  return all_digits(token.substr(colon + 1));
}

}  // namespace

HostList host_list(const std::vector<std::string>& host_values,
                   const std::optional<std::string>& port_value) {
  std::vector<std::string> hosts, ports;
  bool port_per_host = false;
  if (host_values.size() > 1) {
    port_per_host = true;
    for (const auto& token : host_values) {
      auto [host, port] = host_and_port(token);
      hosts.push_back(host);
      ports.push_back(port);
    }
  } else if (!host_values.empty()) {
    hosts = split(host_values.front(), ',');
    if (!port_value && hosts.size() == 1 && plain_host_and_port(hosts.front())) {
      port_per_host = true;
      auto [host, port] = host_and_port(hosts.front());
      hosts = {host};
      ports = {port};
    }
  }
  if (port_value) {
    if (port_per_host)
      throw Error(
          "postgresql URL: a port parameter cannot be mixed with ports given in the host "
          "parameters; " +
          std::string(kForms));
    ports = split(*port_value, ',');
  }
  for (const auto& port : ports)
    check_port(port);
  if (ports.size() > 1 && hosts.size() != ports.size())
    throw Error("postgresql URL: " + std::to_string(hosts.size()) + " hosts but " +
                std::to_string(ports.size()) + " ports; give one port per host, or one for all");
  for (const auto& host : hosts)
    if (host.empty() && hosts.size() > 1)
      throw Error("postgresql URL: an empty host in the host list; " + std::string(kForms));
  HostList list;
  list.host = joined(hosts);
  // As psycopg2 hands them on: one entry per host, empty where no port was given; nothing at
  // all for one host without a port (the URL's own port then stands).
  if (ports.empty()) ports.assign(hosts.size(), "");
  if (const std::string port_text = joined(ports); !port_text.empty()) list.port = port_text;
  return list;
}

std::vector<std::string> listed_servers(const std::string& host, const std::string& port) {
  const std::vector<std::string> hosts = split(host, ',');
  const std::vector<std::string> ports = split(port, ',');
  std::vector<std::string> servers;
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    std::string this_port = ports.size() == hosts.size() ? ports[i] : ports.front();
    if (this_port.empty()) this_port = "5432";
    const bool v6 = hosts[i].find(':') != std::string::npos;
    servers.push_back((v6 ? "[" + hosts[i] + "]" : hosts[i]) + ":" + this_port);
  }
  return servers;
}

}  // namespace sdm::postgresql
