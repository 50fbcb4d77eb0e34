// Which config files are read and in what order: defaults, --config-file and --config-dir.
#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>

#include "config/config_sources.hpp"
#include "config/settings.hpp"
#include "unit/config_test_support.hpp"

namespace sdm::config {
namespace {

using test::config_error_of;
using test::contains;
using test::TempDir;
using Paths = std::vector<std::string>;

// A home, an /etc and a working directory inside `root`, so nothing real is searched.
SearchEnvironment sandbox(const TempDir& root) {
  SearchEnvironment env;
  env.home = root.mkdir("home");
  env.etc_dir = root.mkdir("etc");
  env.working_dir = root.mkdir("cwd");
  return env;
}

TEST_CASE("discovery: the search directories in oslo's order") {
  SearchEnvironment env;
  env.home = "/home/op";
  env.etc_dir = "/etc";
  CHECK(default_search_dirs(env) == Paths{"/home/op/.sahara", "/home/op", "/etc/sahara", "/etc"});
  env.snap = "/snap/sahara/1";
  env.snap_common = "/var/snap/sahara/common";
  CHECK(default_search_dirs(env) == Paths{"/home/op/.sahara", "/home/op", "/etc/sahara", "/etc",
                                          "/var/snap/sahara/common/etc/sahara",
                                          "/snap/sahara/1/etc/sahara"});
}

// Sets environment variables for one scope and puts the old values back.
class ScopedEnvironment {
 public:
  void set(const char* name, const std::string& value) {
    const char* old = std::getenv(name);
    saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnvironment() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second)
        setenv(it->first.c_str(), it->second->c_str(), 1);
      else
        unsetenv(it->first.c_str());
    }
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST_CASE("discovery: from_process reads HOME, SNAP and SNAP_COMMON") {
  ScopedEnvironment scoped;
  scoped.set("HOME", "/srv/operator-home");
  scoped.set("SNAP", "/snap/sahara/7");
  scoped.set("SNAP_COMMON", "/var/snap/sahara/common");
  SearchEnvironment env = SearchEnvironment::from_process();
  CHECK(env.home == "/srv/operator-home");
  CHECK(env.snap == "/snap/sahara/7");
  CHECK(env.snap_common == "/var/snap/sahara/common");
  CHECK(env.etc_dir == "/etc");
  CHECK(default_search_dirs(env).front() == "/srv/operator-home/.sahara");
}

TEST_CASE("discovery: for each default name the first directory holding it wins") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string etc_project = root.write("etc/sahara/sahara.conf", "");
  root.write("etc/sahara.conf", "");
  std::string home_prog = root.write("home/sahara-db-manage.conf", "");
  root.write("etc/sahara/sahara-db-manage.conf", "");
  CHECK(find_default_config_files(env) == Paths{etc_project, home_prog});

  std::string dot_dir = root.write("home/.sahara/sahara.conf", "");
  CHECK(find_default_config_files(env) == Paths{dot_dir, home_prog});
}

TEST_CASE("discovery: the snap directories come after /etc") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  env.snap_common = root.mkdir("snap_common");
  env.snap = root.mkdir("snap");
  std::string from_snap = root.write("snap/etc/sahara/sahara.conf", "");
  CHECK(find_default_config_files(env) == Paths{from_snap});
  std::string from_common = root.write("snap_common/etc/sahara/sahara.conf", "");
  CHECK(find_default_config_files(env) == Paths{from_common});
  std::string from_etc = root.write("etc/sahara.conf", "");
  CHECK(find_default_config_files(env) == Paths{from_etc});
}

TEST_CASE("discovery: default config dirs follow the same rule") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string project_dir = root.mkdir("etc/sahara/sahara.conf.d");
  root.mkdir("etc/sahara.conf.d");
  std::string prog_dir = root.mkdir("home/.sahara/sahara-db-manage.conf.d");
  CHECK(find_default_config_dirs(env) == Paths{project_dir, prog_dir});
}

TEST_CASE("discovery: with no arguments the default files then the default dirs are read") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string project = root.write("etc/sahara/sahara.conf", "");
  std::string prog = root.write("etc/sahara-db-manage.conf", "");
  std::string b = root.write("etc/sahara/sahara.conf.d/b.conf", "");
  std::string a = root.write("etc/sahara/sahara.conf.d/a.conf", "");
  std::string z = root.write("home/sahara-db-manage.conf.d/z.conf", "");
  CHECK(config_file_paths({}, env) == Paths{project, prog, a, b, z});
}

TEST_CASE("discovery: --config-file replaces the default files but not the default dirs") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  root.write("etc/sahara/sahara.conf", "");
  std::string in_default_dir = root.write("etc/sahara/sahara.conf.d/x.conf", "");
  std::string given = root.write("given.conf", "");
  CHECK(config_file_paths({ConfigSource::file(given)}, env) == Paths{in_default_dir, given});
}

TEST_CASE("discovery: --config-dir replaces the default dirs but not the default files") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string default_file = root.write("etc/sahara/sahara.conf", "");
  root.write("etc/sahara/sahara.conf.d/ignored.conf", "");
  std::string in_given_dir = root.write("given.d/x.conf", "");
  CHECK(config_file_paths({ConfigSource::directory(root.at("given.d"))}, env) ==
        Paths{default_file, in_given_dir});
}

TEST_CASE("discovery: arguments are read in command-line order") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string first = root.write("first.conf", "");
  std::string in_dir = root.write("d/x.conf", "");
  std::string last = root.write("last.conf", "");
  CHECK(config_file_paths({ConfigSource::file(first), ConfigSource::directory(root.at("d")),
                           ConfigSource::file(last)},
                          env) == Paths{first, in_dir, last});
  CHECK(config_file_paths({ConfigSource::file(last), ConfigSource::file(first)}, env) ==
        Paths{last, first});
}

TEST_CASE(
    "discovery: a config dir gives its *.conf files sorted, skipping others and hidden ones") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string b = root.write("d/b.conf", "");
  std::string a10 = root.write("d/a10.conf", "");
  std::string a2 = root.write("d/a2.conf", "");
  root.write("d/.hidden.conf", "");
  root.write("d/.conf", "");
  root.write("d/notes.txt", "");
  root.write("d/c.conf.bak", "");
  root.write("d/sub/nested.conf", "");
  CHECK(config_file_paths({ConfigSource::directory(root.at("d"))}, env) == Paths{a10, a2, b});
}

TEST_CASE("discovery: relative and ~ paths are made absolute") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string relative = root.write("cwd/conf/x.conf", "");
  std::string in_home = root.write("home/mine.conf", "");
  std::string in_home_dir = root.write("home/d/y.conf", "");
  CHECK(config_file_paths({ConfigSource::file("conf/../conf/./x.conf"),
                           ConfigSource::file("~/mine.conf"), ConfigSource::directory("~/d")},
                          env) == Paths{relative, in_home, in_home_dir});
}

TEST_CASE("discovery: a missing --config-file is an error naming every missing file") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string present = root.write("present.conf", "[database]\nconnection = sqlite://\n");
  std::string error = config_error_of([&] {
    load_config_files({ConfigSource::file(root.at("missing1.conf")), ConfigSource::file(present),
                       ConfigSource::file(root.at("missing2.conf"))},
                      env);
  });
  CHECK(error == "Failed to find some config files: " + root.at("missing1.conf") + "," +
                     root.at("missing2.conf"));
}

TEST_CASE("discovery: a missing --config-dir or one that is a file is an error naming it") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  CHECK(config_error_of([&] {
          config_file_paths({ConfigSource::directory(root.at("nope"))}, env);
        }) == "Failed to read config file directory: " + root.at("nope"));
  std::string file = root.write("plain.conf", "");
  CHECK(contains(config_error_of([&] { config_file_paths({ConfigSource::directory(file)}, env); }),
                 "is a file, not a directory; use --config-file"));
}

TEST_CASE("discovery: a directory given as a config file is an error naming it") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string dir = root.mkdir("adir.conf");
  CHECK(config_error_of([&] { load_config_files({ConfigSource::file(dir)}, env); }) ==
        dir + ": is a directory, not a config file");
}

TEST_CASE("discovery: a syntax error in a file names that file") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string bad = root.write("bad.conf", "[database]\n  connection = x\n");
  CHECK(contains(config_error_of([&] { load_config_files({ConfigSource::file(bad)}, env); }),
                 bad + ":2: Unexpected continuation line"));
}

TEST_CASE("discovery: with no config file anywhere nothing is read and connection is unset") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  Settings settings = load_settings({}, env);
  CHECK_FALSE(settings.any_config_file());
  CHECK_FALSE(settings.connection.has_value());
  CHECK(std::string(kDefaultConnection) == "sqlite:///sahara.sqlite");
}

TEST_CASE("discovery: the default files are loaded and later ones override earlier ones") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string project =
      root.write("etc/sahara/sahara.conf", "[database]\nconnection = sqlite:////from/project.db\n");
  std::string prog = root.write("home/sahara-db-manage.conf",
                                "[DEFAULT]\nsql_connection = sqlite:////from/prog.db\n");
  Settings settings = load_settings({}, env);
  CHECK(settings.any_config_file());
  CHECK(settings.config_files == Paths{project, prog});
  CHECK(settings.connection == std::optional<std::string>("sqlite:////from/prog.db"));
  CHECK(settings.connection_origin->file == prog);

  std::string dropin = root.write("etc/sahara/sahara.conf.d/10-db.conf",
                                  "[sql]\nconnection = sqlite:////from/dropin.db\n");
  settings = load_settings({}, env);
  CHECK(settings.config_files == Paths{project, prog, dropin});
  CHECK(settings.connection == std::optional<std::string>("sqlite:////from/dropin.db"));
}

TEST_CASE("discovery: a later --config-file overrides an earlier one") {
  TempDir root;
  SearchEnvironment env = sandbox(root);
  std::string sqlite = root.write("sqlite.conf", "[database]\nconnection = sqlite:////x.db\n");
  std::string pg = root.write("pg.conf", "[database]\nconnection = postgresql://u@h/s\n");
  CHECK(load_settings({ConfigSource::file(sqlite), ConfigSource::file(pg)}, env).connection ==
        std::optional<std::string>("postgresql://u@h/s"));
  CHECK(load_settings({ConfigSource::file(pg), ConfigSource::file(sqlite)}, env).connection ==
        std::optional<std::string>("sqlite:////x.db"));
}

}  // namespace
}  // namespace sdm::config
