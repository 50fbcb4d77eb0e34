#include "support/cluster_servers.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "support/process.hpp"

namespace sdm::test {
namespace {

/// KEY=VALUE lines of $SDM_TEST_SERVERS_DIR/<name>/env.
std::map<std::string, std::string> lazy_server_env(const std::string& name,
                                                   const std::string& fixture) {
  const char* root = std::getenv("SDM_TEST_SERVERS_DIR");
  const std::string hint =
      "run the suite through tests/run-tests.sh (or ctest after "
      "start_test_servers), whose fixture " +
      fixture + " starts it";
  if (root == nullptr || *root == '\0')
    throw std::runtime_error("SDM_TEST_SERVERS_DIR is not set: this test needs the " + name +
                             " servers; " + hint);
  std::ifstream file(std::string(root) + "/" + name + "/env");
  if (!file) throw std::runtime_error("the " + name + " servers are not running; " + hint);
  std::map<std::string, std::string> env;
  for (std::string line; std::getline(file, line);) {
    const auto equals = line.find('=');
    if (equals != std::string::npos) env[line.substr(0, equals)] = line.substr(equals + 1);
  }
  return env;
}

std::string required(const std::map<std::string, std::string>& env, const std::string& key) {
  auto found = env.find(key);
  if (found == env.end()) throw std::runtime_error(key + " is missing from the servers' env file");
  return found->second;
}

}  // namespace

void run_server_script(const std::vector<std::string>& arguments) {
  std::vector<std::string> all = {std::string(SDM_SOURCE_DIR) + "/tests/test-servers.sh"};
  all.insert(all.end(), arguments.begin(), arguments.end());
  const ProcessResult result = run_process("/bin/bash", all);
  if (result.exit_code != 0) {
    std::string command;
    for (const auto& a : arguments)
      command += " " + a;
    throw std::runtime_error("tests/test-servers.sh" + command + " failed (" +
                             std::to_string(result.exit_code) + "): " + result.err + result.out);
  }
}

GaleraCluster::GaleraCluster() : env_(lazy_server_env("galera", "galera_cluster")) {}

int GaleraCluster::port(int node) const {
  return std::stoi(required(env_, "SDM_GALERA_PORT_" + std::to_string(node)));
}

ServerAdmin GaleraCluster::admin() const {
  return {"mysql", required(env_, "SDM_GALERA_ADMIN"), ""};
}

std::string GaleraCluster::root_sql(int node, const std::string& statements) const {
  const ProcessResult result =
      run_process("/usr/bin/mariadb",
                  {"--no-defaults", "-N", "-B", "-uroot",
                   "--socket=" + required(env_, "SDM_GALERA_SOCKET_" + std::to_string(node))},
                  ".", {}, statements);
  if (result.exit_code != 0)
    throw std::runtime_error("mariadb on Galera node " + std::to_string(node) +
                             " failed: " + result.err);
  return result.out;
}

std::string GaleraCluster::state(int node) const {
  try {
    std::string out = root_sql(node, "SHOW STATUS LIKE 'wsrep_local_state_comment';\n");
    const auto tab = out.find('\t');
    if (tab == std::string::npos) return "";
    out = out.substr(tab + 1);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
      out.pop_back();
    return out;
  } catch (const std::exception&) {
    return "";
  }
}

void GaleraCluster::kill_node(int node) const {
  run_server_script({"galera-kill-node", std::to_string(node)});
}

void GaleraCluster::start_node(int node) const {
  run_server_script({"galera-start-node", std::to_string(node)});
}

void GaleraCluster::make_whole() const {
  for (int node = 1; node <= kNodes; ++node)
    if (state(node).empty()) start_node(node);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (int node = 1; node <= kNodes; ++node) {
    while (state(node) != "Synced") {
      if (std::chrono::steady_clock::now() > deadline)
        throw std::runtime_error("Galera node " + std::to_string(node) + " is " + state(node) +
                                 ", not Synced, a minute after the previous test");
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

PostgresStandbyPair::PostgresStandbyPair() : env_(lazy_server_env("pg-standby", "pg_standby")) {
  primary_port_ = std::stoi(required(env_, "SDM_PG_PRIMARY_PORT"));
  standby_port_ = std::stoi(required(env_, "SDM_PG_STANDBY_PORT"));
}

ServerAdmin PostgresStandbyPair::admin() const {
  return {"postgresql", required(env_, "SDM_PG_PRIMARY_ADMIN"),
          required(env_, "SDM_PG_PRIMARY_SOCKET_DIR")};
}

void PostgresStandbyPair::wait_for_standby() const {
  auto psql = [](int port, const std::string& sql) {
    return run_process("/usr/bin/psql",
                       {"-X", "-q", "-A", "-t", "-h", "127.0.0.1", "-p", std::to_string(port), "-U",
                        "postgres", "-d", "postgres", "-c", sql},
                       ".", {{"PGPASSWORD", "postgres"}})
        .out;
  };
  const std::string target = psql(primary_port_, "SELECT pg_current_wal_lsn()");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string behind =
        psql(standby_port_, "SELECT pg_last_wal_replay_lsn() < '" +
                                target.substr(0, target.find('\n')) + "'::pg_lsn");
    if (behind.rfind("f", 0) == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("the hot standby did not catch up with the primary within 30 s");
}

void PostgresStandbyPair::stop_primary() const {
  run_server_script({"pg-primary-stop"});
}

void PostgresStandbyPair::start_primary() const {
  run_server_script({"pg-primary-start"});
}

}  // namespace sdm::test
