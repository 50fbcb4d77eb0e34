// Code steps and rows built in code, on every backend (fixture code_steps): a revision reads
// JSON kept in a TEXT column, reshapes it in C++ and writes it back inside the run; the run
// says which dialect and mode upgrade() was recorded for; --sql writes a step's offline SQL,
// and refuses, naming the revision and step, a step that has none.
#include <regex>

#include "cli/backend_cases.hpp"
#include "cli/backend_target.hpp"

using namespace sdm::test;

namespace {

/// "a\tb\n" rows into {"a", "b"}.
std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace

BACKEND_TEST("a code step reshapes JSON in a TEXT column, and its downgrade shapes it back") {
  Target t(backend);
  REQUIRE(t.run("code_steps", {"upgrade", "c10000000001"}).exit_code == 0);
  const auto ids = lines(t.db.sql("SELECT id FROM settings ORDER BY name"));
  REQUIRE(ids.size() == 3);
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  for (const auto& id : ids)
    CHECK_MESSAGE(std::regex_match(id, uuid), id);
  CHECK(ids[0] != ids[1]);
  CHECK(std::regex_match(t.db.sql("SELECT MIN(created_at) FROM settings"),
                         std::regex("20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\n")));
  CHECK(t.db.sql("SELECT name, data FROM settings ORDER BY name") ==
        "disk-1\t{\"size\": 1, \"unit\": \"GB\"}\n"
        "disk-2\t{\"size\": 2, \"unit\": \"GB\"}\n"
        "disk-3\t{\"size\": 3, \"unit\": \"GB\"}\n");

  auto up = t.run("code_steps", {"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  CHECK(up.err.find("Running upgrade c10000000001 -> c20000000002, nest sizes") !=
        std::string::npos);
  CHECK(t.db.sql("SELECT name, data, label, recorded_for FROM settings ORDER BY name") ==
        "disk-1\t{\"capacity\": {\"size\": 1, \"unit\": \"GB\"}, \"version\": 2}\t(disk-1 of 3)\t" +
            backend +
            " online\n"
            "disk-2\t{\"capacity\": {\"size\": 2, \"unit\": \"GB\"}, \"version\": 2}\t"
            "(disk-2 of 3)\t" +
            backend +
            " online\n"
            "disk-3\t{\"capacity\": {\"size\": 3, \"unit\": \"GB\"}, \"version\": 2}\t"
            "(disk-3 of 3)\t" +
            backend + " online\n");

  auto down = t.run("code_steps", {"downgrade", "c10000000001", "--allow-data-loss"});
  REQUIRE_MESSAGE(down.exit_code == 0, down.err);
  CHECK(t.db.sql("SELECT name, data FROM settings ORDER BY name") ==
        "disk-1\t{\"size\": 1, \"unit\": \"GB\"}\n"
        "disk-2\t{\"size\": 2, \"unit\": \"GB\"}\n"
        "disk-3\t{\"size\": 3, \"unit\": \"GB\"}\n");
  CHECK(t.db.versions() == std::vector<std::string>{"c10000000001"});
}

BACKEND_TEST("a failing code step fails the run naming the revision and the step") {
  Target t(backend);
  REQUIRE(t.run("code_steps", {"upgrade", "c20000000002"}).exit_code == 0);
  // Data the step cannot read: the run stops at the step, and nothing of the revision stays.
  t.db.sql("UPDATE settings SET data = 'not json' WHERE name = 'disk-2'");
  auto failed = t.run("code_steps", {"downgrade", "c10000000001"});
  CHECK(failed.exit_code == 6);
  CHECK(failed.err.find("FAILED: downgrade c20000000002 -> c10000000001, nest sizes failed "
                        "at op 1 of 1 (run \"take sizes out of capacity\"): invalid JSON at "
                        "offset 0: a value is expected") != std::string::npos);
  CHECK(t.db.versions() == std::vector<std::string>{"c20000000002"});
  CHECK(t.db.sql("SELECT data FROM settings WHERE name = 'disk-1'") ==
        "{\"capacity\": {\"size\": 1, \"unit\": \"GB\"}, \"version\": 2}\n");
}

BACKEND_TEST("--sql writes a code step's offline SQL and refuses a step that has none") {
  Target t(backend);
  auto refused = t.run("code_steps", {"upgrade", "head", "--sql"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err ==
        "FAILED: the upgrade of revision c20000000002 has a code step \"nest sizes under "
        "capacity\" that runs only against a database, so --sql cannot write it: run the command "
        "without --sql, or give the step the SQL a script runs instead "
        "(op.run(...).offline(\"...\"))\n");
  CHECK(refused.out.empty());

  auto script = t.run("code_steps", {"upgrade", "c20000000002:head", "--sql"});
  REQUIRE_MESSAGE(script.exit_code == 0, script.err);
  CHECK(script.out.find("UPDATE settings SET label = name;\n") != std::string::npos);
  CHECK(script.out.find("UPDATE settings SET recorded_for = '" + backend + " script';\n") !=
        std::string::npos);
}
