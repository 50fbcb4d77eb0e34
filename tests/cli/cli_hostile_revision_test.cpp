// revision with hostile messages, ids and labels: what cannot be escaped is refused with the
// rule, and every source written compiles (trigraphs on, warnings as errors) into a plugin
// whose dynamic symbols and metadata hold nothing but its own.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "cli/cli_support.hpp"

using namespace sdm::test;

#ifndef SDM_SANITIZER_BUILD  // normal build only (tests/README.md, "Under the sanitizers")
namespace {

/// Compiles one revision source into a plugin, as strictly as a compiler can be asked.
ProcessResult compile(const std::string& source, const std::string& plugin) {
  return run_process(
      "/usr/bin/c++",
      {"-std=c++17", "-trigraphs", "-Wall", "-Wextra", "-Werror", "-fPIC", "-shared",
       "-fvisibility=hidden", "-Wl,--no-undefined",
       "-I" + std::string(SDM_SOURCE_DIR) + "/plugins/include", source, "-o", plugin});
}

/// The defined dynamic symbols of a shared object, one per line.
std::string dynamic_symbols(const std::string& plugin) {
  return run_process("/usr/bin/nm", {"-D", "--defined-only", "--format=just-symbols", plugin}).out;
}

}  // namespace

TEST_CASE("hostile messages compile into nothing but the revision they describe") {
  Sandbox box;
  const std::vector<std::string> messages = {
      "x\rint injected_cr = 1;",
      "x\r\nint injected_crlf = 1;",
      "x\xe2\x80\xa8int injected_ls = 1;",
      "x\xe2\x80\xa9int injected_ps = 1;",
      "x\xc2\x85int injected_nel = 1;",
      "ends in a backslash\\",
      "ends in a backslash and blanks\\  \t",
      "*/ int injected_block = 1; /*",
      "\"); int injected_quote = 1; //",
      "trigraph ?\?/\nint injected_trigraph = 1;",
      "?\?= ?\?( ?\?) ?\?' ?\?< ?\?> ?\?! ?\?- ?\?\?",
      "\x1b[2J\x07 control and \x7f delete",
      "invalid \xff\xfe UTF-8 \xc3",
      "\\u0022 \\x22 \\042 escapes written out",
      "line one\n\nline three\\\nint injected_continued = 1;",
  };
  const std::string revisions = box.path("revisions");
  std::filesystem::create_directories(revisions);
  for (const auto& entry : std::filesystem::directory_iterator(fixture_dir("linear")))
    std::filesystem::copy_file(entry.path(), revisions + "/" + entry.path().filename().string());
  const std::string config = box.sqlite_config();
  int index = 0;
  for (const std::string& message : messages) {
    CAPTURE(message);
    const std::string id = "e0" + std::to_string(100 + index);
    const std::string dir = box.path("src/" + id);
    auto generate = run_sdm(
        box, {"--config-file", config, "--revisions-dir", fixture_dir("linear"), "revision", "-m",
              message, "--rev-id", id, "--branch-label", "b" + id, "--version-path", dir});
    REQUIRE_MESSAGE(generate.exit_code == 0, generate.err);
    const std::string plugin = revisions + "/z_" + id + ".so";
    auto built = compile(only_file(dir), plugin);
    REQUIRE_MESSAGE(built.exit_code == 0, built.err);
    CHECK(dynamic_symbols(plugin) == "sdm_plugin_entry\n");
    // Nothing of a message became code, exported or not.
    CHECK(run_process("/usr/bin/nm", {"--defined-only", plugin}).out.find("injected") ==
          std::string::npos);
    // The metadata holds the message exactly, and the revision nothing else.
    auto shown = run_sdm(box, {"--config-file", config, "--revisions-dir", revisions, "show", id});
    REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
    CHECK(shown.out.find("Rev: " + id + " (head)\nParent: 3c0000000003\nBranch names: b" + id +
                         "\nPath: " + plugin + "\n") == 0);
    ++index;
  }
  // Every plugin loads and runs; the graph holds exactly the revisions made.
  auto listed =
      run_sdm(box, {"--config-file", config, "--revisions-dir", revisions, "plugins", "--load"});
  CHECK_MESSAGE(listed.exit_code == 0, (listed.out + listed.err));
  auto heads = run_sdm(box, {"--config-file", config, "--revisions-dir", revisions, "heads"});
  CHECK(std::count(heads.out.begin(), heads.out.end(), '\n') == static_cast<long>(messages.size()));
}
#endif

TEST_CASE("ids and labels outside the rules are refused with the rule, and nothing is written") {
  Sandbox box;
  const std::string src = box.path("src");
  auto refused = [&](const std::vector<std::string>& options) {
    std::vector<std::string> arguments = {"revision", "-m", "x", "--version-path", src};
    arguments.insert(arguments.end(), options.begin(), options.end());
    return sdm_on(box, "linear", arguments);
  };
  auto escape = refused({"--rev-id", "../../q3"});
  CHECK(escape.exit_code == 4);
  CHECK(escape.err ==
        "FAILED: Revision identifier '../../q3' is not allowed for a new revision: an id is 1 to "
        "32 ASCII letters, digits, '_' or '.', does not start with '.', and is not head, heads, "
        "base or current (it names the source file and is stored in "
        "alembic_version.version_num, VARCHAR(32))\n");
  auto newline_id = refused({"--rev-id", "ab\ncd"});
  CHECK(newline_id.exit_code == 4);
  CHECK(newline_id.err == "FAILED: Whitespace not allowed in revision identifier 'ab\\ncd'\n");
  auto newline_label = refused({"--branch-label", "lab\nel"});
  CHECK(newline_label.exit_code == 4);
  CHECK(newline_label.err.find("not allowed in branch label 'lab\\nel'") != std::string::npos);
  for (const std::string& id : {std::string("/etc/x"), std::string(".."), std::string("head"),
                                std::string(33, 'a'), std::string("caf\xc3\xa9")})
    CHECK_MESSAGE(refused({"--rev-id", id}).exit_code == 4, id);
  for (const std::string& label : {std::string("a@b"), std::string("a,b"), std::string("base")})
    CHECK_MESSAGE(refused({"--branch-label", label}).exit_code == 4, label);
  CHECK_FALSE(std::filesystem::exists(src));
  CHECK_FALSE(std::filesystem::exists(box.path("q3_x.cpp")));
}

TEST_CASE("revision never writes through a symlink or over a file") {
  Sandbox box;
  const std::string src = box.path("src");
  std::filesystem::create_directories(src);
  std::filesystem::create_symlink(box.path("elsewhere.cpp"), src + "/5ee000000001_x.cpp");
  auto r = sdm_on(box, "linear",
                  {"revision", "-m", "x", "--rev-id", "5ee000000001", "--version-path", src});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "FAILED: " + src + "/5ee000000001_x.cpp already exists; choose another --rev-id\n");
  CHECK_FALSE(std::filesystem::exists(box.path("elsewhere.cpp")));
}

TEST_CASE("the file-name slug is cut on a character boundary") {
  Sandbox box;
  // 39 ASCII letters, then a two-byte letter across the 40th character.
  const std::string message = std::string(39, 'a') + "\xc3\xa9\xc3\xa9 b";
  auto r = sdm_on(
      box, "linear",
      {"revision", "-m", message, "--rev-id", "51u900000001", "--version-path", box.path("src")});
  REQUIRE(r.exit_code == 0);
  CHECK(only_file(box.path("src")) ==
        box.path("src/51u900000001_" + std::string(39, 'a') + "\xc3\xa9_.cpp"));
  auto upper = sdm_on(box, "linear",
                      {"revision", "-m",
                       "\xc3\x89T\xc3\x89 \xe2\x80\x94 Stra\xc3\x9f"
                       "e!",
                       "--rev-id", "51u900000002", "--version-path", box.path("src2")});
  REQUIRE(upper.exit_code == 0);
  CHECK(only_file(box.path("src2")) == box.path("src2/51u900000002_\xc3\xa9t\xc3\xa9_stra\xc3\x9f"
                                                "e.cpp"));
}
