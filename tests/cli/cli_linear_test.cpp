// A linear history on SQLite: upgrade, downgrade, current, history, relative targets, errors.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_support.hpp"

using namespace sdm::test;

TEST_CASE("upgrade head applies every revision and records the head") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"upgrade", "head"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("INFO  [sdm.runtime] Running upgrade  -> 1a0000000001, first revision\n") !=
        std::string::npos);
  CHECK(r.err.find("INFO  [sdm.runtime] Running upgrade 2b0000000002 -> 3c0000000003, third "
                   "revision\n") != std::string::npos);
  CHECK(sqlite_tables(box.path("test.db")) ==
        std::vector<std::string>{"alembic_version", "t_1a0000000001", "t_2b0000000002",
                                 "t_3c0000000003"});
  CHECK(version_rows(box) == std::vector<std::string>{"3c0000000003"});
  auto current = sdm_on(box, "linear", {"current"});
  CHECK(current.exit_code == 0);
  CHECK(current.out == "3c0000000003 (head)\n");
}

TEST_CASE("the version table is created exactly as Alembic creates it") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"upgrade", "+1"}).exit_code == 0);
  auto ddl = sqlite_rows(box.path("test.db"),
                         "SELECT sql FROM sqlite_master WHERE name = 'alembic_version'");
  REQUIRE(ddl.size() == 1);
  CHECK(ddl[0][0] ==
        "CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT "
        "alembic_version_pkc PRIMARY KEY (version_num)\n)");
}

TEST_CASE("downgrade steps back one revision at a time and to base") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"upgrade", "head"}).exit_code == 0);
  auto one = sdm_on(box, "linear", {"downgrade", "-1"});
  REQUIRE(one.exit_code == 0);
  CHECK(one.err.find("Running downgrade 3c0000000003 -> 2b0000000002, third revision") !=
        std::string::npos);
  CHECK(version_rows(box) == std::vector<std::string>{"2b0000000002"});
  CHECK(sqlite_tables(box.path("test.db")) ==
        std::vector<std::string>{"alembic_version", "t_1a0000000001", "t_2b0000000002"});

  auto base = sdm_on(box, "linear", {"downgrade", "base"});
  REQUIRE(base.exit_code == 0);
  CHECK(base.err.find("Running downgrade 1a0000000001 -> , first revision") != std::string::npos);
  // Online, the version table stays, empty.
  CHECK(sqlite_tables(box.path("test.db")) == std::vector<std::string>{"alembic_version"});
  CHECK(version_rows(box).empty());
  CHECK(sdm_on(box, "linear", {"current"}).out.empty());
}

TEST_CASE("delta counts from the current revision and wins over a revision argument") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"upgrade", "--delta", "1"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"1a0000000001"});
  REQUIRE(sdm_on(box, "linear", {"upgrade", "--delta", "1", "1a0000000001"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"2b0000000002"});
  REQUIRE(sdm_on(box, "linear", {"downgrade", "--delta", "2"}).exit_code == 0);
  CHECK(version_rows(box).empty());
}

TEST_CASE("relative and prefixed targets resolve as in Alembic") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"upgrade", "1a0000000001+1"}).exit_code == 0);
  CHECK(version_rows(box) == std::vector<std::string>{"2b0000000002"});
  REQUIRE(sdm_on(box, "linear", {"upgrade", "3c00"}).exit_code == 0);  // unique prefix, > 3 chars
  CHECK(version_rows(box) == std::vector<std::string>{"3c0000000003"});
  // Upgrading to a revision at or below the current one does nothing.
  auto noop = sdm_on(box, "linear", {"upgrade", "1a0000000001"});
  CHECK(noop.exit_code == 0);
  CHECK(noop.err.find("Running") == std::string::npos);
  CHECK(version_rows(box) == std::vector<std::string>{"3c0000000003"});
}

TEST_CASE("bad targets fail with Alembic's message and the revision exit code") {
  Sandbox box;
  auto unknown = sdm_on(box, "linear", {"upgrade", "nosuch"});
  CHECK(unknown.exit_code == 4);
  CHECK(unknown.err == "FAILED: Can't locate revision identified by 'nosuch'\n");
  auto no_match = sdm_on(box, "linear", {"upgrade", "4d0"});
  CHECK(no_match.exit_code == 4);
  CHECK(no_match.err == "FAILED: Can't locate revision identified by '4d0'\n");
  auto too_far = sdm_on(box, "linear", {"upgrade", "+4"});
  CHECK(too_far.exit_code == 4);
  CHECK(too_far.err == "FAILED: Relative revision +4 didn't produce 4 migrations\n");
  auto negative_delta = sdm_on(box, "linear", {"upgrade", "--delta", "-2"});
  CHECK(negative_delta.err == "FAILED: Can't locate revision identified by '+-2'\n");
  auto range_online = sdm_on(box, "linear", {"upgrade", "1a0000000001:head"});
  CHECK(range_online.exit_code == 4);
  CHECK(range_online.err == "FAILED: Range revision not allowed\n");
  // None of these touched the database file.
  CHECK(sqlite_tables(box.path("test.db")).empty());
}

TEST_CASE("upgrade without a revision or delta is a usage error") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"upgrade"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "FAILED: You must provide a revision or relative delta\n");
  auto zero = sdm_on(box, "linear", {"upgrade", "--delta", "0"});
  CHECK(zero.exit_code == 2);
  auto not_a_number = sdm_on(box, "linear", {"upgrade", "--delta", "x"});
  CHECK(not_a_number.exit_code == 2);
  CHECK(not_a_number.err == "FAILED: argument --delta: invalid int value: 'x'\n");
}

TEST_CASE("history lists newest first with the head marked") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"history"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "2b0000000002 -> 3c0000000003 (head), third revision\n"
        "1a0000000001 -> 2b0000000002, second revision\n"
        "<base> -> 1a0000000001, first revision\n");
  auto range = sdm_on(box, "linear", {"history", "-r", "2b0000000002:"});
  CHECK(range.out ==
        "2b0000000002 -> 3c0000000003 (head), third revision\n"
        "1a0000000001 -> 2b0000000002, second revision\n");
}

TEST_CASE("every command keeps the scan in the user's cache and runs the same from it") {
  Sandbox box;
  const std::string cache_dir = box.path(".cache/sahara-db-manage");
  auto cache_files = [&] {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(cache_dir, ec))
      files.push_back(entry.path().filename().string());
    return files;
  };
  REQUIRE(sdm_on(box, "linear", {"upgrade", "head"}).exit_code == 0);
  REQUIRE(cache_files().size() == 1);
  CHECK(cache_files().front().rfind("scan-", 0) == 0);
  const std::string history =
      "2b0000000002 -> 3c0000000003 (head), third revision\n"
      "1a0000000001 -> 2b0000000002, second revision\n"
      "<base> -> 1a0000000001, first revision\n";
  // Read from the cache now: the same answers, and plugins loaded from its listing.
  CHECK(sdm_on(box, "linear", {"history"}).out == history);
  CHECK(sdm_on(box, "linear", {"heads"}).out == "3c0000000003 (head)\n");
  CHECK(sdm_on(box, "linear", {"current"}).out == "3c0000000003 (head)\n");
  REQUIRE(sdm_on(box, "linear", {"downgrade", "base"}).exit_code == 0);
  CHECK(sdm_on(box, "linear", {"current"}).out.empty());
  REQUIRE(sdm_on(box, "linear", {"upgrade", "+2"}).exit_code == 0);
  CHECK(sdm_on(box, "linear", {"current"}).out == "2b0000000002\n");
  CHECK(sdm_on(box, "linear", {"upgrade", "head", "--sql"}).out.find("CREATE TABLE t_") !=
        std::string::npos);
  CHECK(cache_files().size() == 1);
}

TEST_CASE("history -i marks the current revision from the database") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"upgrade", "+2"}).exit_code == 0);
  auto r = sdm_on(box, "linear", {"history", "-i"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("1a0000000001 -> 2b0000000002 (current), second revision\n") !=
        std::string::npos);
}

TEST_CASE("history works without a reachable database") {
  Sandbox box;
  box.write("bad.conf", "[database]\nconnection = postgresql://u:p@127.0.0.1:1/nowhere\n");
  auto r = run_sdm(box, {"--config-file", box.path("bad.conf"), "--revisions-dir",
                         fixture_dir("linear"), "history"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("<base> -> 1a0000000001, first revision") != std::string::npos);
}

TEST_CASE("current -v names the database and shows each revision in full") {
  Sandbox box;
  REQUIRE(sdm_on(box, "linear", {"upgrade", "+1"}).exit_code == 0);
  auto r = sdm_on(box, "linear", {"current", "-v"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("Current revision(s) for sqlite:///" + box.path("test.db") +
                        ":\nRev: "
                        "1a0000000001\n",
                    0) == 0);
  CHECK(r.out.find("Path: " + fixture_dir("linear") + "/r1_first.so\n") != std::string::npos);
}

TEST_CASE("show prints one revision in full") {
  Sandbox box;
  auto r = sdm_on(box, "linear", {"show", "2b0000000002"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "Rev: 2b0000000002\n"
        "Parent: 1a0000000001\n"
        "Path: " +
            fixture_dir("linear") +
            "/r2_second.so\n"
            "\n"
            "    second revision\n"
            "\n");
}
