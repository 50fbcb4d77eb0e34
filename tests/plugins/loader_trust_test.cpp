// The trust rules every plugin file passes before it is read: who owns it and who can write
// it, up to /; only regular files; symbolic links judged by their target. Foreign ownership is
// `nobody`'s (the suite runs as root, or as a user with passwordless sudo).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "loader/path_trust.hpp"
#include "loader/plugin_directory.hpp"
#include "plugins/scratch_dir.hpp"
#include "support/ownership.hpp"

namespace fs = std::filesystem;
using sdm::PluginKind;
using sdm::loader::LoaderPolicy;
using sdm::loader::PathTrust;
using sdm::loader::scan_plugin_directory;
using sdm::test::ForeignOwnership;
using sdm::test::set_mode;

namespace {

/// A scratch directory whose plugins are copies of a well-formed fixture.
class Scratch : public sdm::test::ScratchDir {
 public:
  std::string plugin(const std::string& relative, mode_t mode = 0755) const {
    return copy_fixture("two_revisions.so", relative, mode);
  }
};

/// The reason the scan of `dir` gives for its one entry, or "" when it is accepted.
std::string scan_reason(const std::string& dir, LoaderPolicy policy = {}) {
  auto scan = scan_plugin_directory(dir, PluginKind::Revisions, policy);
  REQUIRE(scan.plugins.size() + scan.rejections.size() == 1);
  return scan.rejections.empty() ? "" : scan.rejections.front().reason;
}

std::string nobody_text() {
  return "nobody (uid " + std::to_string(sdm::test::nobody_uid()) + ")";
}

}  // namespace

TEST_CASE("a plugin owned by root in root's directories is trusted") {
  Scratch s;
  const std::string dir = s.directory("plugins");
  s.plugin("plugins/a.so");
  CHECK(scan_reason(dir) == "");
}

TEST_CASE("a plugin owned by another user is refused, naming the owner and the fix") {
  Scratch s;
  const std::string dir = s.directory("plugins");
  const std::string file = s.plugin("plugins/a.so");
  ForeignOwnership owner;
  owner.give_to_nobody(file);
  CHECK(scan_reason(dir) == "untrusted: " + file + " is owned by " + nobody_text() +
                                ", not by root; fix: chown root " + file +
                                " if you trust its content, else remove it");
}

TEST_CASE("a plugin writable by its group or by others is refused with the chmod that fixes it") {
  Scratch s;
  const std::string dir = s.directory("plugins");
  const std::string file = s.plugin("plugins/a.so");
  set_mode(file, 0666);
  CHECK(scan_reason(dir) == "untrusted: " + file +
                                " is writable by its group and others (mode 0666); fix: chmod "
                                "go-w " +
                                file);
  set_mode(file, 0664);
  CHECK(scan_reason(dir) ==
        "untrusted: " + file + " is writable by its group (mode 0664); fix: chmod g-w " + file);
  set_mode(file, 0646);
  CHECK(scan_reason(dir) ==
        "untrusted: " + file + " is writable by others (mode 0646); fix: chmod o-w " + file);
  set_mode(file, 0755);
  CHECK(scan_reason(dir) == "");
}

TEST_CASE("a writable directory, or one above it, refuses every plugin in it") {
  Scratch s;
  const std::string open = s.directory("open", 0777);
  const std::string dir = s.directory("open/plugins", 0755);
  s.plugin("open/plugins/a.so");
  // The directory nearest to / is named: fixing one below it would not help.
  CHECK(scan_reason(dir) == "untrusted: directory " + open +
                                " is writable by its group and others (mode 0777); fix: chmod "
                                "go-w " +
                                open);
  set_mode(open, 0755);
  set_mode(dir, 0775);
  CHECK(scan_reason(dir) == "untrusted: directory " + dir +
                                " is writable by its group (mode 0775); fix: chmod g-w " + dir);
}

TEST_CASE("a directory owned by another user refuses its plugins, even when sticky") {
  Scratch s;
  const std::string dir = s.directory("plugins", 01777);
  s.plugin("plugins/a.so");
  ForeignOwnership owner;
  owner.give_to_nobody(dir);
  CHECK(scan_reason(dir) == "untrusted: directory " + dir + " is owned by " + nobody_text() +
                                ", not by root; fix: chown root " + dir +
                                " if you trust everything in it");
}

TEST_CASE("a root-owned sticky directory is trusted, but not what others put in it") {
  Scratch s;
  const std::string dir = s.directory("sticky", 01777);
  const std::string ours = s.plugin("sticky/a.so");
  CHECK(scan_reason(dir) == "");
  ForeignOwnership owner;
  owner.give_to_nobody(ours);
  CHECK(scan_reason(dir).find("untrusted: " + ours + " is owned by " + nobody_text()) == 0);
}

TEST_CASE("a symbolic link is judged by its target, the target's directories and its own owner") {
  Scratch s;
  const std::string dir = s.directory("plugins");
  const std::string elsewhere = s.directory("elsewhere");
  const std::string target = s.plugin("elsewhere/a.so");
  fs::create_symlink(target, dir + "/a.so");
  CHECK(scan_reason(dir) == "");

  set_mode(elsewhere, 0777);
  CHECK(scan_reason(dir) == "untrusted (a link to " + target + "): directory " + elsewhere +
                                " is writable by its group and others (mode 0777); fix: chmod "
                                "go-w " +
                                elsewhere);
  set_mode(elsewhere, 0755);
  set_mode(target, 0666);
  CHECK(scan_reason(dir).find("untrusted (a link to " + target + "): " + target +
                              " is writable by its group and others") == 0);
  set_mode(target, 0755);

  ForeignOwnership owner;
  owner.give_to_nobody(dir + "/a.so");  // the link itself, not its target
  CHECK(scan_reason(dir) == "untrusted: symbolic link " + dir + "/a.so is owned by " +
                                nobody_text() + ", not by root; fix: chown -h root " + dir +
                                "/a.so if you trust where it points, else remove it");
}

TEST_CASE("a link into /tmp to a file another user owns is refused") {
  Scratch s;
  const std::string dir = s.directory("plugins");
  std::string planted = "/tmp/sdm-planted.XXXXXX.so";
  int fd = ::mkstemps(planted.data(), 3);
  REQUIRE(fd >= 0);
  ::close(fd);
  struct Remove {
    std::string path;
    ~Remove() { ::unlink(path.c_str()); }
  } remove{planted};
  fs::copy_file(std::string(SDM_FIXTURE_DIR) + "/loader/two_revisions.so", planted,
                fs::copy_options::overwrite_existing);
  set_mode(planted, 0755);
  fs::create_symlink(planted, dir + "/a.so");
  ForeignOwnership owner;
  owner.give_to_nobody(planted);
  CHECK(scan_reason(dir) == "untrusted (a link to " + planted + "): " + planted + " is owned by " +
                                nobody_text() + ", not by root; fix: chown root " + planted +
                                " if you trust its content, else remove it");
}

TEST_CASE("only regular files are plugins: a FIFO, a device or a dangling link is refused") {
  Scratch s;
  const std::string dir = s.directory("plugins");
  REQUIRE(::mkfifo((dir + "/a.so").c_str(), 0644) == 0);
  CHECK(scan_reason(dir) ==
        "is a FIFO (named pipe), not a regular file: only regular files are plugins; remove it");
  fs::remove(dir + "/a.so");
  fs::create_symlink("/dev/zero", dir + "/a.so");
  CHECK(scan_reason(dir) ==
        "links to /dev/zero, which is a character device, not a regular file: only regular files "
        "are plugins; remove it");
  fs::remove(dir + "/a.so");
  fs::create_symlink(dir + "/nowhere.so", dir + "/a.so");
  CHECK(scan_reason(dir) ==
        "is a symbolic link that cannot be followed: No such file or directory");
  fs::remove(dir + "/a.so");
  fs::create_directory(dir + "/a.so");  // a directory named *.so is no candidate at all
  auto scan = scan_plugin_directory(dir, PluginKind::Revisions);
  CHECK(scan.plugins.empty());
  CHECK(scan.rejections.empty());
}

TEST_CASE("with trust checks off, an untrusted plugin is read and its problem kept as a note") {
  Scratch s;
  const std::string dir = s.directory("plugins", 0777);
  s.plugin("plugins/a.so");
  LoaderPolicy insecure;
  insecure.enforce_trust = false;
  auto scan = scan_plugin_directory(dir, PluginKind::Revisions, insecure);
  REQUIRE(scan.plugins.size() == 1);
  CHECK(scan.plugins.front().trust_note ==
        "directory " + dir + " is writable by its group and others (mode 0777); fix: chmod go-w " +
            dir);
  // Still only regular files.
  REQUIRE(::mkfifo((dir + "/b.so").c_str(), 0644) == 0);
  scan = scan_plugin_directory(dir, PluginKind::Revisions, insecure);
  REQUIRE(scan.rejections.size() == 1);
  CHECK(scan.rejections.front().reason.find("is a FIFO") == 0);
}

TEST_CASE("a directory is examined once however many plugins it holds") {
  Scratch s;
  const std::string dir = s.directory("plugins");
  PathTrust trust;
  CHECK_FALSE(trust.directory_problem(dir));
  set_mode(dir, 0777);
  // The verdict is remembered for the life of one PathTrust (one run).
  CHECK_FALSE(trust.directory_problem(dir));
  CHECK(PathTrust().directory_problem(dir));
}

TEST_CASE("a non-root user's own files are trusted, root's too, others' are not") {
  Scratch s;
  const std::string file = s.plugin("a.so");
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  st.st_uid = 4242;
  CHECK_FALSE(PathTrust(4242).file_problem(st, file));
  CHECK(*PathTrust(4243).file_problem(st, file) ==
        file + " is owned by uid 4242, not by root or uid 4243; fix: chown root " + file +
            " if you trust its content, else remove it");
  st.st_uid = 0;
  CHECK_FALSE(PathTrust(4243).file_problem(st, file));
}
