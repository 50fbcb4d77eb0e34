#include "support/private_server.hpp"

#include <dirent.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/process.hpp"

namespace sdm::test {
namespace {

/// tests/test-servers.sh, whose starters bring servers up the same way for every test.
std::string servers_script() {
  return SDM_TEST_SERVERS_SCRIPT;
}

/// A process's state letter and parent, from /proc/PID/stat; {'\0', -1} when it is gone.
std::pair<char, pid_t> status_of(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return {'\0', -1};
  // "pid (command) state ppid ...": the command may hold spaces and parentheses.
  const auto close = line.rfind(')');
  if (close == std::string::npos) return {'\0', -1};
  std::istringstream rest(line.substr(close + 1));
  char state = '\0';
  pid_t parent = -1;
  rest >> state >> parent;
  return {state, parent};
}

pid_t parent_of(pid_t pid) {
  return status_of(pid).second;
}

/// Running or stopped; a zombie waiting for its parent counts as gone. A zombie of ours (see
/// the constructor) is reaped here: a server checks whether the pid in its old lock file still
/// exists, and a zombie does.
bool alive(pid_t pid) {
  ::waitpid(pid, nullptr, WNOHANG);
  const char state = status_of(pid).first;
  return state != '\0' && state != 'Z' && state != 'X';
}

}  // namespace

PrivateServer::PrivateServer(const std::string& backend, std::vector<std::string> settings)
    : backend_(backend), settings_(std::move(settings)) {
  if (backend_ != "postgresql" && backend_ != "mysql")
    throw std::runtime_error("no private server for backend " + backend_);
  // The server outlives the shell that starts it; orphaned, it becomes the test's child rather
  // than init's, so a killed server is reaped here even where init reaps nothing.
  ::prctl(PR_SET_CHILD_SUBREAPER, 1);
  char pattern[] = "/tmp/sdm-private.XXXXXX";
  if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  std::filesystem::permissions(dir_, std::filesystem::perms(0755));
  start();
}

PrivateServer::~PrivateServer() {
  try {
    if (frozen_) thaw();
    signal_all(SIGKILL);
    for (int i = 0; i < 300 && alive(pid_); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  } catch (...) {
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void PrivateServer::start() {
  const std::string starter =
      backend_ == "postgresql" ? "sdm_start_postgresql" : "sdm_start_mariadb";
  std::vector<std::string> arguments = {
      "-c",
      // A port from a random place, so servers that start at the same time do not race
      // for the same one; a restart keeps its port.
      "source \"$1\" && " + starter +
          " \"$2\" \"${3:-$(sdm_free_port $((20000 + RANDOM % 20000)))}\" \"${@:4}\" >&2 && "
          "echo \"$SDM_STARTED_PID $SDM_STARTED_PORT $SDM_STARTED_ADMIN\"",
      "sdm-private-server", servers_script(), dir_ + "/server", port_};
  arguments.insert(arguments.end(), settings_.begin(), settings_.end());
  // The free port found can be taken by another server before this one binds it; a first
  // start then tries other ports (a restart must keep its own).
  const int attempts = port_.empty() ? 3 : 1;
  ProcessResult started;
  pid_t pid = -1;
  std::string port, url;
  for (int attempt = 1;; ++attempt) {
    started = run_process("/bin/bash", arguments);
    std::istringstream out(started.out);
    if (started.exit_code == 0 && (out >> pid >> port >> url)) break;
    if (attempt < attempts) continue;
    throw std::runtime_error("could not start a private " + backend_ + " server (exit " +
                             std::to_string(started.exit_code) + "): " + started.err);
  }
  pid_ = pid;
  port_ = port;
  admin_url_ = url;
}

ServerAdmin PrivateServer::admin() const {
  return {backend_, admin_url_, backend_ == "postgresql" ? dir_ + "/server" : ""};
}

std::vector<pid_t> PrivateServer::processes() const {
  std::vector<pid_t> found = {pid_};
  if (DIR* proc = ::opendir("/proc")) {
    while (dirent* entry = ::readdir(proc)) {
      const pid_t pid = static_cast<pid_t>(std::atoi(entry->d_name));
      if (pid > 0 && pid != pid_ && parent_of(pid) == pid_) found.push_back(pid);
    }
    ::closedir(proc);
  }
  return found;
}

void PrivateServer::signal_all(int signal) const {
  if (pid_ <= 0) return;
  for (pid_t pid : processes())
    ::kill(pid, signal);
}

void PrivateServer::kill() {
  const std::vector<pid_t> all = processes();
  if (frozen_) thaw();
  for (pid_t pid : all)
    ::kill(pid, SIGKILL);
  for (pid_t pid : all)
    for (int i = 0; i < 1000 && alive(pid); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

void PrivateServer::restart() {
  start();
}

void PrivateServer::freeze() {
  signal_all(SIGSTOP);
  frozen_ = true;
}

void PrivateServer::thaw() {
  signal_all(SIGCONT);
  frozen_ = false;
}

}  // namespace sdm::test
