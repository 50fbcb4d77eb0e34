// What `execute` does to the schema model, on every backend (fixture raw_sql): SQL that
// declares its change keeps the model exact, offline too; SQL that declares nothing leaves
// the tables it names to be read from the database online, and is refused offline with the fix.
#include "cli/backend_cases.hpp"
#include "cli/backend_target.hpp"

using namespace sdm::test;

BACKEND_TEST("ops after raw SQL take the table from the database, and never narrow a column") {
  Target t(backend);
  auto up = t.run("raw_sql", {"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  CHECK(t.db.versions() == std::vector<std::string>{"d30000000003"});
  const std::string long_label(200, 'x');
  if (backend != "sqlite") {
    // The widened column kept its width through the rename (MySQL restates it in CHANGE).
    t.db.sql("INSERT INTO tags (id, tag_label, remark) VALUES (1, '" + long_label + "', 'r')");
    CHECK(t.db.sql("SELECT LENGTH(tag_label) FROM tags") == "200\n");
  } else {
    t.db.sql("INSERT INTO tags (id, tag_label, remark, extra) VALUES (1, 'a', 'r', 7)");
    CHECK(t.db.sql("SELECT extra FROM tags") == "7\n");
  }
  t.db.sql("INSERT INTO raw_made (id, v, w) VALUES (1, 'v', 2)");
  CHECK_THROWS(t.db.sql("INSERT INTO raw_made (id, v, w) VALUES (2, NULL, 3)"));

  auto down = t.run("raw_sql", {"downgrade", "d20000000002", "--allow-data-loss"});
  REQUIRE_MESSAGE(down.exit_code == 0, down.err);
  CHECK_FALSE(t.db.has_table("raw_made"));
  CHECK(t.db.sql("SELECT id FROM tags WHERE label IS NOT NULL") == "1\n");
}

BACKEND_TEST("--sql follows declared SQL and refuses an op on a table undeclared SQL changed") {
  Target t(backend);
  auto declared = t.run("raw_sql", {"upgrade", "d20000000002", "--sql"});
  REQUIRE_MESSAGE(declared.exit_code == 0, declared.err);
  CHECK(declared.out.find("ALTER TABLE tags ADD COLUMN note VARCHAR(40);\n") != std::string::npos);
  CHECK(declared.out.find("remark") != std::string::npos);

  auto refused = t.run("raw_sql", {"upgrade", "head", "--sql"});
  CHECK(refused.exit_code == 4);
  const std::string last_line = refused.err.substr(refused.err.rfind("FAILED: "));
  CHECK(last_line ==
        "FAILED: alter_column tags.label: table tags was changed by SQL an earlier execute ran "
        "without declaring the change, so its definition is unknown here; declare it with "
        "op.execute(sql).changes(sdm::ops()...), or run online, where the live table is read\n");
}

BACKEND_TEST(
    "a column widened and a key added by hand stay when an op restates the table, said in the "
    "log") {
  Target t(backend);
  REQUIRE(t.run("restated", {"upgrade", "e10000000001"}).exit_code == 0);
  if (backend == "sqlite")
    // Widened, and given a foreign key the revisions do not know, as people edit SQLite.
    t.db.sql(
        "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(replace(sql, "
        "'VARCHAR(120)', 'VARCHAR(255)'), 'PRIMARY KEY (id)', 'PRIMARY KEY (id), CONSTRAINT "
        "fk_by_hand FOREIGN KEY(id) REFERENCES elsewhere (id)') WHERE name = 'tags'; PRAGMA "
        "writable_schema = OFF;");
  else if (backend == "mysql")
    t.db.sql("ALTER TABLE tags MODIFY label VARCHAR(255) NULL");
  else
    t.db.sql("ALTER TABLE tags ALTER COLUMN label TYPE VARCHAR(255)");
  const std::string long_label(200, 'x');
  t.db.sql("INSERT INTO tags (id, label) VALUES (1, '" + long_label + "')");

  auto up = t.run("restated", {"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  CHECK(t.db.sql("SELECT LENGTH(tag_label), note FROM tags") == "200\tn\n");
  if (backend == "sqlite") {
    // The rebuild restated the table as it was: wide, and with its foreign key.
    const std::string stored = t.db.sql("SELECT sql FROM sqlite_master WHERE name = 'tags'");
    CHECK(stored.find("VARCHAR(255)") != std::string::npos);
    CHECK(stored.find("REFERENCES elsewhere") != std::string::npos);
    CHECK(up.err.find("WARNI [sdm.runtime] foreign key on tags (id) is in the database but not in "
                      "the revisions; statements that restate the table keep it\n") !=
          std::string::npos);
  }
  // PostgreSQL renames without restating: nothing to say there.
  if (backend != "postgresql")
    CHECK(up.err.find("WARNI [sdm.runtime] column 'tags.label' is ") != std::string::npos);
}
