// The installed package writes SHA256SUMS beside the plugins it installs, and so does
// sdm_install_plugins() for a packager's own: `sha256sum -c` and `plugins --verify` agree, and
// require_manifest = true runs on them.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

const char* kExtraRevision = R"(#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("clusters", sdm::Column("note", sdm::String(80)));
}
static void downgrade(sdm::Operations& op) { op.drop_column("clusters", "note"); }

SDM_REVISION(add_note, "4f2a9c1e77d0", "035", "add a note to clusters", upgrade, downgrade)
SDM_REVISION_PLUGIN(add_note)
)";

const char* kExtraProject = R"(cmake_minimum_required(VERSION 3.25)
project(extra_revisions CXX)
find_package(SaharaDbManage REQUIRED)
sdm_add_revision(add_note add_note.cpp)
sdm_install_plugins(add_note DESTINATION ${SaharaDbManage_REVISIONS_DIR})
)";

/// `sha256sum -c SHA256SUMS` in `dir`: its exit code and output.
ProcessResult sha256sum_check(const std::string& dir) {
  return run_process("/usr/bin/sha256sum", {"-c", "SHA256SUMS"}, dir);
}

std::size_t plugin_count(const std::string& dir) {
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    n += entry.path().extension() == ".so";
  return n;
}

}  // namespace

TEST_CASE("installed plugins come with SHA256SUMS that sha256sum and plugins --verify accept") {
  Sandbox box;
  const std::string prefix = box.path("prefix");
  auto install = run_process("/usr/bin/cmake", {"--install", SDM_BUILD_DIR, "--prefix", prefix});
  REQUIRE_MESSAGE(install.exit_code == 0, install.err);
  const std::string drivers = prefix + "/lib/sahara-db-manage/drivers";
  const std::string revisions = prefix + "/lib/sahara-db-manage/revisions";

  for (const auto& dir : {drivers, revisions}) {
    CAPTURE(dir);
    auto check = sha256sum_check(dir);
    CHECK(check.exit_code == 0);
    std::size_t ok = 0;
    for (auto at = check.out.find(": OK\n"); at != std::string::npos;
         at = check.out.find(": OK\n", at + 1))
      ++ok;
    CHECK(ok == plugin_count(dir));
  }

  const std::string binary = prefix + "/bin/sahara-db-manage";
  const std::string config =
      box.write("strict.conf", "[database]\nconnection = sqlite:///" + box.path("s.db") +
                                   "\n[sahara_db_manage]\nrequire_manifest = true\n");
  auto run = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"--config-file", config});
    return run_process(binary, arguments, box.dir(), {{"HOME", box.dir()}});
  };
  auto verify = run({"plugins", "--verify"});
  CHECK_MESSAGE(verify.exit_code == 0, verify.out);
  CHECK(verify.out.find("\nManifest " + drivers + "/SHA256SUMS:\n  verified  " + drivers + "/") !=
        std::string::npos);
  CHECK(verify.out.find("  verified  " + revisions + "/035_boot_from_volume_enhancements.so\n") !=
        std::string::npos);
  CHECK(verify.out.find("MISMATCH") == std::string::npos);

  // A packager's revision, built and installed out of tree, joins the manifest.
  box.write("extra/add_note.cpp", kExtraRevision);
  box.write("extra/CMakeLists.txt", kExtraProject);
  auto configure = run_process(
      "/usr/bin/cmake",
      {"-S", box.path("extra"), "-B", box.path("extra-build"), "-DCMAKE_PREFIX_PATH=" + prefix});
  REQUIRE_MESSAGE(configure.exit_code == 0, (configure.out + configure.err));
  auto build = run_process("/usr/bin/cmake", {"--build", box.path("extra-build")});
  REQUIRE_MESSAGE(build.exit_code == 0, (build.out + build.err));
  auto extra = run_process("/usr/bin/cmake", {"--install", box.path("extra-build")});
  REQUIRE_MESSAGE(extra.exit_code == 0, (extra.out + extra.err));
  auto check = sha256sum_check(revisions);
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("add_note.so: OK\n") != std::string::npos);
  CHECK(check.out.find("001_icehouse.so: OK\n") != std::string::npos);  // kept

  auto up = run({"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  CHECK(run({"current"}).out == "4f2a9c1e77d0 (head)\n");
  CHECK(run({"plugins", "--verify"}).exit_code == 0);
}
