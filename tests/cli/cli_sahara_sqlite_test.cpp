// Sahara's real history on SQLite: the listing the Python tool prints, and a full upgrade
// that goes past where the Python tool stops while keeping the rows.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

ProcessResult sahara(const Sandbox& box, const std::vector<std::string>& arguments) {
  std::vector<std::string> all = {"--config-file", box.sqlite_config(), "--revisions-dir",
                                  sahara_revisions_dir()};
  all.insert(all.end(), arguments.begin(), arguments.end());
  return run_sdm(box, all);
}

/// `history` as the Python tool prints it (cli.md §4), shared with the graph tests.
std::string sahara_history() {
  std::ifstream file(SDM_TEST_DATA_DIR "/sahara_history.txt");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("history of Sahara's revisions is byte for byte the Python tool's") {
  Sandbox box;
  auto r = sahara(box, {"history"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == sahara_history());
}

TEST_CASE("Sahara's three-character ids cannot be abbreviated") {
  Sandbox box;
  auto r = sahara(box, {"upgrade", "03"});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "FAILED: Can't locate revision identified by '03'\n");
}

TEST_CASE("SQLite goes to 035 and rows inserted at 006 are still there") {
  Sandbox box;
  const std::string db = box.path("test.db");
  REQUIRE(sahara(box, {"upgrade", "006"}).exit_code == 0);
  sqlite_exec(db, kSaharaRowsAt006);
  auto r = sahara(box, {"upgrade", "head"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(sahara(box, {"current"}).out == "035 (head)\n");
  check_sahara_rows_from_006(db);
  // 025 widened the IP columns; 027 renamed oozie_job_id.
  CHECK(sqlite_rows(db,
                    "SELECT type FROM pragma_table_info('instances') WHERE name = 'internal_ip'") ==
        std::vector<std::vector<std::string>>{{"VARCHAR(45)"}});
  CHECK(sqlite_rows(db,
                    "SELECT count(*) FROM pragma_table_info('job_executions') WHERE name = "
                    "'engine_job_id'") == std::vector<std::vector<std::string>>{{"1"}});
}

TEST_CASE("a database left at 020 (as the Python tool leaves one) continues to head") {
  Sandbox box;
  REQUIRE(sahara(box, {"upgrade", "020"}).exit_code == 0);
  // A fresh run knows only the version row; the tables it must rebuild come from 001..020.
  auto r = sahara(box, {"upgrade", "head"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.err.find("Running upgrade 020 -> 021") != std::string::npos);
  CHECK(sahara(box, {"current"}).out == "035 (head)\n");
}

TEST_CASE("stamp 020 on a head database moves only the version row") {
  Sandbox box;
  REQUIRE(sahara(box, {"upgrade", "head"}).exit_code == 0);
  auto r = sahara(box, {"stamp", "020"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("Running stamp_revision 035 -> 020") != std::string::npos);
  CHECK(sahara(box, {"current"}).out == "020\n");
}
