// As a vendor: the example driver installed with sahara-db-manage (mylite://, SQLite through its C
// library, foreign keys enforced) is built out of tree against the installed package, passes the
// installed conformance program through sdm_add_conformance_test(), and the installed host runs
// Sahara's history through it, from base and from 006. The host is not rebuilt.
#include <doctest/doctest.h>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

/// Schema objects as SQLite stores them: equal text means an equal schema.
std::vector<std::vector<std::string>> schema_of(const std::string& database) {
  return sqlite_rows(database,
                     "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
}

}  // namespace

TEST_CASE("the installed example driver passes the conformance program and runs Sahara") {
  Sandbox box;
  const std::string prefix = box.path("prefix");
  auto install = run_process("/usr/bin/cmake", {"--install", SDM_BUILD_DIR, "--prefix", prefix});
  REQUIRE_MESSAGE(install.exit_code == 0, install.err);

  // Built from the installed copy of its source, as a vendor starts.
  const std::string source = prefix + "/share/doc/sahara-db-manage/examples/mylite-driver";
  const std::string build = box.path("mylite-build");
  auto configure =
      run_process("/usr/bin/cmake", {"-S", source, "-B", build, "-DCMAKE_PREFIX_PATH=" + prefix});
  REQUIRE_MESSAGE(configure.exit_code == 0, (configure.out + configure.err));
  auto compiled = run_process("/usr/bin/cmake", {"--build", build});
  REQUIRE_MESSAGE(compiled.exit_code == 0, (compiled.out + compiled.err));
  auto conformance = run_process("/usr/bin/ctest", {"--test-dir", build, "--output-on-failure"},
                                 box.dir(), {{"HOME", box.dir()}});
  INFO("ctest:\n" << conformance.out << conformance.err);
  REQUIRE(conformance.exit_code == 0);
  CHECK(conformance.out.find("100% tests passed") != std::string::npos);

  // Installed the way its CMakeLists installs it: into the host's drivers, digest recorded.
  auto installed = run_process("/usr/bin/cmake", {"--install", build});
  REQUIRE_MESSAGE(installed.exit_code == 0, (installed.out + installed.err));
  const std::string binary = prefix + "/bin/sahara-db-manage";
  auto run_on = [&](const std::string& url, std::vector<std::string> arguments) {
    const std::string config = box.write(url.substr(url.rfind('/') + 1) + ".conf",
                                         "[database]\nconnection = " + url + "\n");
    arguments.insert(arguments.begin(), {"--config-file", config});
    return run_process(binary, arguments, box.dir(), {{"HOME", box.dir()}});
  };
  auto plugins = run_on("mylite:///" + box.path("base.db"), {"plugins"});
  CHECK(plugins.exit_code == 0);
  CHECK(plugins.out.find("loaded    mylite (mylite://)  " + prefix +
                         "/lib/sahara-db-manage/drivers/mylite.so") != std::string::npos);
  auto verified = run_on("mylite:///" + box.path("base.db"), {"plugins", "--verify"});
  CHECK_MESSAGE(verified.exit_code == 0, verified.out);

  // The built-in SQLite driver's result is the reference: mylite renders like sqlite.
  REQUIRE(run_on("sqlite:///" + box.path("reference.db"), {"upgrade", "head"}).exit_code == 0);

  {  // Sahara from base
    auto upgrade = run_on("mylite:///" + box.path("base.db"), {"upgrade", "head"});
    REQUIRE_MESSAGE(upgrade.exit_code == 0, upgrade.err);
    CHECK(upgrade.err.find("Context impl MyliteImpl.") != std::string::npos);
    CHECK(run_on("mylite:///" + box.path("base.db"), {"current"}).out == "035 (head)\n");
    CHECK(schema_of(box.path("base.db")) == schema_of(box.path("reference.db")));
  }

  {  // Sahara from 006, with rows the rebuilds of 007 to 035 keep
    // mylite enforces foreign keys: without the host turning them off for the run, rebuilding
    // clusters would fail on (or delete) the node group that refers to it.
    const std::string url = "mylite:///" + box.path("middle.db");
    REQUIRE(run_on(url, {"upgrade", "006"}).exit_code == 0);
    sqlite_exec(box.path("middle.db"), kSaharaRowsAt006);
    auto upgrade = run_on(url, {"upgrade", "head"});
    REQUIRE_MESSAGE(upgrade.exit_code == 0, upgrade.err);
    CHECK(upgrade.err.find("Running upgrade 006 -> 007") != std::string::npos);
    CHECK(run_on(url, {"current"}).out == "035 (head)\n");
    check_sahara_rows_from_006(box.path("middle.db"));
    CHECK(schema_of(box.path("middle.db")) == schema_of(box.path("reference.db")));
  }

  {  // Offline, 029's SQL for sqlite included
    auto script = run_on("mylite:///" + box.path("offline.db"), {"upgrade", "head", "--sql"});
    REQUIRE(script.exit_code == 0);
    // Alembic's shape: the script does not switch foreign keys itself.
    CHECK(script.out.find("PRAGMA foreign_keys") == std::string::npos);
    CHECK(script.out.find("UPDATE node_group_templates SET is_protected=1 WHERE "
                          "node_group_templates.is_default = 1;") != std::string::npos);
  }
}
