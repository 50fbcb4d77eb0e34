// The built-in drivers pass the conformance program, run exactly as a vendor runs it: the
// program, a driver plugin file and the URL of an empty scratch database.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "support/process.hpp"
#include "support/test_databases.hpp"

namespace {

/// Sanitizer builds: the program starts the binary dozens of times, whose leaks a dedicated test
/// checks (see tests/CMakeLists.txt); here only memory errors count.
std::string lsan_options() {
  const char* inherited = std::getenv("LSAN_OPTIONS");
  return std::string(inherited ? inherited : "") + ":detect_leaks=0";
}

void passes_conformance(const std::string& backend) {
  sdm::test::ScratchDatabase database(backend);
  // The URL through the environment, as the program recommends for passwords.
  const auto result = sdm::test::run_process(
      SDM_CONFORMANCE_PROGRAM, {"--driver", std::string(SDM_DRIVER_DIR) + "/" + backend + ".so"},
      ".", {{"SDM_CONFORMANCE_URL", database.url()}, {"LSAN_OPTIONS", lsan_options()}});
  INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("Status: SUCCESS!") != std::string::npos);
  CHECK(database.tables().empty());
}

}  // namespace

TEST_CASE("the sqlite driver passes the conformance program") {
  passes_conformance("sqlite");
}

#ifdef SDM_TEST_POSTGRESQL
TEST_CASE("the postgresql driver passes the conformance program") {
  passes_conformance("postgresql");
}
#endif

#ifdef SDM_TEST_MYSQL
TEST_CASE("the mysql driver passes the conformance program") {
  passes_conformance("mysql");
}
#endif

TEST_CASE("the conformance program refuses a database that is not empty") {
  sdm::test::ScratchDatabase database("sqlite");
  database.sql("CREATE TABLE precious (id INTEGER)");
  const auto result = sdm::test::run_process(
      SDM_CONFORMANCE_PROGRAM,
      {"--driver", std::string(SDM_DRIVER_DIR) + "/sqlite.so", "--url", database.url()});
  CHECK(result.exit_code == 6);
  CHECK(result.err.find("has tables (precious); the conformance suite creates and drops tables, "
                        "so give it an empty scratch database") != std::string::npos);
  CHECK(database.tables() == std::vector<std::string>{"precious"});
}

TEST_CASE("the conformance program explains its command line") {
  const auto help = sdm::test::run_process(SDM_CONFORMANCE_PROGRAM, {"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--driver FILE.so") != std::string::npos);
  const auto missing = sdm::test::run_process(SDM_CONFORMANCE_PROGRAM, {"--driver", "x.so"}, ".",
                                              {{"SDM_CONFORMANCE_URL", ""}});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("give --driver and --url") != std::string::npos);
  const auto no_file = sdm::test::run_process(
      SDM_CONFORMANCE_PROGRAM, {"--driver", "/nonexistent/x.so", "--url", "sqlite://"});
  CHECK(no_file.exit_code == 3);
  CHECK(no_file.err.find("the driver plugin /nonexistent/x.so is not a file") != std::string::npos);
}
