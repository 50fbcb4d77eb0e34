// Plugin rejections as operators see them: `plugins` lists each with why, every other
// command refuses to work on a broken revision set and touches no database.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

struct Rejection {
  std::string scenario;
  std::string file;
  std::string reason;
};

/// `plugins` output names the rejected file and gives the reason on the next line.
bool lists_rejection(const std::string& out, const std::string& path, const std::string& reason) {
  return out.find("  rejected  " + path + "\n            " + reason) != std::string::npos;
}

}  // namespace

TEST_CASE("each broken revision graph is rejected naming the file, and no database is touched") {
  const std::vector<Rejection> cases = {
      {"duplicate_id", "r2.so",
       "Revision d0d000000001 is present more than once (also in " + fixture_dir("duplicate_id") +
           "/r1.so)"},
      {"unknown_parent", "r1.so",
       "Revision feedfacecafe referenced from 0a0000000001 is not present"},
      {"unknown_depends", "r1.so",
       "Dependency feedfacecafe referenced from 0b0000000001 is not present"},
      {"cycle", "r1.so", "Cycle is detected in revisions (cc0000000001, cc0000000002)"},
      {"illegal_id", "r1.so", "Character(s) '-' not allowed in revision identifier 'bad-id'"},
      {"duplicate_label", "r2.so",
       "Branch name 'same' in revision 1b0000000002 already used by revision 1b0000000001"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.scenario);
    Sandbox box;
    std::string path = fixture_dir(c.scenario) + "/" + c.file;
    auto listing = sdm_on(box, c.scenario, {"plugins"});
    CHECK(listing.exit_code == 5);
    CHECK(lists_rejection(listing.out, path, c.reason));
    for (const auto& command : std::vector<std::vector<std::string>>{
             {"history"}, {"upgrade", "head"}, {"current"}, {"check_migration"}}) {
      auto r = sdm_on(box, c.scenario, command);
      CHECK(r.exit_code == 4);
      CHECK(r.err == "FAILED: " + path + ": " + c.reason + "\n");
    }
    CHECK_FALSE(std::filesystem::exists(box.path("test.db")));
  }
}

TEST_CASE("plugins lists every file-level rejection with its reason") {
  Sandbox box;
  auto r = sdm_on(box, "loader", {"plugins"});
  CHECK(r.exit_code == 5);
  const std::string dir = fixture_dir("loader") + "/";
  CHECK(lists_rejection(r.out, dir + "not_elf.so", "not a shared object (not an ELF file)"));
  CHECK(
      lists_rejection(r.out, dir + "relocatable.so", "not a shared object (ELF, but not ET_DYN)"));
  CHECK(lists_rejection(r.out, dir + "no_entry.so", "no plugin entry point"));
  CHECK(lists_rejection(r.out, dir + "no_metadata.so", "no plugin metadata"));
  CHECK(lists_rejection(r.out, dir + "wrong_abi.so", "built for plugin ABI version 999"));
  CHECK(lists_rejection(r.out, dir + "wrong_build_key.so", "built with build key"));
  CHECK(r.out.find("read      aaaa00000001, aaaa00000002  " + dir + "two_revisions.so") !=
        std::string::npos);
  CHECK(r.out.find("  loaded    sqlite (sqlite://)  ") != std::string::npos);
  CHECK(r.err == "FAILED: 6 plugin problem(s); each is listed above\n");
}

TEST_CASE("plugins --load also reports what only loading reveals") {
  Sandbox box;
  auto r = sdm_on(box, "loader", {"plugins", "--load"});
  CHECK(r.exit_code == 5);
  const std::string dir = fixture_dir("loader") + "/";
  CHECK(lists_rejection(r.out, dir + "init_throws.so",
                        "its init failed: cannot find my lookup table"));
  CHECK(lists_rejection(r.out, dir + "descriptor_abi.so",
                        "its descriptor has plugin ABI version 3, this host speaks version 2"));
  CHECK(lists_rejection(r.out, dir + "unresolved.so", "cannot be loaded: "));
  CHECK(r.err == "FAILED: 9 plugin problem(s); each is listed above\n");
}

TEST_CASE("a healthy set of plugins lists cleanly and exits 0") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"plugins", "--load"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("loaded    1a0000000001  " + fixture_dir("linear") + "/r1_first.so") !=
        std::string::npos);
  CHECK(r.out.find("rejected") == std::string::npos);
}

TEST_CASE("a revision whose plugin fails to load is refused before the database is touched") {
  Sandbox box;
  // Build a directory holding a good base and a child whose init throws.
  auto dir = box.path("revisions");
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(fixture_dir("loader") + "/init_throws.so", dir + "/init_throws.so");
  auto r = run_sdm(
      box, {"--config-file", box.sqlite_config(), "--revisions-dir", dir, "upgrade", "head"});
  CHECK(r.exit_code == 5);
  CHECK(r.err == "FAILED: revision plugin " + dir +
                     "/init_throws.so rejected: its init failed: cannot find my lookup table\n");
  CHECK(sqlite_tables(box.path("test.db")).empty());
  // Listing history never loads it, so it works.
  auto history = run_sdm(box, {"--revisions-dir", dir, "history"});
  CHECK(history.exit_code == 0);
  CHECK(history.out == "<base> -> initthrows01 (head), init throws\n");
}

TEST_CASE("a URL scheme without a driver is a config error naming the schemes there are") {
  Sandbox box;
  box.write("odd.conf", "[database]\nconnection = oracle://scott:tiger@db/orcl\n");
  auto r = run_sdm(box, {"--config-file", box.path("odd.conf"), "--revisions-dir",
                         fixture_dir("linear"), "current"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("FAILED: no driver for URL scheme 'oracle' in ") == 0);
  CHECK(r.err.find("sqlite") != std::string::npos);
  CHECK(r.err.find("tiger") == std::string::npos);
}
