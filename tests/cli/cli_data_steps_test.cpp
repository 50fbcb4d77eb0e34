// The data-loss check and a revision's own data steps, on every backend (fixture data_steps):
// rows the downgrade deletes itself before a drop are not lost; behind a code step the check
// waits until the drop is about to run, and then counts exactly what is left.
#include "cli/backend_cases.hpp"
#include "cli/backend_target.hpp"

using namespace sdm::test;

BACKEND_TEST("rows a downgrade deletes itself before dropping are not counted as lost") {
  Target t(backend);
  REQUIRE(t.run("data_steps", {"upgrade", "head"}).exit_code == 0);
  t.db.sql(
      "INSERT INTO notes (id, body) VALUES (1, 'a'); INSERT INTO notes (id, body) VALUES "
      "(2, 'b'); INSERT INTO logs (id, line) VALUES (1, 'old')");
  auto down = t.run("data_steps", {"downgrade", "base"});
  REQUIRE_MESSAGE(down.exit_code == 0, down.err);
  CHECK(down.err.find("INFO  [sdm.runtime] The data-loss check of downgrade "
                      "f10000000001 -> , notes and logs: drop_table logs is made right before "
                      "it runs") != std::string::npos);
  CHECK(down.err.find("drop_table notes is made right before") == std::string::npos);
  CHECK_FALSE(t.db.has_table("notes"));
  CHECK_FALSE(t.db.has_table("logs"));
}

BACKEND_TEST("behind a code step, the check counts right before the drop and refuses a loss") {
  Target t(backend);
  REQUIRE(t.run("data_steps", {"upgrade", "head"}).exit_code == 0);
  t.db.sql(
      "INSERT INTO notes (id, body) VALUES (1, 'a'); INSERT INTO logs (id, line) VALUES "
      "(1, 'old'); INSERT INTO logs (id, line) VALUES (2, 'keep')");
  auto down = t.run("data_steps", {"downgrade", "base"});
  CHECK(down.exit_code == 6);
  CHECK(down.err.find("this downgrade would destroy data: downgrade f10000000001 -> , "
                      "notes and logs: drop_table logs: 1 row would be deleted (counted right "
                      "before the op, after the run's code steps and SQL)") != std::string::npos);
  CHECK(t.db.sql("SELECT line FROM logs ORDER BY id") ==
        (backend == "mysql" ? "keep\n" : "old\nkeep\n"));
  if (backend != "mysql") {
    // One transaction: the deletes and the first drop were rolled back with the refusal.
    CHECK(t.db.sql("SELECT COUNT(*) FROM notes") == "1\n");
    CHECK(t.db.versions() == std::vector<std::string>{"f10000000001"});
  }
}
