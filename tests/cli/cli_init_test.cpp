// init: a packager's project, built out of tree against the installed package and run.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("init writes the project and says what it wrote") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"init", "my-revisions"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string dir = box.path("my-revisions");
  const std::string first = only_file(dir + "/versions");
  CHECK(r.out == "Creating directory " + dir + " ...  done\n" + "Creating directory " + dir +
                     "/versions ...  done\n" + "Generating " + dir + "/README ...  done\n" +
                     "Generating " + dir + "/CMakeLists.txt ...  done\n" + "Generating " + dir +
                     "/sahara.conf.sample ...  done\n" + "Generating " + first + " ...  done\n" +
                     "Please edit configuration/connection settings in '" + dir +
                     "/sahara.conf.sample' before proceeding.\n");
  // A README of three lines.
  std::string readme = file_text(dir + "/README");
  CHECK(std::count(readme.begin(), readme.end(), '\n') == 3);
  std::string cmake = file_text(dir + "/CMakeLists.txt");
  CHECK(cmake.find("project(my_revisions CXX)\nfind_package(SaharaDbManage REQUIRED)\n") !=
        std::string::npos);
  CHECK(cmake.find("sdm_add_revision(${target} ${source}") != std::string::npos);
  std::string config = file_text(dir + "/sahara.conf.sample");
  CHECK(config.find("revisions_dir = build/revisions\n") != std::string::npos);
  CHECK(config.find("revision_source_dir = versions\n") != std::string::npos);
  // The first revision continues the head of the revisions it was made against.
  CHECK(std::filesystem::path(first).filename().string().substr(12) == "_first_revision.cpp");
  CHECK(file_text(first).find("// first revision\n//\n// Revision ID: ") == 0);
  CHECK(file_text(first).find("// Revises: 3c0000000003\n") != std::string::npos);
}

TEST_CASE("init into an empty revision set starts a base, and into a used directory refuses") {
  Sandbox box;
  std::filesystem::create_directories(box.path("no-revisions"));
  std::filesystem::create_directories(box.path("empty"));
  auto r = run_sdm(box, {"--revisions-dir", box.path("no-revisions"), "init", "empty"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  // An existing empty directory is used as it is.
  CHECK(r.out.find("Creating directory " + box.path("empty") + " ...") == std::string::npos);
  CHECK(file_text(only_file(box.path("empty/versions"))).find("// Revises: None\n") !=
        std::string::npos);

  box.write("used/notes.txt", "mine\n");
  auto used = sdm_on(box, "linear", {"init", "used"});
  CHECK(used.exit_code == 2);
  CHECK(used.err == "FAILED: Directory used already exists and is not empty\n");
  CHECK(std::filesystem::exists(box.path("used/notes.txt")));
  CHECK_FALSE(std::filesystem::exists(box.path("used/CMakeLists.txt")));
  // Several heads: nothing to base the first revision on, and nothing is written.
  auto branched = sdm_on(box, "branched", {"init", "forked"});
  CHECK(branched.exit_code == 4);
  CHECK_FALSE(std::filesystem::exists(box.path("forked")));
}

#ifndef SDM_SANITIZER_BUILD  // normal build only (tests/README.md, "Under the sanitizers")
TEST_CASE("an init project builds out of tree against the installed package and runs") {
  Sandbox box;
  const std::string prefix = box.path("prefix");
  auto install = run_process("/usr/bin/cmake", {"--install", SDM_BUILD_DIR, "--prefix", prefix});
  REQUIRE_MESSAGE(install.exit_code == 0, install.err);
  const std::string binary = prefix + "/bin/sahara-db-manage";
  const std::string project = box.path("project");
  auto run = [&](const std::vector<std::string>& arguments,
                 std::map<std::string, std::string> environment = {}) {
    environment.emplace("HOME", box.dir());
    return run_process(binary, arguments, project, environment);
  };
  auto init = run_process(binary, {"init", project}, box.dir(), {{"HOME", box.dir()}});
  REQUIRE_MESSAGE(init.exit_code == 0, init.err);
  const std::string first = only_file(project + "/versions");
  const std::string first_id = std::filesystem::path(first).filename().string().substr(0, 12);

  auto build = [&] {
    auto configure = run_process("/usr/bin/cmake", {"-S", project, "-B", project + "/build",
                                                    "-DCMAKE_PREFIX_PATH=" + prefix});
    REQUIRE_MESSAGE(configure.exit_code == 0, (configure.out + configure.err));
    auto made = run_process("/usr/bin/cmake", {"--build", project + "/build"});
    REQUIRE_MESSAGE(made.exit_code == 0, (made.out + made.err));
  };
  build();

  // The sample config runs Sahara's history and the first revision on a scratch database.
  const std::vector<std::string> config = {"--config-file", "sahara.conf.sample"};
  auto with_config = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), config.begin(), config.end());
    return arguments;
  };
  auto upgrade = run(with_config({"upgrade", "head"}));
  REQUIRE_MESSAGE(upgrade.exit_code == 0, upgrade.err);
  CHECK(upgrade.err.find("Running upgrade 035 -> " + first_id + ", first revision") !=
        std::string::npos);
  CHECK(run(with_config({"current"})).out == first_id + " (head)\n");
  CHECK(std::filesystem::exists(project + "/sahara.sqlite"));

  // edit finds the source the build recorded.
  const std::string editor = write_logging_editor(box, box.path("edits.log"));
  REQUIRE(run(with_config({"edit", "current"}), {{"EDITOR", editor}}).exit_code == 0);
  CHECK(file_text(box.path("edits.log")) == first + "\n");

  // New revisions go into versions/ and are built on the next build.
  auto second = run(with_config({"revision", "-m", "second", "--rev-id", "5ec0nd000002"}));
  REQUIRE_MESSAGE(second.exit_code == 0, second.err);
  CHECK(second.out == "Generating " + project + "/versions/5ec0nd000002_second.cpp ...  done\n");
  build();
  REQUIRE(run(with_config({"upgrade", "head"})).exit_code == 0);
  CHECK(run(with_config({"current"})).out == "5ec0nd000002 (head)\n");

  // Installing ships the plugins into the revisions directory the installed host reads.
  auto shipped = run_process("/usr/bin/cmake", {"--install", project + "/build"});
  REQUIRE_MESSAGE(shipped.exit_code == 0, (shipped.out + shipped.err));
  const std::string revisions = prefix + "/lib/sahara-db-manage/revisions/";
  CHECK(std::filesystem::exists(revisions + "5ec0nd000002_second.so"));
  CHECK(run({"heads"}).out == "5ec0nd000002 (head)\n");

  // A source moved away since the build is named, not opened.
  std::filesystem::rename(first, box.path("moved.cpp"));
  auto moved = run(with_config({"edit", first_id}), {{"EDITOR", editor}});
  CHECK(moved.exit_code == 5);
  CHECK(moved.err == "FAILED: revision " + first_id + " (" + project + "/build/revisions/" +
                         std::filesystem::path(first).stem().string() + ".so) was built from " +
                         first + ", which is not there any more\n");
}
#endif
