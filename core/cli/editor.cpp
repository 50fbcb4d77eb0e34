#include "cli/editor.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <vector>

#include "common/errors.hpp"

extern char** environ;

namespace sdm::cli {
namespace {

[[noreturn]] void editor_error(const std::string& why) {
  throw UsageError("Error executing editor (" + why + ")");
}

std::optional<std::string> find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string directories = path != nullptr ? path : "";
  std::size_t start = 0;
  while (start <= directories.size()) {
    std::size_t colon = directories.find(':', start);
    if (colon == std::string::npos) colon = directories.size();
    std::string candidate = directories.substr(start, colon - start) + "/" + name;
    std::error_code ec;
    if (std::filesystem::exists(candidate, ec)) return candidate;
    start = colon + 1;
  }
  return std::nullopt;
}

/// Alembic's choice: a variable naming an existing file wins; a bare name joins the
/// fallbacks ahead of them, EDITOR first.
std::string find_editor() {
  std::vector<std::string> candidates = {"sensible-editor", "editor", "nano", "vim", "code"};
  std::size_t position = 0;
  for (const char* variable : {"EDITOR", "VISUAL"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr) {
      std::string choice = value;
      std::error_code ec;
      if (std::filesystem::exists(choice, ec)) return choice;
      if (choice.find('/') == std::string::npos)
        candidates.insert(candidates.begin() + static_cast<std::ptrdiff_t>(position), choice);
    }
    ++position;
  }
  for (const auto& candidate : candidates) {
    if (auto found = find_on_path(candidate)) return *found;
  }
  editor_error(
      "No suitable editor found. Please set the \"EDITOR\" or \"VISUAL\" environment variables");
}

}  // namespace

void open_in_editor(const std::string& path) {
  const std::string editor = find_editor();
  std::vector<std::string> arguments = {editor, path};
  std::vector<char*> argv;
  for (auto& argument : arguments)
    argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (int error = posix_spawn(&pid, editor.c_str(), nullptr, nullptr, argv.data(), environ)) {
    editor_error(std::string(std::strerror(error)) + ": '" + editor + "'");
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) editor_error(std::string("waiting for it: ") + std::strerror(errno));
  }
  const std::string command = "Command '['" + editor + "', '" + path + "']'";
  if (WIFSIGNALED(status))
    editor_error(command + " died with signal " + std::to_string(WTERMSIG(status)) + ".");
  if (WEXITSTATUS(status) != 0) {
    editor_error(command + " returned non-zero exit status " + std::to_string(WEXITSTATUS(status)) +
                 ".");
  }
}

}  // namespace sdm::cli
