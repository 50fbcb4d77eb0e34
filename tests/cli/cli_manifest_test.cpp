// SHA256SUMS beside the plugins, as operators use it: require_manifest refuses what it does not
// list, a plugin whose content changed is refused before it is loaded (and before the database
// is touched), and `plugins --verify` reports every file as `sha256sum -c` does.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"

namespace fs = std::filesystem;
using namespace sdm::test;

namespace {

/// Copies of the linear revisions and of the drivers, each directory with a SHA256SUMS that
/// the real sha256sum wrote, and a config requiring the manifests.
struct VerifiedInstall {
  Sandbox box;
  std::string revisions = box.path("revisions");
  std::string drivers = box.path("drivers");
  std::string config;

  VerifiedInstall() {
    for (const auto& [from, to] : {std::make_pair(fixture_dir("linear"), revisions),
                                   std::make_pair(drivers_dir(), drivers)}) {
      fs::create_directories(to);
      for (const auto& entry : fs::directory_iterator(from))
        if (entry.path().extension() == ".so")
          fs::copy_file(entry.path(), to + "/" + entry.path().filename().string());
      auto r = run_process("/bin/sh", {"-c", "sha256sum *.so > SHA256SUMS"}, to);
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    config = box.write("strict.conf", "[database]\nconnection = sqlite:///" + box.path("test.db") +
                                          "\n[sahara_db_manage]\nrequire_manifest = true\n");
  }
  ProcessResult run(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(), {"--config-file", config, "--revisions-dir", revisions,
                                         "--drivers-dir", drivers});
    return run_sdm(box, arguments);
  }
};

}  // namespace

TEST_CASE("with require_manifest, verified plugins run and plugins --verify lists each") {
  VerifiedInstall v;
  auto verify = v.run({"plugins", "--verify"});
  CHECK(verify.exit_code == 0);
  CHECK(verify.out.find("\nManifest " + v.revisions + "/SHA256SUMS:\n  verified  " + v.revisions +
                        "/r1_first.so\n  verified  " + v.revisions + "/r2_second.so\n  verified  " +
                        v.revisions + "/r3_third.so\n") != std::string::npos);
  CHECK(verify.out.find("  verified  " + v.drivers + "/sqlite.so\n") != std::string::npos);
  auto up = v.run({"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  CHECK(version_rows(v.box) == std::vector<std::string>{"3c0000000003"});
}

TEST_CASE("with require_manifest, a plugin the manifest does not list is refused") {
  VerifiedInstall v;
  fs::copy_file(fixture_dir("labels") + "/r1.so", v.revisions + "/unlisted.so");
  auto r = v.run({"upgrade", "head"});
  CHECK(r.exit_code == 5);
  CHECK(r.err == "FAILED: revision plugin " + v.revisions +
                     "/unlisted.so rejected: unverified: require_manifest is set and " +
                     v.revisions +
                     "/SHA256SUMS does not list it; fix: `sha256sum unlisted.so >> SHA256SUMS` "
                     "in that directory, once you trust it\n");
  CHECK(sqlite_tables(v.box.path("test.db")).empty());
  auto verify = v.run({"plugins", "--verify"});
  CHECK(verify.exit_code == 5);
  CHECK(verify.out.find("  unlisted  " + v.revisions +
                        "/unlisted.so\n            its SHA-256 is ") != std::string::npos);

  fs::remove(v.revisions + "/SHA256SUMS");
  auto none = v.run({"history"});
  CHECK(none.exit_code == 5);
  CHECK(none.err.find("require_manifest is set and " + v.revisions +
                      "/SHA256SUMS does not exist; fix: write it with `sha256sum *.so > "
                      "SHA256SUMS` in that directory, once you trust its plugins") !=
        std::string::npos);
}

TEST_CASE("a plugin whose content differs from its digest is refused before the database") {
  VerifiedInstall v;
  std::ofstream(v.revisions + "/r2_second.so", std::ios::app) << "appended by someone";
  auto r = v.run({"upgrade", "head"});
  CHECK(r.exit_code == 5);
  CHECK(r.err.find("FAILED: revision plugin " + v.revisions +
                   "/r2_second.so rejected: its SHA-256 differs from the one SHA256SUMS lists "
                   "(listed ") == 0);
  CHECK(r.err.find("): reinstall it, or update the manifest if the change is yours\n") !=
        std::string::npos);
  CHECK(sqlite_tables(v.box.path("test.db")).empty());
  // Listing reads metadata only and loads nothing: it still works.
  CHECK(v.run({"history"}).exit_code == 0);

  auto verify = v.run({"plugins", "--verify"});
  CHECK(verify.exit_code == 5);
  CHECK(verify.out.find("  MISMATCH  " + v.revisions +
                        "/r2_second.so\n            the manifest lists ") != std::string::npos);
  CHECK(verify.err == "FAILED: 1 plugin problem(s); each is listed above\n");
  auto check = run_process("/usr/bin/sha256sum", {"-c", "SHA256SUMS"}, v.revisions);
  CHECK(check.exit_code != 0);
  CHECK(check.out == "r1_first.so: OK\nr2_second.so: FAILED\nr3_third.so: OK\n");
}

TEST_CASE("a driver whose content differs from its digest is refused, also for --sql") {
  VerifiedInstall v;
  std::ofstream(v.drivers + "/sqlite.so", std::ios::app) << "appended by someone";
  for (bool offline : {false, true}) {
    CAPTURE(offline);
    std::vector<std::string> arguments = {"upgrade", "head"};
    if (offline) arguments.push_back("--sql");
    auto r = v.run(arguments);
    CHECK(r.exit_code == 5);
    CHECK(r.err.find("FAILED: driver plugin " + v.drivers +
                     "/sqlite.so rejected: its SHA-256 differs") == 0);
    CHECK(r.out.empty());
  }
}

TEST_CASE("a malformed manifest line is a problem plugins names, line by line") {
  VerifiedInstall v;
  std::ofstream(v.revisions + "/SHA256SUMS", std::ios::app) << "not a digest  r9.so\n";
  auto r = v.run({"plugins"});
  CHECK(r.exit_code == 5);
  CHECK(r.out.find("  rejected  " + v.revisions +
                   "/SHA256SUMS\n            line 4 is not `<SHA-256 in 64 hex digits>  <file "
                   "name>` (the format sha256sum writes)\n") != std::string::npos);
}

TEST_CASE("plugins --verify without a manifest says there is nothing to verify against") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"plugins", "--verify"});
  CHECK(r.exit_code == 5);
  CHECK(r.out.find("  problem   " + fixture_dir("linear") +
                   "/SHA256SUMS\n            there is no manifest: nothing to verify against\n") !=
        std::string::npos);
  CHECK(r.out.find("  unlisted  " + fixture_dir("linear") + "/r1_first.so\n") != std::string::npos);
}
