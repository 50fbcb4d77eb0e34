#include "galera/galera_support.hpp"

#include <algorithm>
#include <iterator>

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
  std::vector<std::string> rows;
  const std::string out =
      db.sql_via_port(cluster.port(node),
                      "SET SESSION wsrep_sync_wait = 1;\n"
                      "SELECT version_num FROM alembic_version ORDER BY version_num;\n");
  for (std::size_t at = 0; at < out.size();) {
    auto end = out.find('\n', at);
    if (end == std::string::npos) end = out.size();
    if (end > at) rows.push_back(out.substr(at, end - at));
    at = end + 1;
  }
  return rows;
}

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    auto end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

std::string line_differences(const std::string& a, const std::string& b) {
  const auto left = lines_of(a), right = lines_of(b);
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
