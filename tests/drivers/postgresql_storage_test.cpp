// Which tables a downgrade's data-loss check may leave uncounted: on PostgreSQL, heap tables
// with no storage at all, asked of the catalog in one query; elsewhere, none.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "drivers/driver_test_support.hpp"
#include "runtime/exec.hpp"
#include "runtime/tables_without_storage.hpp"

using sdm::test::DriverUnderTest;

#ifdef SDM_TEST_POSTGRESQL

TEST_CASE("postgresql: only heap tables that never held a row are without storage") {
  DriverUnderTest pg("postgresql");
  auto c = pg.connect();
  c->execute("CREATE TABLE never_used (id INTEGER PRIMARY KEY, note TEXT)");
  c->execute("CREATE TABLE \"MixedCase\" (id INTEGER)");
  c->execute("CREATE TABLE with_rows (id INTEGER)");
  c->execute("INSERT INTO with_rows VALUES (1)");
  // Emptied since: its file keeps its pages, so its rows are counted (and found to be none).
  c->execute("CREATE TABLE emptied (id INTEGER)");
  c->execute("INSERT INTO emptied VALUES (1)");
  c->execute("DELETE FROM emptied");
  // A partitioned table has no storage of its own; its rows are in its partitions.
  c->execute("CREATE TABLE parted (id INTEGER) PARTITION BY RANGE (id)");
  c->execute("CREATE TABLE parted_low PARTITION OF parted FOR VALUES FROM (0) TO (10)");
  c->execute("INSERT INTO parted VALUES (1)");
  c->execute("CREATE VIEW a_view AS SELECT 1 AS one");
  // Rows not committed yet extend the file too.
  c->execute("CREATE TABLE uncommitted (id INTEGER)");
  auto other = pg.connect();
  other->begin();
  other->execute("INSERT INTO uncommitted VALUES (1)");

  sdm::runtime::Exec exec(*c, pg.driver().dialect());
  const std::vector<std::string> asked = {"never_used", "MixedCase", "with_rows", "emptied",
                                          "parted",     "a_view",    "missing",   "uncommitted",
                                          "mixedcase",  "parted_low"};
  CHECK(sdm::runtime::tables_without_storage(exec, asked) ==
        std::set<std::string>{"MixedCase", "never_used"});
  other->rollback();
}

TEST_CASE("postgresql: more tables than one query binds are asked in parts") {
  DriverUnderTest pg("postgresql");
  auto c = pg.connect();
  std::vector<std::string> asked;
  for (int i = 0; i < 1200; ++i)
    asked.push_back("not_there_" + std::to_string(i));
  c->execute("CREATE TABLE last_one (id INTEGER)");
  asked.push_back("last_one");
  sdm::runtime::Exec exec(*c, pg.driver().dialect());
  CHECK(sdm::runtime::tables_without_storage(exec, asked) == std::set<std::string>{"last_one"});
}

#endif

TEST_CASE("sqlite: no table is left uncounted") {
  DriverUnderTest lite("sqlite");
  auto c = lite.connect();
  c->execute("CREATE TABLE never_used (id INTEGER)");
  sdm::runtime::Exec exec(*c, lite.driver().dialect());
  CHECK(sdm::runtime::tables_without_storage(exec, {"never_used"}).empty());
}
