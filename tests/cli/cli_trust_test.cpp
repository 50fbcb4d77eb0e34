// Plugin trust as operators meet it: every untrusted placement of a plugin, a plugin
// directory or a config file that chooses plugins is refused, naming the file, the reason and
// the fix, before any plugin code runs or the database is touched. Foreign ownership is
// `nobody`'s; a placement that cannot be set up fails its test.
#include <doctest/doctest.h>
#include <elf.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>

#include "cli/cli_support.hpp"
#include "support/ownership.hpp"

namespace fs = std::filesystem;
using namespace sdm::test;

namespace {

/// Copies every plugin of `from` into a new directory `relative` of the sandbox.
std::string copy_plugins(const Sandbox& box, const std::string& from, const std::string& relative,
                         mode_t mode = 0755) {
  const std::string dir = box.path(relative);
  fs::create_directories(dir);
  set_mode(dir, mode);
  for (const auto& entry : fs::directory_iterator(from))
    if (entry.path().extension() == ".so")
      fs::copy_file(entry.path(), dir + "/" + entry.path().filename().string());
  return dir;
}

/// Runs the binary in the sandbox under `timeout`, so a hang fails the test instead of the run.
ProcessResult run_bounded(const Sandbox& box, const std::vector<std::string>& arguments,
                          const std::map<std::string, std::string>& environment = {}) {
  std::vector<std::string> all = {"60", binary_path()};
  all.insert(all.end(), arguments.begin(), arguments.end());
  std::map<std::string, std::string> env = environment;
  env["HOME"] = box.dir();
  return run_process("/usr/bin/timeout", all, box.dir(), env);
}

/// The DT_NEEDED names of the ELF file at `path`: the libraries the dynamic loader looks for.
std::set<std::string> needed_libraries(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() >= sizeof(Elf64_Ehdr));
  Elf64_Ehdr header;
  std::memcpy(&header, bytes.data(), sizeof header);
  REQUIRE(header.e_shoff + std::uint64_t{header.e_shnum} * sizeof(Elf64_Shdr) <= bytes.size());
  std::vector<Elf64_Shdr> sections(header.e_shnum);
  std::memcpy(sections.data(), bytes.data() + header.e_shoff, sections.size() * sizeof(Elf64_Shdr));
  std::set<std::string> names;
  for (const Elf64_Shdr& section : sections) {
    if (section.sh_type != SHT_DYNAMIC) continue;
    REQUIRE(section.sh_link < sections.size());
    const Elf64_Shdr& strings = sections[section.sh_link];
    for (std::uint64_t at = 0; at + sizeof(Elf64_Dyn) <= section.sh_size; at += sizeof(Elf64_Dyn)) {
      Elf64_Dyn entry;
      std::memcpy(&entry, bytes.data() + section.sh_offset + at, sizeof entry);
      if (entry.d_tag == DT_NEEDED)
        names.insert(bytes.data() + strings.sh_offset + entry.d_un.d_val);
    }
  }
  return names;
}

std::string nobody_text() {
  return "nobody (uid " + std::to_string(nobody_uid()) + ")";
}

std::string owned_by_nobody(const std::string& file) {
  return file + " is owned by " + nobody_text() + ", not by root; fix: chown root " + file +
         " if you trust its content, else remove it";
}

std::string writable(const std::string& subject, const std::string& path, const std::string& who,
                     const std::string& mode, const std::string& chmod) {
  return subject + " is writable by " + who + " (mode " + mode + "); fix: chmod " + chmod + " " +
         path;
}

std::string writable_dir(const std::string& dir, const std::string& mode = "0777") {
  return writable("directory " + dir, dir, "its group and others", mode, "go-w");
}

/// The line of `text` that starts with `prefix`, or "".
std::string line_starting(const std::string& text, const std::string& prefix) {
  std::size_t at = text.find("\n" + prefix);
  if (at == std::string::npos) return "";
  std::size_t end = text.find('\n', at + 1);
  return text.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
}

/// `plugins` output names the rejected file and gives the reason on the next line.
bool lists_rejection(const std::string& out, const std::string& path, const std::string& reason) {
  return out.find("  rejected  " + path + "\n            " + reason) != std::string::npos;
}

/// Where a placement puts revision plugins, and the refusal it must produce.
struct Refusal {
  std::string revisions_dir;  ///< what --revisions-dir names
  std::string file;           ///< the refused file, as `plugins` lists it
  std::string reason;
};

struct Placement {
  std::string name;
  std::function<Refusal(const Sandbox&, ForeignOwnership&)> set_up;
};

/// A file in /tmp itself (not the sandbox), removed at the end.
class TmpFile {
 public:
  TmpFile() {
    path_ = "/tmp/sdm-planted.XXXXXX.so";
    int fd = ::mkstemps(path_.data(), 3);
    if (fd < 0) throw std::runtime_error("cannot set up the placement: mkstemps in /tmp");
    ::close(fd);
  }
  ~TmpFile() { ::unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

TEST_CASE("every untrusted placement of a revision plugin is refused before anything runs") {
  const std::string linear = fixture_dir("linear");
  TmpFile in_tmp;
  const std::vector<Placement> placements = {
      {"revisions directory with mode 0777",
       [&](const Sandbox& box, ForeignOwnership&) {
         auto dir = copy_plugins(box, linear, "revisions", 0777);
         return Refusal{dir, dir + "/r1_first.so", "untrusted: " + writable_dir(dir)};
       }},
      {"revisions directory with mode 0775",
       [&](const Sandbox& box, ForeignOwnership&) {
         auto dir = copy_plugins(box, linear, "revisions", 0775);
         return Refusal{
             dir, dir + "/r1_first.so",
             "untrusted: " + writable("directory " + dir, dir, "its group", "0775", "g-w")};
       }},
      {"sticky 1777 revisions directory holding a plugin owned by nobody",
       [&](const Sandbox& box, ForeignOwnership& owner) {
         auto dir = copy_plugins(box, linear, "revisions", 01777);
         owner.give_to_nobody(dir + "/r2_second.so");
         return Refusal{dir, dir + "/r2_second.so",
                        "untrusted: " + owned_by_nobody(dir + "/r2_second.so")};
       }},
      {"plugin owned by nobody",
       [&](const Sandbox& box, ForeignOwnership& owner) {
         auto dir = copy_plugins(box, linear, "revisions");
         owner.give_to_nobody(dir + "/r3_third.so");
         return Refusal{dir, dir + "/r3_third.so",
                        "untrusted: " + owned_by_nobody(dir + "/r3_third.so")};
       }},
      {"plugin with mode 0666",
       [&](const Sandbox& box, ForeignOwnership&) {
         auto dir = copy_plugins(box, linear, "revisions");
         const auto file = dir + "/r1_first.so";
         set_mode(file, 0666);
         return Refusal{
             dir, file,
             "untrusted: " + writable(file, file, "its group and others", "0666", "go-w")};
       }},
      {"plugin with mode 0664",
       [&](const Sandbox& box, ForeignOwnership&) {
         auto dir = copy_plugins(box, linear, "revisions");
         const auto file = dir + "/r1_first.so";
         set_mode(file, 0664);
         return Refusal{dir, file,
                        "untrusted: " + writable(file, file, "its group", "0664", "g-w")};
       }},
      {"plugin with mode 0646",
       [&](const Sandbox& box, ForeignOwnership&) {
         auto dir = copy_plugins(box, linear, "revisions");
         const auto file = dir + "/r1_first.so";
         set_mode(file, 0646);
         return Refusal{dir, file, "untrusted: " + writable(file, file, "others", "0646", "o-w")};
       }},
      {"symbolic link into /tmp to a file owned by nobody",
       [&](const Sandbox& box, ForeignOwnership& owner) {
         auto dir = copy_plugins(box, linear, "revisions");
         fs::copy_file(dir + "/r1_first.so", in_tmp.path(), fs::copy_options::overwrite_existing);
         fs::remove(dir + "/r1_first.so");
         fs::create_symlink(in_tmp.path(), dir + "/r1_first.so");
         owner.give_to_nobody(in_tmp.path());
         return Refusal{
             dir, dir + "/r1_first.so",
             "untrusted (a link to " + in_tmp.path() + "): " + owned_by_nobody(in_tmp.path())};
       }},
      {"symbolic link owned by nobody in a sticky directory",
       [&](const Sandbox& box, ForeignOwnership& owner) {
         auto dir = copy_plugins(box, linear, "revisions", 01777);
         auto elsewhere = copy_plugins(box, linear, "elsewhere");
         fs::remove(dir + "/r1_first.so");
         fs::create_symlink(elsewhere + "/r1_first.so", dir + "/r1_first.so");
         owner.give_to_nobody(dir + "/r1_first.so");
         const auto link = dir + "/r1_first.so";
         return Refusal{dir, link,
                        "untrusted: symbolic link " + link + " is owned by " + nobody_text() +
                            ", not by root; fix: chown -h root " + link +
                            " if you trust where it points, else remove it"};
       }},
      {"root-owned directory inside a 0777 parent",
       [&](const Sandbox& box, ForeignOwnership&) {
         fs::create_directories(box.path("open"));
         set_mode(box.path("open"), 0777);
         auto dir = copy_plugins(box, linear, "open/revisions");
         return Refusal{dir, dir + "/r1_first.so", "untrusted: " + writable_dir(box.path("open"))};
       }},
      {"directory named through a link that resolves under a 0777 parent",
       [&](const Sandbox& box, ForeignOwnership&) {
         fs::create_directories(box.path("open"));
         set_mode(box.path("open"), 0777);
         copy_plugins(box, linear, "open/revisions");
         fs::create_symlink(box.path("open/revisions"), box.path("link"));
         return Refusal{box.path("link"), box.path("link") + "/r1_first.so",
                        "untrusted: " + writable_dir(box.path("open"))};
       }},
      {"revisions directory owned by nobody",
       [&](const Sandbox& box, ForeignOwnership& owner) {
         auto dir = copy_plugins(box, linear, "revisions");
         owner.give_to_nobody(dir);
         return Refusal{dir, dir + "/r1_first.so",
                        "untrusted: directory " + dir + " is owned by " + nobody_text() +
                            ", not by root; fix: chown root " + dir +
                            " if you trust everything in it"};
       }},
      {"FIFO named x.so",
       [&](const Sandbox& box, ForeignOwnership&) {
         auto dir = copy_plugins(box, linear, "revisions");
         if (::mkfifo((dir + "/x.so").c_str(), 0644) != 0)
           throw std::runtime_error("cannot set up the placement: mkfifo");
         return Refusal{dir, dir + "/x.so",
                        "is a FIFO (named pipe), not a regular file: only regular files are "
                        "plugins; remove it"};
       }},
      {"link to a device",
       [&](const Sandbox& box, ForeignOwnership&) {
         auto dir = copy_plugins(box, linear, "revisions");
         fs::create_symlink("/dev/zero", dir + "/x.so");
         return Refusal{dir, dir + "/x.so",
                        "links to /dev/zero, which is a character device, not a regular file: "
                        "only regular files are plugins; remove it"};
       }},
  };

  for (const auto& placement : placements) {
    CAPTURE(placement.name);
    Sandbox box;
    ForeignOwnership owner;
    const Refusal refusal = placement.set_up(box, owner);
    const std::vector<std::string> global = {"--config-file", box.sqlite_config(),
                                             "--revisions-dir", refusal.revisions_dir};
    auto with = [&](std::vector<std::string> command) {
      command.insert(command.begin(), global.begin(), global.end());
      return command;
    };
    auto listing = run_bounded(box, with({"plugins"}));
    CHECK(listing.exit_code == 5);
    CHECK(lists_rejection(listing.out, refusal.file, refusal.reason));

    auto upgrade = run_bounded(box, with({"upgrade", "head"}));
    CHECK(upgrade.exit_code == 5);
    CHECK(upgrade.err.find("FAILED: revision plugin " + refusal.file +
                           " rejected: " + refusal.reason) == 0);
    CHECK(sqlite_tables(box.path("test.db")).empty());
    auto offline = run_bounded(box, with({"upgrade", "head", "--sql"}));
    CHECK(offline.exit_code == 5);
    CHECK(offline.out.empty());
  }
}

TEST_CASE("a drivers directory others can write refuses every driver, naming the fix") {
  Sandbox box;
  const std::string dir = copy_plugins(box, drivers_dir(), "drivers", 0777);
  auto r = run_bounded(box, {"--config-file", box.sqlite_config(), "--revisions-dir",
                             fixture_dir("linear"), "--drivers-dir", dir, "upgrade", "head"});
  CHECK(r.exit_code == 5);
  CHECK(r.err.find("FAILED: no usable driver for URL scheme 'sqlite' in " + dir +
                   " (schemes available: none): driver plugin " + dir + "/") == 0);
  CHECK(r.err.find(" rejected: untrusted: " + writable_dir(dir)) != std::string::npos);
  CHECK_FALSE(fs::exists(box.path("test.db")));
  auto listing =
      run_bounded(box, {"--drivers-dir", dir, "--revisions-dir", fixture_dir("linear"), "plugins"});
  CHECK(listing.exit_code == 5);
  CHECK(lists_rejection(listing.out, dir + "/sqlite.so", "untrusted: " + writable_dir(dir)));
}

namespace {

/// A copy of the real drivers with the planted one beside them, first in name order.
std::string drivers_with_planted(const Sandbox& box) {
  const std::string dir = copy_plugins(box, drivers_dir(), "drivers");
  fs::copy_file(fixture_dir("planted") + "/000_planted.so", dir + "/000_planted.so");
  return dir;
}

struct SchemeCase {
  std::string scheme;
  std::string url;
};

std::vector<SchemeCase> real_schemes(const Sandbox& box) {
  std::vector<SchemeCase> cases = {{"sqlite", "sqlite:///" + box.path("test.db")}};
  if (fs::exists(drivers_dir() + "/postgresql.so"))
    cases.push_back({"postgresql", "postgresql://sahara:pl4nted-s3cret@127.0.0.1:1/sahara"});
  if (fs::exists(drivers_dir() + "/mysql.so"))
    cases.push_back({"mysql", "mysql://sahara:pl4nted-s3cret@127.0.0.1:1/sahara"});
  return cases;
}

}  // namespace

TEST_CASE("a planted driver claiming a real driver's scheme is an error naming both, never run") {
  Sandbox box;
  const std::string dir = drivers_with_planted(box);
  const std::string mark = box.path("planted-ran");
  for (const auto& c : real_schemes(box)) {
    CAPTURE(c.scheme);
    const std::string config =
        box.write(c.scheme + ".conf", "[database]\nconnection = " + c.url + "\n");
    set_mode(config, 0600);
    for (bool offline : {false, true}) {
      CAPTURE(offline);
      std::vector<std::string> arguments = {
          "--config-file", config, "--revisions-dir", fixture_dir("linear"),
          "--drivers-dir", dir,    "upgrade",         "head"};
      if (offline) arguments.push_back("--sql");
      auto r = run_bounded(box, arguments, {{"SDM_TEST_PLANTED_MARK", mark}});
      CHECK(r.exit_code == 5);
      CHECK(r.err == "FAILED: URL scheme '" + c.scheme + "' is claimed by 2 drivers: planted (" +
                         dir + "/000_planted.so) and " + c.scheme + " (" + dir + "/" + c.scheme +
                         ".so); remove the one you do not trust, or choose one with "
                         "`[sahara_db_manage] driver_" +
                         c.scheme + " = NAME` in the config\n");
      CHECK(r.out.empty());
    }
  }
  CHECK(sqlite_tables(box.path("test.db")).empty());

  // plugins shows the dispute per scheme and does not run the disputed drivers either.
  auto listing =
      run_bounded(box, {"--drivers-dir", dir, "--revisions-dir", fixture_dir("linear"), "plugins"},
                  {{"SDM_TEST_PLANTED_MARK", mark}});
  CHECK(listing.exit_code == 5);
  CHECK(listing.out.find("  unloaded  planted (sqlite://, postgresql://, mysql://)  " + dir +
                         "/000_planted.so\n") != std::string::npos);
  for (const auto& c : real_schemes(box))
    CHECK(line_starting(listing.out, "  " + c.scheme + "://")
              .find("  refused: URL scheme '" + c.scheme + "' is claimed by 2 drivers") !=
          std::string::npos);
  CHECK_FALSE(fs::exists(mark));
}

TEST_CASE(
    "the config chooses among drivers claiming one scheme, and plugins shows who serves what") {
  Sandbox box;
  const std::string dir = drivers_with_planted(box);
  const std::string mark = box.path("planted-ran");
  // By driver name for sqlite (line 4), by file name for the others.
  std::string choices;
  for (const auto& c : real_schemes(box))
    choices += "driver_" + c.scheme + " = " + c.scheme + (c.scheme == "sqlite" ? "" : ".so") + "\n";
  const std::string config =
      box.write("choose.conf", "[database]\nconnection = sqlite:///" + box.path("test.db") +
                                   "\n[sahara_db_manage]\n" + choices);
  auto run = [&](std::vector<std::string> command) {
    command.insert(command.begin(), {"--config-file", config, "--revisions-dir",
                                     fixture_dir("linear"), "--drivers-dir", dir});
    return run_bounded(box, command, {{"SDM_TEST_PLANTED_MARK", mark}});
  };
  auto up = run({"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  CHECK(version_rows(box) == std::vector<std::string>{"3c0000000003"});
  auto listing = run({"plugins"});
  CHECK(listing.exit_code == 0);
  CHECK(line_starting(listing.out, "  sqlite://")
            .find("  sqlite  " + dir + "/sqlite.so  (chosen by " + config +
                  ":4: [sahara_db_manage] driver_sqlite)") != std::string::npos);
  CHECK(listing.out.find("  unloaded  planted") != std::string::npos);
  CHECK_FALSE(fs::exists(mark));

  box.write("choose.conf", "[database]\nconnection = sqlite:///" + box.path("test.db") +
                               "\n[sahara_db_manage]\ndriver_sqlite = sqlight\n");
  auto wrong = run({"current"});
  CHECK(wrong.exit_code == 3);
  CHECK(wrong.err == "FAILED: " + config +
                         ":4: [sahara_db_manage] driver_sqlite chooses 'sqlight', but no driver "
                         "for sqlite:// in " +
                         dir + " has that name or file name (there: planted (" + dir +
                         "/000_planted.so) and sqlite (" + dir + "/sqlite.so))\n");
  CHECK_FALSE(fs::exists(mark));
}

TEST_CASE("a planted driver owned by someone else is refused, loudly, and the real one serves") {
  Sandbox box;
  const std::string dir = drivers_with_planted(box);
  const std::string mark = box.path("planted-ran");
  ForeignOwnership owner;
  owner.give_to_nobody(dir + "/000_planted.so");
  const std::string warning =
      "WARNI [sdm.plugins] driver plugin " + dir +
      "/000_planted.so rejected: untrusted: " + owned_by_nobody(dir + "/000_planted.so") + "\n";
  for (const auto& c : real_schemes(box)) {
    CAPTURE(c.scheme);
    const std::string config =
        box.write(c.scheme + ".conf", "[database]\nconnection = " + c.url + "\n");
    auto offline = run_bounded(box,
                               {"--config-file", config, "--revisions-dir", fixture_dir("linear"),
                                "--drivers-dir", dir, "upgrade", "head", "--sql"},
                               {{"SDM_TEST_PLANTED_MARK", mark}});
    CHECK(offline.exit_code == 0);
    CHECK(offline.out.find("CREATE TABLE") != std::string::npos);
    CHECK(offline.err.find(warning) != std::string::npos);
  }
  auto online = run_bounded(box,
                            {"--config-file", box.sqlite_config(), "--revisions-dir",
                             fixture_dir("linear"), "--drivers-dir", dir, "upgrade", "head"},
                            {{"SDM_TEST_PLANTED_MARK", mark}});
  CHECK(online.exit_code == 0);
  CHECK(online.err.find(warning) != std::string::npos);
  CHECK(version_rows(box) == std::vector<std::string>{"3c0000000003"});
  CHECK_FALSE(fs::exists(mark));
}

TEST_CASE("settings that choose plugin code are refused from config files others can change") {
  Sandbox box;
  ForeignOwnership owner;
  // A directory someone planted, with their plugins in it.
  const std::string planted = copy_plugins(box, fixture_dir("linear"), "planted");
  owner.give_to_nobody(planted + "/r1_first.so");
  owner.give_to_nobody(planted);
  const std::string db = "[database]\nconnection = sqlite:///" + box.path("test.db") + "\n";
  const std::string tail =
      ". Settings that choose plugin code are taken only from config files that nobody but "
      "root or you can change\n";

  struct ConfigCase {
    std::string name;
    std::string key_line;  ///< the [sahara_db_manage] line, at line 4
    std::function<std::string(const std::string&)> spoil;  ///< makes the file untrusted
  };
  const std::vector<ConfigCase> cases = {
      {"world-writable config pointing revisions_dir at a planted directory",
       "revisions_dir = " + planted,
       [](const std::string& file) {
         set_mode(file, 0666);
         return writable(file, file, "its group and others", "0666", "go-w");
       }},
      {"config owned by nobody setting drivers_dir", "drivers_dir = " + drivers_dir(),
       [&](const std::string& file) {
         owner.give_to_nobody(file);
         return owned_by_nobody(file);
       }},
      {"config in a 0777 directory switching trust checks off", "insecure_plugins = true",
       [&](const std::string&) {
         set_mode(box.path("etc"), 0777);
         return writable_dir(box.path("etc"));
       }},
      {"world-writable config choosing a driver", "driver_sqlite = 000_planted.so",
       [](const std::string& file) {
         set_mode(file, 0646);
         return writable(file, file, "others", "0646", "o-w");
       }},
      {"group-writable config dropping the manifest requirement", "require_manifest = false",
       [](const std::string& file) {
         set_mode(file, 0664);
         return writable(file, file, "its group", "0664", "g-w");
       }},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    fs::create_directories(box.path("etc"));
    set_mode(box.path("etc"), 0755);
    const std::string file = box.write("etc/" + std::to_string(&c - &cases[0]) + ".conf",
                                       db + "[sahara_db_manage]\n" + c.key_line + "\n");
    const std::string problem = c.spoil(file);
    std::vector<std::string> arguments = {"--config-file", file, "upgrade", "head"};
    if (c.key_line.rfind("revisions_dir", 0) != 0)
      arguments.insert(arguments.begin() + 2, {"--revisions-dir", fixture_dir("linear")});
    auto r = run_bounded(box, arguments);
    CHECK(r.exit_code == 5);
    const std::string key = c.key_line.substr(0, c.key_line.find(' '));
    CHECK(r.err ==
          "FAILED: " + file + ":4: [sahara_db_manage] " + key + " is not used: " + problem + tail);
    CHECK(sqlite_tables(box.path("test.db")).empty());
    set_mode(box.path("etc"), 0755);
  }

  // Trusted, the same config points at the planted directory, which is refused in turn.
  const std::string trusted =
      box.write("etc/trusted.conf", db + "[sahara_db_manage]\nrevisions_dir = " + planted + "\n");
  auto r = run_bounded(box, {"--config-file", trusted, "upgrade", "head"});
  CHECK(r.exit_code == 5);
  CHECK(r.err.find("FAILED: revision plugin " + planted +
                   "/r1_first.so rejected: untrusted: "
                   "directory " +
                   planted + " is owned by " + nobody_text()) == 0);
  CHECK(sqlite_tables(box.path("test.db")).empty());
}

TEST_CASE("--insecure-plugins uses untrusted plugins with one warning per run") {
  Sandbox box;
  const std::string revisions = copy_plugins(box, fixture_dir("linear"), "revisions", 0777);
  const std::string drivers = copy_plugins(box, drivers_dir(), "drivers", 0777);
  const std::vector<std::string> global = {"--config-file", box.sqlite_config(), "--revisions-dir",
                                           revisions,       "--drivers-dir",     drivers};
  auto run = [&](std::vector<std::string> command, bool insecure = true) {
    command.insert(command.begin(), global.begin(), global.end());
    if (insecure) command.insert(command.begin(), "--insecure-plugins");
    return run_bounded(box, command);
  };
  const std::string warning =
      "WARNI [sdm.plugins] plugin trust checks are off (--insecure-plugins): plugins, plugin "
      "directories and plugin settings that others can change are used; `sahara-db-manage "
      "plugins` names the untrusted files\n";
  auto count = [](const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
      ++n;
    return n;
  };

  CHECK(run({"upgrade", "head"}, false).exit_code == 5);
  auto up = run({"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  CHECK(count(up.err, warning) == 1);
  CHECK(version_rows(box) == std::vector<std::string>{"3c0000000003"});

  auto listing = run({"plugins", "--load"});
  CHECK(listing.exit_code == 0);
  CHECK(count(listing.err, warning) == 1);
  CHECK(listing.out.find("  loaded    1a0000000001  " + revisions +
                         "/r1_first.so\n            untrusted, used because trust checks are "
                         "off: " +
                         writable_dir(revisions) + "\n") != std::string::npos);

  // Still only regular files: trust is switched off, not the rest of the loader.
  REQUIRE(::mkfifo((revisions + "/x.so").c_str(), 0644) == 0);
  auto fifo = run({"history"});
  CHECK(fifo.exit_code == 5);
  CHECK(fifo.err.find("FAILED: revision plugin " + revisions + "/x.so rejected: is a FIFO") !=
        std::string::npos);
}

TEST_CASE("insecure_plugins = true in a trusted config switches trust checks off, loudly") {
  Sandbox box;
  const std::string revisions = copy_plugins(box, fixture_dir("linear"), "revisions", 0777);
  const std::string config =
      box.write("insecure.conf", "[database]\nconnection = sqlite:///" + box.path("test.db") +
                                     "\n[sahara_db_manage]\ninsecure_plugins = true\n");
  auto r =
      run_bounded(box, {"--config-file", config, "--revisions-dir", revisions, "upgrade", "head"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.err.find("WARNI [sdm.plugins] plugin trust checks are off (" + config +
                   ":4: [sahara_db_manage] insecure_plugins = true)") == 0);
}

TEST_CASE("a config file holding the password that others can read gets a warning") {
  Sandbox box;
  set_mode(box.dir(), 0711);  // others may pass through the sandbox, as through /etc
  fs::create_directories(box.path("etc"));
  set_mode(box.path("etc"), 0755);
  const std::vector<std::string> urls = {
      "postgresql://sahara:s3cret@127.0.0.1:1/sahara",
      "postgresql://sahara@127.0.0.1:1/sahara?password=s3cret",
  };
  for (const auto& url : urls) {
    CAPTURE(url);
    const std::string file = box.write("etc/db.conf", "[database]\nconnection = " + url + "\n");
    auto run = [&] {
      return run_bounded(box, {"--config-file", file, "--revisions-dir", fixture_dir("linear"),
                               "upgrade", "head", "--sql"});
    };
    set_mode(file, 0644);
    auto open = run();
    CHECK(open.exit_code == 0);
    CHECK(open.err.find("WARNI [sdm.config] " + file +
                        " holds the database password and is readable by others (mode 0644); "
                        "fix: chmod o-r " +
                        file + "\n") == 0);
    CHECK(open.err.find("s3cret") == std::string::npos);
    set_mode(file, 0640);
    CHECK(run().err.find("WARNI [sdm.config]") == std::string::npos);
    set_mode(file, 0644);
    set_mode(box.path("etc"), 0750);  // others cannot pass through: nothing to warn about
    CHECK(run().err.find("WARNI [sdm.config]") == std::string::npos);
    set_mode(box.path("etc"), 0755);
  }
  // No password, no warning.
  const std::string plain = box.write(
      "etc/plain.conf", "[database]\nconnection = sqlite:///" + box.path("test.db") + "\n");
  set_mode(plain, 0644);
  auto r = run_bounded(
      box, {"--config-file", plain, "--revisions-dir", fixture_dir("linear"), "current"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("WARNI") == std::string::npos);
}

TEST_CASE("the binary and its drivers load no library from the directory they run in") {
  // What an attacker can write where an operator runs the tool: a file named as each library
  // the binary or a driver asks the dynamic loader for. Were any looked up there, the run
  // would fail on the bad file (or, with a real library, run its code).
  Sandbox box;
  std::set<std::string> libraries = needed_libraries(binary_path());
  for (const char* driver : {"sqlite.so", "postgresql.so", "mysql.so"}) {
    std::set<std::string> more = needed_libraries(drivers_dir() + "/" + driver);
    libraries.insert(more.begin(), more.end());
  }
  CHECK(libraries.count("libc.so.6") == 1);
  CHECK(libraries.count("libsqlite3.so.0") == 1);
  for (const auto& name : libraries)
    box.write(name, "not a library\n");

  ProcessResult version = run_sdm(box, {"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("sahara-db-manage ") == 0);
  CHECK(version.err == "");

  // The SQLite default loads a driver and its libraries too.
  ProcessResult upgraded = run_sdm(box, {"--config-file", box.sqlite_config(), "--revisions-dir",
                                         fixture_dir("linear"), "upgrade", "head"});
  CHECK_MESSAGE(upgraded.exit_code == 0, upgraded.err);
  CHECK(version_rows(box) == std::vector<std::string>{"3c0000000003"});
}
