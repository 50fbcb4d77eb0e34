#include "config/config_sources.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "common/errors.hpp"
#include "config/ini_parser.hpp"
#include "config/yaml_parser.hpp"

namespace sdm::config {
namespace fs = std::filesystem;
namespace {

std::string environment_variable(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool exists(const std::string& path) {
  std::error_code ignored;
  return fs::exists(path, ignored);
}

bool is_directory(const std::string& path) {
  std::error_code ignored;
  return fs::is_directory(path, ignored);
}

std::string expand_home(const std::string& path, const SearchEnvironment& env) {
  if (path == "~") return env.home;
  if (path.rfind("~/", 0) == 0) return env.home + path.substr(1);
  return path;
}

// `~` expanded, made absolute and normalised, like Python's abspath(expanduser(path)).
std::string absolute_path(const std::string& path, const SearchEnvironment& env) {
  fs::path expanded = expand_home(path, env);
  if (expanded.is_relative())
    expanded =
        (env.working_dir.empty() ? fs::current_path() : fs::path(env.working_dir)) / expanded;
  std::string normal = expanded.lexically_normal().string();
  while (normal.size() > 1 && normal.back() == '/')
    normal.pop_back();
  return normal;
}

std::vector<std::string> search(const SearchEnvironment& env, const std::string& project,
                                const std::string& program, const std::string& extension) {
  const std::vector<std::string> dirs = default_search_dirs(env, project);
  std::vector<std::string> found;
  for (const std::string& name : {project, program}) {
    if (name.empty()) continue;
    for (const std::string& dir : dirs) {
      std::string candidate = (fs::path(dir) / (name + extension)).string();
      if (exists(candidate)) {
        found.push_back(candidate);
        break;
      }
    }
  }
  return found;
}

// What `glob(dir/*.conf)` yields, sorted: hidden names do not match `*`.
std::vector<std::string> conf_files_in(const std::string& dir, const SearchEnvironment& env) {
  std::vector<std::string> files;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    std::string name = it->path().filename().string();
    if (name.size() > 5 && name.front() != '.' && name.compare(name.size() - 5, 5, ".conf") == 0)
      files.push_back(absolute_path(it->path().string(), env));
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool has_kind(const std::vector<ConfigSource>& sources, ConfigSource::Kind kind) {
  return std::any_of(sources.begin(), sources.end(),
                     [&](const ConfigSource& source) { return source.kind == kind; });
}

bool is_yaml_path(const std::string& path) {
  std::string extension = fs::path(path).extension().string();
  for (char& c : extension)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".yaml" || extension == ".yml";
}

enum class ReadStatus { Ok, NotFound, PermissionDenied };

const char* file_type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Only a regular file of a sane size is read: a FIFO must not block the tool, a device such
// as /dev/zero must not fill memory. O_NONBLOCK makes opening a FIFO return at once.
ReadStatus read_file(const std::string& path, std::string& text) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return ReadStatus::NotFound;
    if (errno == EACCES || errno == EPERM) return ReadStatus::PermissionDenied;
    throw ConfigError(path + ": cannot open: " + std::strerror(errno));
  }
  std::unique_ptr<int, void (*)(int*)> closer(&fd, [](int* open_fd) { ::close(*open_fd); });
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw ConfigError(path + ": cannot read: " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw ConfigError(path + ": is a directory, not a config file");
  if (!S_ISREG(st.st_mode))
    throw ConfigError(path + ": is " + file_type_name(st.st_mode) +
                      ", not a config file: give the path of a regular file");
  const auto too_big = [&] {
    return ConfigError(path + ": is larger than " + std::to_string(kMaxConfigFileSize >> 20) +
                       " MiB, which no sahara.conf is: is it the right file?");
  };
  if (static_cast<std::uint64_t>(st.st_size) > kMaxConfigFileSize) throw too_big();
  char buffer[8192];
  while (true) {
    ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) throw ConfigError(path + ": cannot read: " + std::strerror(errno));
    if (count == 0) break;
    text.append(buffer, static_cast<std::size_t>(count));
    if (text.size() > kMaxConfigFileSize) throw too_big();  // it grew while being read
  }
  return ReadStatus::Ok;
}

std::string joined(const std::vector<std::string>& paths) {
  std::string text;
  for (const std::string& path : paths)
    text += (text.empty() ? "" : ",") + path;
  return text;
}

}  // namespace

SearchEnvironment SearchEnvironment::from_process() {
  SearchEnvironment env;
  env.home = environment_variable("HOME");
  if (env.home.empty()) {
    if (const passwd* entry = getpwuid(getuid()); entry && entry->pw_dir) env.home = entry->pw_dir;
  }
  env.snap = environment_variable("SNAP");
  env.snap_common = environment_variable("SNAP_COMMON");
  return env;
}

std::vector<std::string> default_search_dirs(const SearchEnvironment& env,
                                             const std::string& project) {
  std::vector<std::string> dirs;
  if (!project.empty()) dirs.push_back(absolute_path("~/." + project, env));
  dirs.push_back(absolute_path("~", env));
  if (!project.empty()) dirs.push_back((fs::path(env.etc_dir) / project).string());
  dirs.push_back(env.etc_dir);
  if (!env.snap_common.empty() && !project.empty())
    dirs.push_back((fs::path(env.snap_common) / "etc" / project).string());
  if (!env.snap.empty() && !project.empty())
    dirs.push_back((fs::path(env.snap) / "etc" / project).string());
  return dirs;
}

std::vector<std::string> find_default_config_files(const SearchEnvironment& env,
                                                   const std::string& project,
                                                   const std::string& program) {
  return search(env, project, program, ".conf");
}

std::vector<std::string> find_default_config_dirs(const SearchEnvironment& env,
                                                  const std::string& project,
                                                  const std::string& program) {
  return search(env, project, program, ".conf.d");
}

std::vector<std::string> config_file_paths(const std::vector<ConfigSource>& sources,
                                           const SearchEnvironment& env, const std::string& project,
                                           const std::string& program) {
  std::vector<std::string> paths;
  if (!has_kind(sources, ConfigSource::Kind::File)) {
    for (const std::string& file : find_default_config_files(env, project, program))
      paths.push_back(absolute_path(file, env));
  }
  // The default dirs are read even when --config-file is given: oslo decides them separately.
  if (!has_kind(sources, ConfigSource::Kind::Directory)) {
    for (const std::string& dir : find_default_config_dirs(env, project, program))
      for (std::string& file : conf_files_in(dir, env))
        paths.push_back(std::move(file));
  }
  for (const ConfigSource& source : sources) {
    if (source.kind == ConfigSource::Kind::File) {
      paths.push_back(absolute_path(source.path, env));
      continue;
    }
    std::string dir = expand_home(source.path, env);
    if (!exists(dir)) throw ConfigError("Failed to read config file directory: " + dir);
    if (!is_directory(dir))
      throw ConfigError("--config-dir " + dir + " is a file, not a directory; use --config-file");
    for (std::string& file : conf_files_in(dir, env))
      paths.push_back(std::move(file));
  }
  return paths;
}

ConfigFile parse_config_text(const std::string& text, const std::string& path) {
  return is_yaml_path(path) ? parse_yaml(text, path) : parse_ini(text, path);
}

std::vector<ConfigFile> load_config_files(const std::vector<ConfigSource>& sources,
                                          const SearchEnvironment& env, const std::string& project,
                                          const std::string& program) {
  std::vector<ConfigFile> files;
  std::vector<std::string> not_found;
  std::vector<std::string> denied;
  for (const std::string& path : config_file_paths(sources, env, project, program)) {
    std::string text;
    switch (read_file(path, text)) {
      case ReadStatus::NotFound:
        not_found.push_back(path);
        break;
      case ReadStatus::PermissionDenied:
        denied.push_back(path);
        break;
      case ReadStatus::Ok:
        files.push_back(parse_config_text(text, path));
        break;
    }
  }
  if (!not_found.empty())
    throw ConfigError("Failed to find some config files: " + joined(not_found));
  if (!denied.empty())
    throw ConfigError("Failed to open some config files: " + joined(denied) +
                      " (permission denied)");
  return files;
}

}  // namespace sdm::config
