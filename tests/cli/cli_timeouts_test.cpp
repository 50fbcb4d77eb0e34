// --statement-timeout and --lock-wait-timeout on every backend: a statement that runs too long,
// or DDL queued behind another transaction's lock, fails the run instead of holding it.
#include <chrono>
#include <thread>

#include "cli/backend_cases.hpp"
#include "cli/backend_target.hpp"

using namespace sdm::test;

namespace {

using Names = std::vector<std::string>;

/// SQL for the database's own client: a transaction that reads t_1a0000000001 (so DDL on that
/// table must wait for it) and stays open for about four seconds.
std::string long_reader(const std::string& backend) {
  if (backend == "postgresql")
    return "BEGIN; SELECT count(*) FROM t_1a0000000001; SELECT pg_sleep(4); COMMIT;";
  if (backend == "mysql")
    return "START TRANSACTION; SELECT count(*) FROM t_1a0000000001; DO SLEEP(4); COMMIT;";
  // SQLite: a write transaction holds the database's write lock while it computes.
  return "BEGIN IMMEDIATE; INSERT INTO t_1a0000000001 (id) VALUES (1); WITH RECURSIVE n(x) AS "
         "(SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 30000000) SELECT count(*) FROM n; "
         "ROLLBACK;";
}

}  // namespace

BACKEND_TEST("--statement-timeout stops a statement that runs longer and fails the run") {
  Target t(backend);
  auto r = t.run("slow", {"upgrade", "head", "--statement-timeout", "1"});
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("FAILED: upgrade 1a0000000001 -> 2b0000000002, slow revision failed at op 2 "
                   "of 2 (execute): ") != std::string::npos);
  CHECK(r.err.find("(the statement ran longer than the statement timeout, 1 s; raise "
                   "--statement-timeout, or set it to 0 for no limit)") != std::string::npos);
  if (backend == "mysql")
    CHECK(t.db.versions() == Names{"1a0000000001"});
  else
    CHECK(t.db.versions().empty());
}

BACKEND_TEST("statement_timeout in the config file applies to every command") {
  Target t(backend);
  t.box.write("db.conf", "[database]\nconnection = " + t.db.url() +
                             "\n[sahara_db_manage]\nstatement_timeout = 1\n");
  auto r = t.run("slow", {"upgrade", "head"});
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("ran longer than the statement timeout, 1 s") != std::string::npos);
  // The command line wins over the file.
  auto unbounded = t.run("slow", {"upgrade", "head", "--statement-timeout", "0"});
  if (backend != "mysql") CHECK_MESSAGE(unbounded.exit_code == 0, unbounded.err);
}

BACKEND_TEST("--lock-wait-timeout fails DDL queued behind another transaction, with exit 7") {
  Target t(backend);
  REQUIRE(t.run("altering", {"upgrade", "1a0000000001"}).exit_code == 0);
  auto reader = t.db.start_sql(long_reader(backend));
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  auto r = t.run("altering", {"upgrade", "head", "--lock-wait-timeout", "1"});
  auto held = reader->wait();
  CHECK_MESSAGE(held.exit_code == 0, held.err);
  CHECK(r.exit_code == 7);
  CHECK(
      r.err.find("waited longer than the lock-wait timeout, 1 s, for a lock another "
                 "transaction holds: let that transaction finish, or raise --lock-wait-timeout") !=
      std::string::npos);
  CHECK(t.db.versions() == Names{"1a0000000001"});
  // Once the other transaction ends, the same command goes through.
  auto again = t.run("altering", {"upgrade", "head", "--lock-wait-timeout", "1"});
  CHECK_MESSAGE(again.exit_code == 0, again.err);
  CHECK(t.db.versions() == Names{"2b0000000002"});
}

TEST_CASE("the timeouts take whole seconds and say so otherwise") {
  Sandbox box;
  for (const char* option : {"--statement-timeout", "--lock-wait-timeout"}) {
    for (const char* bad : {"soon", "-1", "1.5", "2000001", ""}) {
      CAPTURE(std::string(option) + " " + bad);
      auto r = sdm_on(box, "linear", {"upgrade", "head", option, bad});
      CHECK(r.exit_code == 2);
      CHECK(r.err == "FAILED: " + std::string(option) +
                         " needs a whole number of seconds from 0 to 2000000, not '" + bad + "'\n");
    }
  }
  CHECK(sqlite_tables(box.path("test.db")).empty());
}
