// sahara-db-manage itself migrating through the driver with the suite's revisions (conf01 to
// conf05): from base, incrementally from a middle revision (the run then reads the live tables),
// down to base and up again, and as an offline script run through the driver.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "op_runner.hpp"

using sdm::conformance::EmptyDatabase;
using sdm::conformance::OpRunner;
using sdm::conformance::Target;
using namespace sdm;

namespace {

using Rows = std::vector<std::vector<std::string>>;

/// Runs the host; fails the test with its output when it does not exit 0.
std::string host(const std::vector<std::string>& arguments) {
  const auto result = Target::get().run_host(arguments);
  std::string command;
  for (const auto& a : arguments)
    command += " " + a;
  INFO("sahara-db-manage" << command << "\nstdout:\n" << result.out << "stderr:\n" << result.err);
  REQUIRE(result.exit_code == 0);
  return result.out;
}

/// Every table with its columns, keys and indexes, one line each, for comparing two schemas.
std::string fingerprint(OpRunner& db) {
  std::ostringstream out;
  for (const auto& name : db.session().table_names()) {
    const Table table = db.live(name);
    out << "table " << name << "\n";
    for (const auto& c : table.columns)
      out << "  column " << c.name << " " << c.type.raw << (c.nullable ? " null" : " not null")
          << " default=" << c.server_default.value_or("-")
          << (c.keys.autoincrement.value_or(false) ? " numbered" : "") << "\n";
    std::vector<std::string> lines;
    for (const auto& k : table.constraints) {
      std::string line =
          "  constraint " + std::to_string(static_cast<int>(k.kind)) + " " + k.name + " (";
      for (const auto& c : k.columns)
        line += c + " ";
      line += ") " + k.referred_table + " " + k.ondelete + " " + k.condition;
      lines.push_back(line);
    }
    for (const auto& i : table.indexes) {
      std::string line = "  index " + i.name + (i.unique ? " unique (" : " (");
      for (const auto& c : i.columns)
        line += c + " ";
      lines.push_back(line + ")");
    }
    std::sort(lines.begin(), lines.end());
    for (const auto& line : lines)
      out << line << "\n";
  }
  return out.str();
}

/// What conf05 leaves: every row kept through the rebuilds, keys still numbered, constraints
/// enforced, the per-dialect SQL of this dialect run.
void check_head(OpRunner& db) {
  CHECK(db.session().table_names() ==
        std::vector<std::string>{"alembic_version", "children", "counters", "labels", "parents"});
  CHECK(db.rows("SELECT version_num FROM alembic_version") == Rows{{"conf05"}});
  CHECK(db.rows("SELECT name, score FROM parents ORDER BY id") == Rows{{"p1", "1"}, {"p2", "2"}});
  CHECK(db.value("SELECT COUNT(*) FROM parents WHERE seen_at IS NOT NULL") == "2");
  CHECK(db.rows("SELECT c.label, p.name FROM children c JOIN parents p ON p.id = c.parent_id "
                "ORDER BY c.label") == Rows{{"a", "p1"}, {"b", "p1"}, {"c", "p2"}});
  const std::string like = Target::get().built_in_dialect();
  CHECK(db.value("SELECT note FROM counters") == (like.empty() ? std::string("generic") : like));
  // Numbered keys, also after a rebuild (parents) and a widening (counters).
  db.sql("INSERT INTO parents (name) VALUES ('p3')");
  CHECK(db.value("SELECT score FROM parents WHERE name = 'p3'") == "1");
  db.sql("INSERT INTO counters (note) VALUES ('second')");
  CHECK(db.value("SELECT COUNT(DISTINCT id) FROM counters") == "2");
  CHECK(db.refused("INSERT INTO parents (name, score) VALUES ('negative', -1)"));
  CHECK(
      db.refused("INSERT INTO children (parent_id, label) SELECT parent_id, label FROM children "
                 "WHERE label = 'a'"));
  const Table parents = db.live("parents");
  std::vector<std::string> columns;
  for (const auto& c : parents.columns)
    columns.push_back(c.name);
  CHECK(columns == std::vector<std::string>{"id", "name", "score", "remark", "seen_at"});
  db.sql("DELETE FROM parents WHERE name = 'p3'");
  db.sql("DELETE FROM counters WHERE note = 'second'");
}

}  // namespace

TEST_CASE_FIXTURE(EmptyDatabase, "migrations: base to head, down to base and up again") {
  CHECK(host({"upgrade", "head"}).empty());
  std::string at_head;
  {
    OpRunner db;
    check_head(db);
    at_head = fingerprint(db);
  }
  CHECK(host({"current"}) == "conf05 (head)\n");
  host({"downgrade", "--allow-data-loss", "base"});
  {
    OpRunner db;
    CHECK(db.session().table_names() == std::vector<std::string>{"alembic_version"});
    CHECK(db.rows("SELECT version_num FROM alembic_version").empty());
  }
  host({"upgrade", "head"});
  OpRunner db;
  check_head(db);
  CHECK(fingerprint(db) == at_head);
}

TEST_CASE_FIXTURE(EmptyDatabase,
                  "migrations: an upgrade from a middle revision reads the live tables") {
  // The second run starts at conf02: every table it changes is read from the database, and on
  // SQLite-like engines rebuilt from what was read (the database's own objects left out).
  host({"upgrade", "conf02"});
  CHECK(host({"current"}) == "conf02\n");
  host({"upgrade", "conf03"});
  host({"upgrade", "head"});
  std::string incremental;
  {
    OpRunner db;
    check_head(db);
    incremental = fingerprint(db);
  }
  host({"downgrade", "--allow-data-loss", "base"});
  host({"upgrade", "head"});
  OpRunner db;
  check_head(db);
  CHECK(fingerprint(db) == incremental);
}

TEST_CASE_FIXTURE(EmptyDatabase, "migrations: the offline script does what the online run does") {
  host({"upgrade", "head"});
  std::string online;
  {
    OpRunner db;
    online = fingerprint(db);
  }
  Target::get().empty_database();
  const std::string script = host({"upgrade", "head", "--sql"});
  {
    OpRunner db;
    // The script's statements, each ending ";\n\n", comments left out.
    std::size_t start = 0;
    while (start < script.size()) {
      std::size_t end = script.find(";\n\n", start);
      if (end == std::string::npos) end = script.size();
      std::string statement = script.substr(start, end - start);
      start = end + 3;
      while (statement.rfind("-- ", 0) == 0) {
        const auto newline = statement.find("\n\n");
        statement = newline == std::string::npos ? "" : statement.substr(newline + 2);
      }
      if (statement.empty()) continue;
      INFO("statement: " << statement);
      db.sql(statement);
    }
    check_head(db);
    CHECK(fingerprint(db) == online);
  }
  CHECK(host({"current"}) == "conf05 (head)\n");
}
