// Which config files are read, and in what order: --config-file, --config-dir and the
// default search oslo.config does for Sahara.
#pragma once

#include <string>
#include <vector>

#include "config/config_file.hpp"

namespace sdm::config {

/// The oslo.config project name: default files are `sahara.conf` and `sahara.conf.d/`.
inline constexpr const char* kProjectName = "sahara";
/// The program name: default files are also `sahara-db-manage.conf` and its `.conf.d/`.
inline constexpr const char* kProgramName = "sahara-db-manage";

/// The largest config file read, in bytes: a bigger one is refused rather than loaded.
inline constexpr std::size_t kMaxConfigFileSize = 4u << 20;

/// The parts of the process environment the search depends on; tests set their own.
struct SearchEnvironment {
  std::string home;              ///< what `~` stands for
  std::string etc_dir = "/etc";  ///< the system configuration root
  std::string snap;              ///< $SNAP, empty when unset
  std::string snap_common;       ///< $SNAP_COMMON, empty when unset
  std::string working_dir;       ///< base of relative paths; empty means the process's

  /// From the running process: $HOME (else the password database), $SNAP, $SNAP_COMMON.
  static SearchEnvironment from_process();
};

/// One `--config-file` or `--config-dir` argument; keep them in command-line order.
struct ConfigSource {
  enum class Kind { File, Directory };
  Kind kind = Kind::File;
  std::string path;

  /// A `--config-file PATH` argument.
  static ConfigSource file(std::string path) { return {Kind::File, std::move(path)}; }
  /// A `--config-dir DIR` argument.
  static ConfigSource directory(std::string path) { return {Kind::Directory, std::move(path)}; }
};

/// Where default files are searched, in order: `~/.sahara`, `~`, `/etc/sahara`, `/etc`, then
/// `$SNAP_COMMON/etc/sahara` and `$SNAP/etc/sahara` when those are set.
std::vector<std::string> default_search_dirs(const SearchEnvironment& env,
                                             const std::string& project = kProjectName);

/// `project.conf` then `program.conf`, each from the first search directory that has it.
std::vector<std::string> find_default_config_files(const SearchEnvironment& env,
                                                   const std::string& project = kProjectName,
                                                   const std::string& program = kProgramName);

/// `project.conf.d` then `program.conf.d`, each from the first search directory that has it.
std::vector<std::string> find_default_config_dirs(const SearchEnvironment& env,
                                                  const std::string& project = kProjectName,
                                                  const std::string& program = kProgramName);

/// The files to read, in reading order (later files override earlier ones): the default
/// files unless a `--config-file` is given, the default dirs' `*.conf` unless a
/// `--config-dir` is given, then the arguments in command-line order, each directory's
/// `*.conf` sorted by name. Paths come back absolute. A missing `--config-dir` throws.
std::vector<std::string> config_file_paths(const std::vector<ConfigSource>& sources,
                                           const SearchEnvironment& env,
                                           const std::string& project = kProjectName,
                                           const std::string& program = kProgramName);

/// Parses one file: YAML for `.yaml`/`.yml` names, oslo INI otherwise.
ConfigFile parse_config_text(const std::string& text, const std::string& path);

/// Reads and parses the files `config_file_paths` names. Files that do not exist or cannot be
/// opened are reported together in one ConfigError naming them; a syntax error, a file that is
/// not a regular file (FIFO, device, directory) or one larger than kMaxConfigFileSize throws
/// at once, without blocking or reading it whole.
std::vector<ConfigFile> load_config_files(const std::vector<ConfigSource>& sources,
                                          const SearchEnvironment& env,
                                          const std::string& project = kProjectName,
                                          const std::string& program = kProgramName);

}  // namespace sdm::config
