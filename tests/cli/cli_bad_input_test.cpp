// The catalogue of bad input (docs/bad-input.md), one test per row: the real binary gets the
// input and must answer with the row's message and exit code, at once, on one FAILED line,
// and leave the database as it was.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

/// A sandbox with a SQLite database at the linear fixture's first revision.
struct Catalogue {
  Catalogue() {
    config = box.sqlite_config();
    auto r = run_sdm(
        box, {"--config-file", config, "--revisions-dir", fixture_dir("linear"), "upgrade", "+1"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    database = file_text(box.path("test.db"));
  }

  /// A config file holding `text`; its path.
  std::string conf(const std::string& text, const std::string& name = "bad.conf") const {
    return box.write(name, text);
  }

  /// Runs `arguments` (after --revisions-dir linear); checks the exit code, that stderr is one
  /// FAILED line holding `message`, that it took under 10 seconds, and that the database is
  /// unchanged. Returns stderr.
  std::string refuses(std::vector<std::string> arguments, int exit_code,
                      const std::string& message) const {
    arguments.insert(arguments.begin(), {"--revisions-dir", fixture_dir("linear")});
    const auto start = std::chrono::steady_clock::now();
    auto r = run_sdm(box, arguments);
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start)
            .count();
    CAPTURE(r.err);
    CHECK(r.exit_code == exit_code);
    CHECK(r.err.rfind("FAILED: ", 0) == 0);
    CHECK(r.err.find('\n') == r.err.size() - 1);
    CHECK(r.err.find(message) != std::string::npos);
    CHECK(seconds < 10);
    CHECK(file_text(box.path("test.db")) == database);
    ++tried;
    return r.err;
  }

  Sandbox box;
  std::string config;
  std::string database;
  mutable int tried = 0;
};

std::string chain(int links) {
  std::string text = "[DEFAULT]\n";
  for (int i = 0; i < links; ++i)
    text += "v" + std::to_string(i) + " = $v" + std::to_string(i + 1) + "\n";
  return text + "[database]\nconnection = sqlite:///$v0\n";
}

std::string doubling(int depth) {
  std::string text = "[DEFAULT]\n";
  for (int i = 0; i < depth; ++i)
    text += "v" + std::to_string(i) + " = $v" + std::to_string(i + 1) + "$v" +
            std::to_string(i + 1) + "\n";
  return text + "v" + std::to_string(depth) + " = x\n[sahara_db_manage]\nrevisions_dir = $v0\n";
}

}  // namespace

TEST_CASE("bad input: config files that are not regular files or too big") {
  Catalogue c;
  c.refuses({"--config-file", "/dev/zero", "current"}, 3,
            "FAILED: /dev/zero: is a character device, not a config file: give the path of a "
            "regular file");
  REQUIRE(::mkfifo(c.box.path("fifo.conf").c_str(), 0600) == 0);
  c.refuses({"--config-file", c.box.path("fifo.conf"), "current"}, 3,
            "fifo.conf: is a FIFO (named pipe), not a config file");
  c.refuses({"--config-file", c.box.dir(), "current"}, 3, ": is a directory, not a config file");
  c.refuses({"--config-file", c.conf(std::string(5u << 20, ';')), "current"}, 3,
            "bad.conf: is larger than 4 MiB, which no sahara.conf is: is it the right file?");
}

TEST_CASE("bad input: interpolation that would run away") {
  Catalogue c;
  c.refuses({"--config-file", c.conf(chain(20000)), "current"}, 3,
            "[DEFAULT] v30: '$' references nest more than 32 deep ([database] connection -> "
            "[DEFAULT] v0 -> ...)");
  c.refuses({"--config-file", c.conf(doubling(40)), "current"}, 3,
            "'$' references nest more than 32 deep");
  c.refuses({"--config-file", c.conf(doubling(25)), "current"}, 3,
            "follows more than 1000 '$' references");
  const std::string err = c.refuses(
      {"--config-file", c.conf("[database]\nconnection = mysql://u:Secret$word@h/s\n"), "current"},
      3, "[database] connection: a '$' reference names no option");
  CHECK(err.find("word") == std::string::npos);
  CHECK(err.find("Secret") == std::string::npos);
}

TEST_CASE("bad input: YAML nested past the parser's limit, numbers past any range") {
  Catalogue c;
  c.refuses({"--config-file", c.conf(std::string(3000, '[') + std::string(3000, ']'), "deep.yaml"),
             "current"},
            3, "deep.yaml:1: not valid YAML");
  c.refuses({"--config-file",
             c.conf("[database]\nconnection = sqlite:///" + c.box.path("test.db") +
                    "\n[sahara_db_manage]\nlock_timeout = 99999999999999999999\n"),
             "upgrade", "head"},
            3, "[sahara_db_manage] lock_timeout must be a whole number of seconds");
  c.refuses(
      {"--config-file", c.config, "upgrade", "head", "--lock-timeout", "99999999999999999999"}, 2,
      "--lock-timeout needs a whole number of seconds from 0 to 2000000");
}

TEST_CASE("bad input: database URLs that cannot work fail at once, as configuration errors") {
  Catalogue c;
  const std::string missing = c.box.path("no/such/dir/x.db");
  c.refuses(
      {"--config-file", c.conf("[database]\nconnection = sqlite:///" + missing + "\n"), "current"},
      3,
      "database URL: the directory " + c.box.path("no/such/dir") + " of the SQLite database " +
          missing +
          " does not exist: create it, or correct "
          "the URL");
  c.refuses({"--config-file", c.conf("[database]\nconnection = sqlite:///" + c.box.dir() + "\n"),
             "upgrade", "head"},
            3, "database URL: the SQLite database " + c.box.dir() + " is a directory");
  c.refuses({"--config-file", c.conf("[database]\nconnection = mysql+pymysql://u:pw@127.0.0.1\n"),
             "current"},
            3, "database URL: a MySQL/MariaDB URL must name the database after the host");
  c.refuses(
      {"--config-file",
       c.conf("[database]\nconnection = mysql://u:pw@127.0.0.1/d?connect_timeout=-1\n"), "current"},
      3, "connect_timeout=-1 is not a whole number of seconds between 1 and 86400");
  c.refuses({"--config-file",
             c.conf("[database]\nconnection = postgresql://u:pw@127.0.0.1/d?connect_timeout=-1\n"),
             "current"},
            3, "connect_timeout=-1 is not a whole number of seconds between 1 and 86400");
  c.refuses({"--config-file",
             c.conf("[database]\nconnection = postgresql://u:pw@127.0.0.1/d?options=-c%00x%3D1\n"),
             "current"},
            3,
            "database URL: the query parameter options holds a NUL byte (%00), which no database "
            "client can take");
  c.refuses(
      {"--config-file", c.conf("[database]\nconnection = postgresql://u:pw@h:0/d\n"), "current"}, 3,
      "the port is 0: write a port between 1 and 65535, or none");
}

TEST_CASE("bad input: revision numbers past any range") {
  Catalogue c;
  const std::string big = "99999999999999999999";
  c.refuses({"--config-file", c.config, "upgrade", big}, 4,
            "Can't locate revision identified by '" + big + "'");
  c.refuses({"--config-file", c.config, "upgrade", "+" + big}, 4,
            "Relative revision +" + big + " didn't produce " + big + " migrations");
  c.refuses({"--config-file", c.config, "upgrade", "--delta", big}, 4,
            "Relative revision +" + big + " didn't produce " + big + " migrations");
  c.refuses({"--config-file", c.config, "downgrade", "-" + big}, 4,
            "Relative revision -" + big + " didn't produce " + big + " migrations");
  c.refuses({"--config-file", c.config, "upgrade", "1a0000000001+" + big}, 4,
            "didn't produce " + big + " migrations");
  c.refuses({"--config-file", c.config, "history", "-r", "-" + big + ":"}, 4,
            "Can't locate revision");
}

TEST_CASE("bad input: new revision ids and labels outside the rules") {
  Catalogue c;
  c.refuses({"--config-file", c.config, "revision", "-m", "x", "--rev-id", "../../q3",
             "--version-path", c.box.path("src")},
            4,
            "Revision identifier '../../q3' is not allowed for a new revision: an id is 1 to 32 "
            "ASCII letters, digits, '_' or '.'");
  c.refuses({"--config-file", c.config, "revision", "-m", "x", "--rev-id", "a\nb", "--version-path",
             c.box.path("src")},
            4, "Whitespace not allowed in revision identifier 'a\\nb'");
  c.refuses({"--config-file", c.config, "merge", "-m", "x", "--branch-label", "l\x1b[31m",
             "--version-path", c.box.path("src"), "heads"},
            4, "not allowed in branch label 'l\\x1b[31m'");
  CHECK_FALSE(std::filesystem::exists(c.box.path("src")));
}

TEST_CASE("bad input: a hand-written plugin with a line break in its id is refused clearly") {
  Catalogue c;
  const std::string source = c.box.write("bad_id.cpp",
                                         "#include <sdm/revision.hpp>\n"
                                         "static void up(sdm::Operations&) {}\n"
                                         "SDM_REVISION(bad, \"ab\\ncd\", \"3c0000000003\", "
                                         "\"bad id\", up, up)\n"
                                         "SDM_REVISION_PLUGIN(bad)\n");
  const std::string revisions = c.box.path("revisions");
  std::filesystem::create_directories(revisions);
  for (const auto& entry : std::filesystem::directory_iterator(fixture_dir("linear")))
    std::filesystem::copy_file(entry.path(), revisions + "/" + entry.path().filename().string());
  auto built = run_process("/usr/bin/c++", {"-std=c++17", "-fPIC", "-shared", "-fvisibility=hidden",
                                            "-I" + std::string(SDM_SOURCE_DIR) + "/plugins/include",
                                            source, "-o", revisions + "/z_bad_id.so"});
  REQUIRE_MESSAGE(built.exit_code == 0, built.err);
  auto r = run_sdm(c.box, {"--config-file", c.config, "--revisions-dir", revisions, "history"});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "FAILED: Whitespace not allowed in revision identifier 'ab\\ncd'\nplugin file: " +
                     revisions + "/z_bad_id.so\n");
  auto listed =
      run_sdm(c.box, {"--config-file", c.config, "--revisions-dir", revisions, "plugins"});
  CHECK(listed.exit_code == 5);
  CHECK(listed.out.find("  rejected  " + revisions +
                        "/z_bad_id.so\n            Whitespace not allowed in revision "
                        "identifier 'ab\\ncd'\n") != std::string::npos);
  CHECK(file_text(c.box.path("test.db")) == c.database);
}
