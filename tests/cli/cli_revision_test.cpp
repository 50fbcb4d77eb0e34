// revision and merge write sources; one generated revision is built out of tree against the
// installed package and applied by the installed binary.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("revision writes a source based on the head, named after the message") {
  Sandbox box;
  auto r = sdm_on(box, "linear",
                  {"revision", "-m", "Add a \"note\" column!", "--rev-id", "0f0f0f0f0f0f",
                   "--version-path", box.path("src")});
  REQUIRE(r.exit_code == 0);
  const std::string path = box.path("src/0f0f0f0f0f0f_add_a_note_column.cpp");
  CHECK(r.out == "Generating " + path + " ...  done\n");
  std::string source = file_text(path);
  CHECK(source.find("// Add a \"note\" column!\n//\n// Revision ID: 0f0f0f0f0f0f\n// Revises: "
                    "3c0000000003\n// Create Date: ") == 0);
  CHECK(source.find("SDM_REVISION_EX(revision_0f0f0f0f0f0f, \"0f0f0f0f0f0f\", \"3c0000000003\", "
                    "\"\", \"\",") != std::string::npos);
  CHECK(source.find("\"Add a \\\"note\\\" column!\\n\\nRevision ID: 0f0f0f0f0f0f\\nRevises: "
                    "3c0000000003\\nCreate Date: ") != std::string::npos);
  CHECK(source.find("SDM_REVISION_PLUGIN(revision_0f0f0f0f0f0f)") != std::string::npos);
}

TEST_CASE("revision without a message and with a generated id") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"revision", "--version-path", box.path("src")});
  REQUIRE(r.exit_code == 0);
  std::string path = only_file(box.path("src"));
  std::string name = std::filesystem::path(path).filename().string();
  CHECK(name.size() == std::string("0123456789ab_.cpp").size());
  CHECK(name.substr(12) == "_.cpp");
  CHECK(file_text(path).find("// empty message\n") == 0);
}

TEST_CASE("revision refuses what Alembic refuses") {
  Sandbox box;
  auto branched = sdm_on(box, "branched", {"revision", "-m", "x", "--version-path", box.path("s")});
  CHECK(branched.exit_code == 4);
  CHECK(branched.err ==
        "FAILED: Multiple heads are present; please specify the head revision on which the new "
        "revision should be based, or perform a merge.\n");
  auto not_head =
      sdm_on(box, "linear",
             {"revision", "-m", "x", "--head", "1a0000000001", "--version-path", box.path("s")});
  CHECK(not_head.exit_code == 4);
  CHECK(not_head.err ==
        "FAILED: Revision 1a0000000001 is not a head revision; please specify --splice to "
        "create a new branch from this revision\n");
  auto splice = sdm_on(box, "linear",
                       {"revision", "-m", "x", "--head", "1a0000000001", "--splice", "--rev-id",
                        "5b1ce0000000", "--version-path", box.path("s")});
  CHECK(splice.exit_code == 0);
  auto duplicate = sdm_on(
      box, "linear", {"revision", "--rev-id", "1a0000000001", "--version-path", box.path("s")});
  CHECK(duplicate.exit_code == 4);
  auto illegal =
      sdm_on(box, "linear", {"revision", "--rev-id", "a-b", "--version-path", box.path("s")});
  CHECK(illegal.exit_code == 4);
  CHECK(illegal.err == "FAILED: Character(s) '-' not allowed in revision identifier 'a-b'\n");
}

TEST_CASE("merge writes a revision joining the heads") {
  Sandbox box;
  auto r = sdm_on(box, "branched",
                  {"merge", "-m", "join left and right", "--rev-id", "aabbccddeeff",
                   "--version-path", box.path("src"), "heads"});
  REQUIRE(r.exit_code == 0);
  std::string source = file_text(box.path("src/aabbccddeeff_join_left_and_right.cpp"));
  CHECK(source.find("\"aabbccddeeff\", \"1eft00000002, 7ight0000003\"") != std::string::npos);
  CHECK(source.find("// Revises: 1eft00000002, 7ight0000003\n") != std::string::npos);
  auto not_heads = sdm_on(
      box, "branched",
      {"merge", "-m", "x", "--version-path", box.path("src"), "ba5e00000001", "1eft00000002"});
  CHECK(not_heads.exit_code == 4);
}

TEST_CASE("revision and merge chain on sources in --version-path that are not built yet") {
  Sandbox box;
  const std::string src = box.path("src");
  auto first = sdm_on(box, "linear",
                      {"revision", "-m", "one", "--rev-id", "a00000000001", "--version-path", src});
  REQUIRE(first.exit_code == 0);
  // The built head is no longer a head: the unbuilt a00000000001 revises it.
  auto refused = sdm_on(box, "linear",
                        {"revision", "-m", "two", "--rev-id", "b00000000002", "--head",
                         "3c0000000003", "--version-path", src});
  CHECK(refused.exit_code == 4);
  CHECK(refused.err.find("Revision 3c0000000003 is not a head revision") != std::string::npos);
  auto second = sdm_on(box, "linear",
                       {"revision", "-m", "two", "--rev-id", "b00000000002", "--head",
                        "3c0000000003", "--splice", "--version-path", src});
  REQUIRE(second.exit_code == 0);
  auto merged =
      sdm_on(box, "linear",
             {"merge", "-m", "join", "--rev-id", "c00000000003", "--version-path", src, "heads"});
  REQUIRE_MESSAGE(merged.exit_code == 0, merged.err);
  CHECK(file_text(box.path("src/c00000000003_join.cpp"))
            .find("// Revises: a00000000001, "
                  "b00000000002\n") != std::string::npos);
  auto next = sdm_on(box, "linear", {"revision", "-m", "after", "--version-path", src});
  REQUIRE(next.exit_code == 0);
  std::string after;
  for (const auto& entry : std::filesystem::directory_iterator(src))
    if (entry.path().string().find("_after.cpp") != std::string::npos) after = entry.path();
  CHECK(file_text(after).find("// Revises: c00000000003\n") != std::string::npos);
  // The built revisions themselves are unchanged.
  CHECK(sdm_on(box, "linear", {"heads"}).out == "3c0000000003 (head)\n");
}

#ifndef SDM_SANITIZER_BUILD  // normal build only (tests/README.md, "Under the sanitizers")
TEST_CASE("a generated revision builds out of tree against the installed package and runs") {
  Sandbox box;
  const std::string prefix = box.path("prefix");
  auto install = run_process("/usr/bin/cmake", {"--install", SDM_BUILD_DIR, "--prefix", prefix});
  REQUIRE_MESSAGE(install.exit_code == 0, install.err);
  // The install tree can move: the binary finds its plugins relative to itself.
  const std::string moved = box.path("moved");
  std::filesystem::rename(prefix, moved);
  const std::string binary = moved + "/bin/sahara-db-manage";
  const std::string config = box.sqlite_config();

  auto generate = run_process(binary,
                              {"--config-file", config, "revision", "-m", "add a note", "--rev-id",
                               "70a0b0c0d0e0", "--version-path", box.path("project")},
                              box.dir(), {{"HOME", box.dir()}});
  REQUIRE_MESSAGE(generate.exit_code == 0, generate.err);
  box.write("project/CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.25)\n"
            "project(my_revisions CXX)\n"
            "find_package(SaharaDbManage REQUIRED)\n"
            "sdm_add_revision(add_note 70a0b0c0d0e0_add_a_note.cpp)\n");
  auto configure = run_process(
      "/usr/bin/cmake",
      {"-S", box.path("project"), "-B", box.path("project-build"), "-DCMAKE_PREFIX_PATH=" + moved});
  REQUIRE_MESSAGE(configure.exit_code == 0, (configure.out + configure.err));
  auto build = run_process("/usr/bin/cmake", {"--build", box.path("project-build")});
  REQUIRE_MESSAGE(build.exit_code == 0, (build.out + build.err));

  const std::string revisions = moved + "/lib/sahara-db-manage/revisions";
  std::filesystem::copy_file(box.path("project-build/add_note.so"), revisions + "/add_note.so");
  auto upgrade = run_process(binary, {"--config-file", config, "upgrade", "head"}, box.dir(),
                             {{"HOME", box.dir()}});
  REQUIRE_MESSAGE(upgrade.exit_code == 0, upgrade.err);
  CHECK(upgrade.err.find("Running upgrade 035 -> 70a0b0c0d0e0, add a note") != std::string::npos);
  auto current =
      run_process(binary, {"--config-file", config, "current"}, box.dir(), {{"HOME", box.dir()}});
  CHECK(current.out == "70a0b0c0d0e0 (head)\n");
}
#endif
