// A vendor's driver with a new URL scheme, built out of tree against the installed SDK and
// loaded by the installed host, which is not rebuilt.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("an out-of-tree driver for a new URL scheme runs every command") {
  Sandbox box;
  const std::string prefix = box.path("prefix");
  auto install = run_process("/usr/bin/cmake", {"--install", SDM_BUILD_DIR, "--prefix", prefix});
  REQUIRE_MESSAGE(install.exit_code == 0, install.err);

  const std::string source = std::string(SDM_SOURCE_DIR) + "/tests/fixtures/vendor_driver";
  auto configure = run_process("/usr/bin/cmake", {"-S", source, "-B", box.path("driver-build"),
                                                  "-DCMAKE_PREFIX_PATH=" + prefix});
  REQUIRE_MESSAGE(configure.exit_code == 0, (configure.out + configure.err));
  auto build = run_process("/usr/bin/cmake", {"--build", box.path("driver-build")});
  REQUIRE_MESSAGE(build.exit_code == 0, (build.out + build.err));
  std::filesystem::copy_file(box.path("driver-build/vendorlite.so"),
                             prefix + "/lib/sahara-db-manage/drivers/vendorlite.so");

  const std::string binary = prefix + "/bin/sahara-db-manage";
  const std::string config =
      box.write("vendor.conf", "[database]\nconnection = vendorlite:///" + box.path("v.db") + "\n");
  auto run = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(),
                     {"--config-file", config, "--revisions-dir", fixture_dir("linear")});
    return run_process(binary, arguments, box.dir(), {{"HOME", box.dir()}});
  };
  auto plugins = run({"plugins"});
  CHECK(plugins.exit_code == 0);
  CHECK(plugins.out.find("loaded    vendorlite (vendorlite://)  " + prefix +
                         "/lib/sahara-db-manage/drivers/vendorlite.so") != std::string::npos);
  auto upgrade = run({"upgrade", "head"});
  REQUIRE_MESSAGE(upgrade.exit_code == 0, upgrade.err);
  CHECK(upgrade.err.find("Context impl VendorliteImpl.") != std::string::npos);
  CHECK(run({"current"}).out == "3c0000000003 (head)\n");
  CHECK(sqlite_tables(box.path("v.db")) ==
        std::vector<std::string>{"alembic_version", "t_1a0000000001", "t_2b0000000002",
                                 "t_3c0000000003"});
  REQUIRE(run({"downgrade", "base"}).exit_code == 0);
  CHECK(sqlite_tables(box.path("v.db")) == std::vector<std::string>{"alembic_version"});
  auto offline = run({"upgrade", "head", "--sql"});
  CHECK(offline.exit_code == 0);
  CHECK(offline.out.find("CREATE TABLE t_1a0000000001 (") != std::string::npos);
}
