// edit: the source each plugin recorded at build time, opened in the user's editor.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

/// An "editor" that appends the file it was given to <sandbox>/edits.log.
std::string fake_editor(const Sandbox& box) {
  return write_logging_editor(box, box.path("edits.log"));
}

std::string edits(const Sandbox& box) {
  return file_text(box.path("edits.log"));
}

/// `edit ARGUMENTS` with the given environment (an empty value unsets a variable; EDITOR and
/// VISUAL are unset unless given).
ProcessResult edit(const Sandbox& box, const std::string& scenario,
                   std::map<std::string, std::string> environment,
                   const std::vector<std::string>& arguments) {
  std::vector<std::string> all = {"--config-file", box.sqlite_config(), "--revisions-dir",
                                  fixture_dir(scenario), "edit"};
  all.insert(all.end(), arguments.begin(), arguments.end());
  environment.emplace("EDITOR", "");
  environment.emplace("VISUAL", "");
  environment.emplace("HOME", box.dir());
  return run_process(binary_path(), all, box.dir(), environment);
}

const std::string kFixtureSources = std::string(SDM_BUILD_DIR) + "/tests/fixture-src/";

}  // namespace

TEST_CASE("edit opens the source each revision was built from, one after the other") {
  Sandbox box;
  const std::string editor = fake_editor(box);
  auto heads = edit(box, "branched", {{"EDITOR", editor}}, {"heads"});
  REQUIRE_MESSAGE(heads.exit_code == 0, heads.err);
  CHECK(edits(box) ==
        kFixtureSources + "branched/r2_left.cpp\n" + kFixtureSources + "branched/r3_right.cpp\n");
  // VISUAL serves when EDITOR is not set.
  std::filesystem::remove(box.path("edits.log"));
  REQUIRE(edit(box, "branched", {{"VISUAL", editor}}, {"ba5e"}).exit_code == 0);
  CHECK(edits(box) == kFixtureSources + "branched/r1_base.cpp\n");
}

TEST_CASE("edit current opens what the database is at, and says when it is at nothing") {
  Sandbox box;
  const std::string editor = fake_editor(box);
  auto none = edit(box, "linear", {{"EDITOR", editor}}, {"current"});
  CHECK(none.exit_code == 4);
  CHECK(none.err == "FAILED: No current revisions\n");
  REQUIRE(sdm_on(box, "linear", {"upgrade", "2b0000000002"}).exit_code == 0);
  REQUIRE(edit(box, "linear", {{"EDITOR", editor}}, {"current"}).exit_code == 0);
  CHECK(edits(box) == kFixtureSources + "linear/r2_second.cpp\n");
}

TEST_CASE("edit refuses what names no revision file, as Alembic does") {
  Sandbox box;
  auto base = edit(box, "linear", {{"EDITOR", fake_editor(box)}}, {"base"});
  CHECK(base.exit_code == 4);
  CHECK(base.err == "FAILED: No revision files indicated by symbol 'base'\n");
  auto unknown = edit(box, "linear", {{"EDITOR", fake_editor(box)}}, {"nosuch"});
  CHECK(unknown.exit_code == 4);
  CHECK(unknown.err == "FAILED: Can't locate revision identified by 'nosuch'\n");
  CHECK_FALSE(std::filesystem::exists(box.path("edits.log")));
}

TEST_CASE("a plugin built without its source path gets a clear message") {
  Sandbox box;
  auto r = edit(box, "no_source", {{"EDITOR", fake_editor(box)}}, {"head"});
  CHECK(r.exit_code == 5);
  CHECK(r.err == "FAILED: revision 50c000000001 (" + fixture_dir("no_source") +
                     "/r1.so) does not record where its source is: it was built without "
                     "sdm_add_revision() from this version's CMake package; rebuild it with "
                     "that, or open its source yourself\n");
  CHECK_FALSE(std::filesystem::exists(box.path("edits.log")));
  // Everything else about it works as before.
  CHECK(sdm_on(box, "no_source", {"upgrade", "head"}).exit_code == 0);
}

TEST_CASE("the editor failing, or none being found, is an error in Alembic's words") {
  Sandbox box;
  auto failing = edit(box, "linear", {{"EDITOR", "/bin/false"}}, {"head"});
  CHECK(failing.exit_code == 2);
  CHECK(failing.err == "FAILED: Error executing editor (Command '['/bin/false', '" +
                           kFixtureSources +
                           "linear/r3_third.cpp']' returned non-zero exit status 1.)\n");
  auto none =
      edit(box, "linear", {{"EDITOR", "no-such-editor"}, {"PATH", box.path("bin")}}, {"head"});
  CHECK(none.exit_code == 2);
  CHECK(none.err ==
        "FAILED: Error executing editor (No suitable editor found. Please set the \"EDITOR\" or "
        "\"VISUAL\" environment variables)\n");
}
