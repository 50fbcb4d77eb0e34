// SHA256SUMS beside the plugins: parsed as sha256sum writes it, verified before dlopen, and
// required with require_manifest. Digests are compared with the real sha256sum.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "loader/file_digest.hpp"
#include "loader/manifest.hpp"
#include "loader/manifest_verification.hpp"
#include "loader/plugin_directory.hpp"
#include "loader/plugin_library.hpp"
#include "plugins/scratch_dir.hpp"
#include "support/ownership.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using sdm::PluginKind;
using sdm::loader::DigestCheck;
using sdm::loader::LoaderPolicy;
using sdm::loader::parse_manifest;
using sdm::loader::scan_plugin_directory;
using sdm::test::run_process;

namespace {

/// A scratch directory of plugin copies, with sha256sum at hand.
class PluginCopies : public sdm::test::ScratchDir {
 public:
  void add(const std::string& fixture, const std::string& name) const {
    copy_fixture(fixture, name);
  }
  /// `sha256sum NAMES > SHA256SUMS`, run in the directory by the real tool.
  void write_manifest_with_sha256sum(const std::vector<std::string>& names) const {
    std::vector<std::string> arguments = {"-c", "sha256sum \"$@\" > SHA256SUMS", "sh"};
    arguments.insert(arguments.end(), names.begin(), names.end());
    auto r = run_process("/bin/sh", arguments, dir());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  std::string sha256sum_of(const std::string& name) const {
    auto r = run_process("/usr/bin/sha256sum", {path(name)});
    REQUIRE(r.exit_code == 0);
    return r.out.substr(0, 64);
  }
};

std::string digest_of_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  std::string digest = sdm::loader::sha256_hex(fd);
  ::close(fd);
  return digest;
}

const std::string kZeros(64, '0');

}  // namespace

TEST_CASE("the manifest reads what sha256sum writes, in text and binary mode") {
  auto m = parse_manifest(kZeros + "  a.so\n" + std::string(64, 'A') + " *b.so\n\n# note\n" + "\\" +
                          std::string(64, 'c') + "  we\\\\ird\\nname.so\n");
  CHECK(m.problems.empty());
  CHECK(m.digests.at("a.so") == kZeros);
  CHECK(m.digests.at("b.so") == std::string(64, 'a'));  // hex case does not matter
  CHECK(m.digests.at("we\\ird\nname.so") == std::string(64, 'c'));
}

TEST_CASE("manifest lines that do not parse are problems naming the line, the others count") {
  auto m =
      parse_manifest("deadbeef  short.so\n" + kZeros + "  sub/dir.so\n" + kZeros + "  twice.so\n" +
                     kZeros + "  twice.so\n" + kZeros + "\n" + kZeros + "  good.so\n");
  CHECK(m.problems == std::vector<std::string>{
                          "line 1 is not `<SHA-256 in 64 hex digits>  <file name>` (the format "
                          "sha256sum writes)",
                          "line 2 names sub/dir.so, not a file in this directory (no '/' allowed)",
                          "line 4 lists twice.so a second time",
                          "line 5 is not `<SHA-256 in 64 hex digits>  <file name>` (the format "
                          "sha256sum writes)"});
  CHECK(m.digests.count("good.so") == 1);
  CHECK(m.digests.count("twice.so") == 1);
}

TEST_CASE("digests agree with sha256sum: empty, small, large and plugin files") {
  PluginCopies c;
  std::ofstream(c.path("empty"));
  std::ofstream(c.path("small")) << "abc";
  {
    std::ofstream large(c.path("large"), std::ios::binary);
    for (unsigned i = 0; i < 300000; ++i)
      large.put(static_cast<char>(i * 7919u % 251u));
  }
  c.add("two_revisions.so", "plugin.so");
  for (const std::string name : {"empty", "small", "large", "plugin.so"}) {
    CAPTURE(name);
    CHECK(digest_of_file(c.path(name)) == c.sha256sum_of(name));
  }
  CHECK(digest_of_file(c.path("small")) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("a listed plugin carries its digest, an unlisted one is refused only when required") {
  PluginCopies c;
  c.add("two_revisions.so", "a.so");
  c.add("two_revisions.so", "b.so");
  c.write_manifest_with_sha256sum({"a.so"});
  auto scan = scan_plugin_directory(c.dir(), PluginKind::Revisions);
  REQUIRE(scan.plugins.size() == 2);
  CHECK(scan.plugins[0].expected_sha256 == c.sha256sum_of("a.so"));
  CHECK_FALSE(scan.plugins[1].expected_sha256);

  LoaderPolicy required;
  required.require_manifest = true;
  scan = scan_plugin_directory(c.dir(), PluginKind::Revisions, required);
  REQUIRE(scan.plugins.size() == 1);
  REQUIRE(scan.rejections.size() == 1);
  CHECK(scan.rejections[0].path == c.path("b.so"));
  CHECK(scan.rejections[0].reason == "unverified: require_manifest is set and " +
                                         c.path("SHA256SUMS") +
                                         " does not list it; fix: `sha256sum b.so >> SHA256SUMS` "
                                         "in that directory, once you trust it");
  fs::remove(c.path("SHA256SUMS"));
  scan = scan_plugin_directory(c.dir(), PluginKind::Revisions, required);
  CHECK(scan.plugins.empty());
  REQUIRE(scan.rejections.size() == 2);
  CHECK(scan.rejections[0].reason ==
        "unverified: require_manifest is set and " + c.path("SHA256SUMS") +
            " does not exist; fix: write it with `sha256sum *.so > SHA256SUMS` in that "
            "directory, once you trust its plugins");
}

TEST_CASE("a manifest others can change is refused, and then verifies nothing") {
  PluginCopies c;
  c.add("two_revisions.so", "a.so");
  c.write_manifest_with_sha256sum({"a.so"});
  sdm::test::set_mode(c.path("SHA256SUMS"), 0666);
  LoaderPolicy required;
  required.require_manifest = true;
  auto scan = scan_plugin_directory(c.dir(), PluginKind::Revisions, required);
  CHECK(scan.plugins.empty());
  REQUIRE(scan.rejections.size() == 2);
  CHECK(scan.rejections[0].path == c.path("SHA256SUMS"));
  CHECK(scan.rejections[0].reason == "untrusted: " + c.path("SHA256SUMS") +
                                         " is writable by its group and others (mode 0666); fix: "
                                         "chmod go-w " +
                                         c.path("SHA256SUMS"));
  CHECK(scan.rejections[1].reason.find("is refused (see its own line)") != std::string::npos);
}

TEST_CASE("a plugin whose content differs from its listed digest is refused before dlopen") {
  PluginCopies c;
  c.add("two_revisions.so", "a.so");
  std::ofstream(c.path("SHA256SUMS")) << kZeros << "  a.so\n";
  auto scan = scan_plugin_directory(c.dir(), PluginKind::Revisions);
  REQUIRE(scan.plugins.size() == 1);
  try {
    sdm::loader::load_plugin(scan.plugins[0]);
    FAIL("loaded a plugin whose digest differs");
  } catch (const sdm::loader::RejectedPlugin& e) {
    CHECK(std::string(e.what()) == "its SHA-256 differs from the one SHA256SUMS lists (listed " +
                                       kZeros + ", file has " + c.sha256sum_of("a.so") +
                                       "): reinstall it, or update the manifest if the change "
                                       "is yours");
  }
}

TEST_CASE("a plugin replaced between listing and loading is refused") {
  PluginCopies c;
  c.add("two_revisions.so", "a.so");
  auto scan = scan_plugin_directory(c.dir(), PluginKind::Revisions);
  REQUIRE(scan.plugins.size() == 1);
  c.add("two_revisions.so", "a.so.new");
  fs::rename(c.path("a.so.new"), c.path("a.so"));  // same name, another inode
  try {
    sdm::loader::load_plugin(scan.plugins[0]);
    FAIL("loaded a file other than the one that was checked");
  } catch (const sdm::loader::RejectedPlugin& e) {
    CHECK(std::string(e.what()) == c.path("a.so") +
                                       " was replaced after it was checked and before it was "
                                       "loaded; run the command again");
  }
}

TEST_CASE("verification reports every file: verified, mismatch, unlisted, missing, refused") {
  PluginCopies c;
  c.add("two_revisions.so", "good.so");
  c.add("no_entry.so", "changed.so");
  c.add("two_revisions.so", "extra.so");
  c.add("two_revisions.so", "open.so");
  sdm::test::set_mode(c.path("open.so"), 0666);
  c.write_manifest_with_sha256sum({"good.so", "changed.so", "open.so"});
  std::ofstream(c.path("SHA256SUMS"), std::ios::app) << kZeros << "  gone.so\n";
  std::ofstream(c.path("changed.so"), std::ios::app) << "tampered";

  auto v = sdm::loader::verify_plugin_directory(c.dir(), PluginKind::Revisions, {});
  CHECK(v.manifest_problem.empty());
  REQUIRE(v.files.size() == 5);
  CHECK(v.files[0].path == c.path("changed.so"));
  CHECK(v.files[0].status == DigestCheck::Status::Mismatch);
  CHECK(v.files[0].detail.find("the file has " + c.sha256sum_of("changed.so")) !=
        std::string::npos);
  CHECK(v.files[1].status == DigestCheck::Status::Unlisted);
  CHECK(v.files[2].status == DigestCheck::Status::Verified);
  CHECK(v.files[3].status == DigestCheck::Status::Refused);
  CHECK(v.files[3].detail.find("is writable by its group and others") != std::string::npos);
  CHECK(v.files[4].path == c.path("gone.so"));
  CHECK(v.files[4].status == DigestCheck::Status::Missing);
  CHECK_FALSE(v.all_verified());

  // sha256sum -c agrees on the files both can read.
  auto check = run_process("/usr/bin/sha256sum", {"-c", "SHA256SUMS"}, c.dir());
  CHECK(check.out.find("good.so: OK") != std::string::npos);
  CHECK(check.out.find("changed.so: FAILED") != std::string::npos);
  CHECK(check.exit_code != 0);
}
