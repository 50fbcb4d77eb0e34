// The session contract every driver keeps: statements, queries, transactions, the run lock,
// reflection and the version table.
#include <doctest/doctest.h>

#include <algorithm>

#include "common/errors.hpp"
#include "runtime/exec.hpp"
#include "runtime/version_table.hpp"
#include "target.hpp"

using sdm::conformance::EmptyDatabase;

namespace {

std::string cell(const sdm::Rows& rows, std::size_t row = 0, std::size_t column = 0) {
  REQUIRE(rows.size() > row);
  REQUIRE(rows[row].size() > column);
  return rows[row][column].value_or("NULL");
}

bool has_table(sdm::runtime::ConnectionHandle& c, const std::string& name) {
  auto names = c.table_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE_FIXTURE(EmptyDatabase, "a session runs statements and queries") {
  auto c = target.connect();
  CHECK(cell(c->query("SELECT 1")) == "1");
  c->execute("CREATE TABLE items (id INTEGER NOT NULL, name VARCHAR(20), PRIMARY KEY (id))");
  c->execute("INSERT INTO items (id, name) VALUES (1, 'one')");
  c->execute("INSERT INTO items (id, name) VALUES (2, NULL)");
  c->execute("INSERT INTO items (id, name) VALUES (3, 'three')");
  CHECK(c->execute("UPDATE items SET name = 'many' WHERE id >= 2") == 2);
  CHECK(c->execute("DELETE FROM items WHERE id = 99") == 0);
  auto rows = c->query("SELECT id, name FROM items ORDER BY id");
  REQUIRE(rows.size() == 3);
  CHECK(cell(rows, 0, 1) == "one");
  CHECK(cell(rows, 1, 1) == "many");
  auto empty = c->query("SELECT id FROM items WHERE id > 100");
  CHECK(empty.empty());
  auto nulls = c->query("SELECT NULL");
  REQUIRE(nulls.size() == 1);
  CHECK_FALSE(nulls[0][0].has_value());
}

TEST_CASE_FIXTURE(EmptyDatabase, "values are bound to ? placeholders, for revisions' code steps") {
  auto c = target.connect();
  c->execute(
      "CREATE TABLE bound (id INTEGER NOT NULL, name VARCHAR(40), ratio FLOAT, flag BOOLEAN, "
      "PRIMARY KEY (id))");
  const std::string tricky = "it's a \"?\" \\ -- not a comment";
  const std::string insert = "INSERT INTO bound (id, name, ratio, flag) VALUES (?, ?, ?, ?)";
  CHECK(c->execute_bound(insert, {std::int64_t{1}, tricky, 0.5, true}) == 1);
  c->execute_bound(insert, {std::int64_t{2}, std::monostate{}, std::monostate{}, false});
  auto rows =
      c->query_bound("SELECT name, id FROM bound WHERE id = ? AND name <> '?'", {std::int64_t{1}});
  CHECK(cell(rows) == tricky);
  CHECK(cell(c->query_bound("SELECT COUNT(*) FROM bound WHERE name IS NULL AND ratio IS NULL "
                            "AND flag = ?",
                            {false})) == "1");
  CHECK(cell(c->query_bound("SELECT COUNT(*) FROM bound WHERE ratio > ? AND flag = ?",
                            {0.25, true})) == "1");
  CHECK(c->execute_bound("UPDATE bound SET name = ? WHERE id >= ?", {"x", std::int64_t{1}}) == 2);
  try {
    c->execute_bound("UPDATE bound SET name = ?", {});
    FAIL("a missing value was not refused");
  } catch (const sdm::DatabaseError& e) {
    CHECK(std::string(e.what()).find("placeholder") != std::string::npos);
  }
}

TEST_CASE_FIXTURE(EmptyDatabase,
                  "a failing statement is a database error with the server's message") {
  auto c = target.connect();
  try {
    c->execute("SELECT * FROM no_such_table");
    FAIL("no error");
  } catch (const sdm::DatabaseError& e) {
    CHECK(std::string(e.what()).find("no_such_table") != std::string::npos);
  }
  // The session is still usable afterwards.
  CHECK(cell(c->query("SELECT 2")) == "2");
}

TEST_CASE_FIXTURE(EmptyDatabase, "rollback undoes rows and commit keeps them") {
  auto c = target.connect();
  c->execute("CREATE TABLE t (id INTEGER)");
  c->begin();
  c->execute("INSERT INTO t (id) VALUES (1)");
  c->rollback();
  CHECK(c->query("SELECT id FROM t").empty());
  c->begin();
  c->execute("INSERT INTO t (id) VALUES (2)");
  c->commit();
  // Statements after a transaction are not lost either (autocommit is back on).
  c->execute("INSERT INTO t (id) VALUES (3)");
  c.reset();
  auto again = target.connect();
  CHECK(again->query("SELECT id FROM t ORDER BY id").size() == 2);
}

TEST_CASE_FIXTURE(EmptyDatabase, "DDL is rolled back where the dialect says it can be") {
  auto c = target.connect();
  c->begin();
  c->execute("CREATE TABLE ddl_in_tx (id INTEGER)");
  c->rollback();
  CHECK(has_table(*c, "ddl_in_tx") == !target.traits().transactional_ddl);
}

TEST_CASE_FIXTURE(EmptyDatabase, "the run lock excludes a second session until released") {
  auto first = target.connect();
  auto second = target.connect();
  const std::string key = "sahara-db-manage:alembic_version";
  REQUIRE(first->try_lock(key));
  CHECK_FALSE(second->try_lock(key));
  CHECK_FALSE(second->lock_holder(key).empty());
  first->unlock(key);
  CHECK(second->try_lock(key));
  second->unlock(key);
}

TEST_CASE_FIXTURE(EmptyDatabase, "the run lock goes away with its session") {
  auto first = target.connect();
  const std::string key = "sahara-db-manage:alembic_version";
  REQUIRE(first->try_lock(key));
  first.reset();  // a crashed runner's session ends the same way
  auto second = target.connect();
  CHECK(second->try_lock(key));
}

TEST_CASE_FIXTURE(EmptyDatabase, "the run lock taken inside a transaction outlives its rollback") {
  auto first = target.connect();
  auto second = target.connect();
  const std::string key = "sahara-db-manage:alembic_version";
  first->begin();
  REQUIRE(first->try_lock(key));
  first->execute("CREATE TABLE locked_run (id INTEGER)");
  first->rollback();  // a failed run rolls back, and still holds the lock until it ends
  CHECK_FALSE(second->try_lock(key));
  first->unlock(key);
  CHECK(second->try_lock(key));
  second->unlock(key);
}

TEST_CASE_FIXTURE(EmptyDatabase, "table names list the schema's tables") {
  auto c = target.connect();
  c->execute("CREATE TABLE alpha (id INTEGER)");
  c->execute("CREATE TABLE beta (id INTEGER)");
  auto names = c->table_names();
  CHECK(names == std::vector<std::string>{"alpha", "beta"});
}

TEST_CASE_FIXTURE(EmptyDatabase, "reflection reads columns, keys and indexes") {
  auto c = target.connect();
  c->execute("CREATE TABLE parent (id VARCHAR(36) NOT NULL, PRIMARY KEY (id))");
  c->execute(
      "CREATE TABLE child (id INTEGER NOT NULL, parent_id VARCHAR(36), name VARCHAR(80) NOT NULL, "
      "PRIMARY KEY (id), FOREIGN KEY(parent_id) REFERENCES parent (id), UNIQUE (name))");
  c->execute("CREATE INDEX ix_child_parent ON child (parent_id)");
  auto table = c->reflect_table("child");
  REQUIRE(table.has_value());
  REQUIRE(table->columns.size() == 3);
  CHECK(table->columns[0].name == "id");
  CHECK_FALSE(table->columns[0].nullable);
  CHECK(table->columns[1].name == "parent_id");
  CHECK(table->columns[1].nullable);
  CHECK(table->columns[2].name == "name");
  auto has = [&](sdm::ConstraintKind kind, std::vector<std::string> columns) {
    for (const auto& k : table->constraints)
      if (k.kind == kind && k.columns == columns) return true;
    return false;
  };
  CHECK(has(sdm::ConstraintKind::PrimaryKey, {"id"}));
  CHECK(has(sdm::ConstraintKind::Unique, {"name"}));
  CHECK(has(sdm::ConstraintKind::ForeignKey, {"parent_id"}));
  bool indexed = false;
  for (const auto& index : table->indexes)
    indexed = indexed || index.name == "ix_child_parent";
  CHECK(indexed);
  CHECK_FALSE(c->reflect_table("no_such_table").has_value());
}

TEST_CASE_FIXTURE(EmptyDatabase, "the version table works as Alembic's") {
  auto c = target.connect();
  sdm::runtime::Exec exec(*c, target.dialect());
  sdm::runtime::VersionTable versions(exec);
  CHECK_FALSE(versions.exists());
  CHECK(versions.read_heads().empty());
  versions.create();
  versions.insert("aaa111");
  versions.insert("bbb222");
  versions.update("aaa111", "ccc333");
  auto heads = versions.read_heads();
  std::sort(heads.begin(), heads.end());
  CHECK(heads == std::vector<std::string>{"bbb222", "ccc333"});
  CHECK_THROWS_WITH_AS(versions.update("zzz", "yyy"),
                       "Online migration expected to match one row when updating 'zzz' to "
                       "'yyy' in 'alembic_version'; 0 found",
                       sdm::DatabaseError);
  versions.remove("bbb222");
  CHECK(versions.read_heads() == std::vector<std::string>{"ccc333"});
  // A widened version_num (many real databases have one) is read as it is.
  c->execute("DELETE FROM alembic_version");
  c->execute("DROP TABLE alembic_version");
  c->execute("CREATE TABLE alembic_version (version_num VARCHAR(255) NOT NULL)");
  std::string long_id(200, 'x');
  c->execute("INSERT INTO alembic_version (version_num) VALUES ('" + long_id + "')");
  CHECK(versions.read_heads() == std::vector<std::string>{long_id});
}

TEST_CASE_FIXTURE(EmptyDatabase, "an UPDATE counts the rows it matched, changed or not") {
  auto c = target.connect();
  c->execute("CREATE TABLE same (id INTEGER, name VARCHAR(20))");
  c->execute("INSERT INTO same (id, name) VALUES (1, 'one')");
  c->execute("INSERT INTO same (id, name) VALUES (2, 'two')");
  // The version table's UPDATE must find exactly one row, also when the value stays the same.
  CHECK(c->execute("UPDATE same SET name = 'one' WHERE id = 1") == 1);
  CHECK(c->execute("UPDATE same SET name = name") == 2);
}

TEST_CASE_FIXTURE(EmptyDatabase, "counts and sums come back as text") {
  auto c = target.connect();
  c->execute("CREATE TABLE amounts (n INTEGER)");
  for (const char* n : {"1", "2", "3"})
    c->execute(std::string("INSERT INTO amounts (n) VALUES (") + n + ")");
  auto rows = c->query("SELECT COUNT(*), SUM(n), MAX(n) FROM amounts");
  CHECK(cell(rows, 0, 0) == "3");
  CHECK(cell(rows, 0, 1) == "6");
  CHECK(cell(rows, 0, 2) == "3");
}

TEST_CASE_FIXTURE(EmptyDatabase,
                  "the run lock outlives transactions, DDL and errors on its session") {
  auto runner = target.connect();
  auto other = target.connect();
  const std::string key = "sahara-db-manage:alembic_version";
  REQUIRE(runner->try_lock(key));
  runner->begin();
  runner->execute("CREATE TABLE migrated (id INTEGER)");
  runner->commit();
  runner->begin();
  runner->execute("INSERT INTO migrated (id) VALUES (1)");
  runner->rollback();
  CHECK_THROWS_AS(runner->execute("SELECT * FROM no_such_table"), sdm::DatabaseError);
  CHECK_FALSE(other->try_lock(key));
  runner->unlock(key);
  CHECK(other->try_lock(key));
  other->unlock(key);
}
