#include "galera/galera_support.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <stdexcept>
#include <thread>

namespace sdm::test {

GaleraTarget::GaleraTarget(const std::string& password)
    : db((cluster.make_whole(), cluster.admin()), password) {
  for (int node = 1; node <= GaleraCluster::kNodes; ++node)
    configs_.push_back(box.write("node" + std::to_string(node) + ".conf",
                                 "[database]\nconnection = " + url(node) + "\n"));
}

GaleraTarget::~GaleraTarget() {
  try {
    cluster.make_whole();
  } catch (...) {
    // The next test that needs the node fails with the reason.
  }
}

std::vector<std::string> GaleraTarget::arguments(int node, const std::string& revisions_dir,
                                                 const std::vector<std::string>& command) const {
  std::vector<std::string> all = {"--config-file", configs_.at(static_cast<std::size_t>(node - 1)),
                                  "--revisions-dir", revisions_dir};
  all.insert(all.end(), command.begin(), command.end());
  return all;
}

ProcessResult GaleraTarget::run(int node, const std::string& revisions_dir,
                                const std::vector<std::string>& command) const {
  return run_sdm(box, arguments(node, revisions_dir, command));
}

std::unique_ptr<ChildProcess> GaleraTarget::start(int node, const std::string& revisions_dir,
                                                  const std::vector<std::string>& command) const {
  return std::make_unique<ChildProcess>(binary_path(), arguments(node, revisions_dir, command),
                                        box.dir(),
                                        std::map<std::string, std::string>{{"HOME", box.dir()}});
}

std::vector<std::string> GaleraTarget::versions(int node) const {
  return output_lines(
      db.sql_via_port(cluster.port(node),
                      "SET SESSION wsrep_sync_wait = 1;\n"
                      "SELECT version_num FROM alembic_version ORDER BY version_num;\n"));
}

void GaleraTarget::create_pause(int seconds) const {
  db.sql(
      "CREATE TABLE pause_control (id INT PRIMARY KEY, seconds INT NOT NULL);\n"
      "INSERT INTO pause_control VALUES (1, " +
      std::to_string(seconds) + ");\n");
}

void GaleraTarget::set_pause(int seconds, int node) const {
  db.sql_via_port(cluster.port(node),
                  "UPDATE pause_control SET seconds = " + std::to_string(seconds) + ";\n");
}

std::unique_ptr<ChildProcess> GaleraTarget::start_paused_runner(int node) const {
  auto runner = start(node, fixture_dir("paused"), {"upgrade", "head"});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      if (versions(node) == std::vector<std::string>{"1a0000000001"}) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // into the pause
        return runner;
      }
    } catch (const std::exception&) {
      // No version table yet.
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("the runner through node " + std::to_string(node) +
                           " never finished its first revision");
}

std::string line_differences(const std::string& a, const std::string& b) {
  auto left = output_lines(a), right = output_lines(b);
  std::sort(left.begin(), left.end());
  std::sort(right.begin(), right.end());
  std::vector<std::string> only_left, only_right;
  std::set_difference(left.begin(), left.end(), right.begin(), right.end(),
                      std::back_inserter(only_left));
  std::set_difference(right.begin(), right.end(), left.begin(), left.end(),
                      std::back_inserter(only_right));
  std::string text;
  for (const auto& line : only_left)
    text += "- " + line + "\n";
  for (const auto& line : only_right)
    text += "+ " + line + "\n";
  return text;
}

int count_lines_with(const std::string& text, const std::string& needle) {
  int count = 0;
  for (std::size_t at = 0; at < text.size();) {
    auto end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    if (text.substr(at, end - at).find(needle) != std::string::npos) ++count;
    at = end + 1;
  }
  return count;
}

}  // namespace sdm::test
