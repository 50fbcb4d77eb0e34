// SQLite after every single step of Sahara's history: the live tables, read back through the
// driver, equal what the revisions describe (the same ops whose PostgreSQL and MariaDB results
// equal Alembic's own DDL step by step, see cli_sahara_backends_test.cpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/database_url.hpp"
#include "runtime/driver_catalog.hpp"
#include "runtime/revision_catalog.hpp"
#include "runtime/schema_replay.hpp"
#include "support/process.hpp"
#include "support/test_databases.hpp"

using namespace sdm;

namespace {

/// Renders the parts of a table a user would check, with types as SQLite declares them.
std::string describe(const Table& table, const runtime::DialectHandle& dialect) {
  std::ostringstream out;
  out << "table " << table.name << "\n";
  for (const auto& c : table.columns) {
    // A reflected type is the declared text; a modelled one is rendered as the dialect writes it.
    std::string type = c.type.kind == TypeKind::Raw ? c.type.raw : dialect.render_type(c.type);
    out << "  column " << c.name << " " << type << (c.nullable ? "" : " NOT NULL")
        << (c.server_default ? " DEFAULT " + *c.server_default : "") << "\n";
  }
  std::vector<std::string> constraints;
  for (const auto& k : table.constraints) {
    std::string line = k.kind == ConstraintKind::PrimaryKey   ? "  primary key ("
                       : k.kind == ConstraintKind::Unique     ? "  unique ("
                       : k.kind == ConstraintKind::ForeignKey ? "  foreign key ("
                                                              : "  check (" + k.condition;
    for (std::size_t i = 0; i < k.columns.size(); ++i)
      line += (i ? ", " : "") + k.columns[i];
    line += ")";
    if (k.kind == ConstraintKind::ForeignKey) {
      line += " references " + k.referred_table + " (";
      for (std::size_t i = 0; i < k.referred_columns.size(); ++i)
        line += (i ? ", " : "") + k.referred_columns[i];
      line += ")" + (k.ondelete.empty() ? "" : " on delete " + k.ondelete);
    }
    constraints.push_back(line + "\n");
  }
  std::sort(constraints.begin(), constraints.end());  // SQLite does not keep their order
  for (const auto& line : constraints)
    out << line;
  for (const auto& index : table.indexes)
    out << "  index " << index.name << "\n";
  return out.str();
}

}  // namespace

TEST_CASE("SQLite after each Sahara revision holds exactly the tables the revisions describe") {
  test::ScratchDatabase db("sqlite");
  const std::string config =
      (std::filesystem::temp_directory_path() / (db.name() + ".conf")).string();
  std::ofstream(config) << "[database]\nconnection = " << db.url() << "\n";
  runtime::DriverCatalog drivers(SDM_DRIVER_DIR);
  const runtime::LoadedDriver& driver = drivers.driver_for("sqlite");
  auto connection = driver.connect(config::parse_database_url(db.url()));
  runtime::RevisionCatalog revisions(SDM_SAHARA_REVISIONS_DIR);
  const graph::RevisionMap& map = revisions.map();

  for (int n = 1; n <= 35; ++n) {
    std::string id = std::to_string(n);
    id = std::string(3 - id.size(), '0') + id;
    CAPTURE(id);
    auto step = test::run_process(SDM_BINARY, {"--config-file", config, "--revisions-dir",
                                               SDM_SAHARA_REVISIONS_DIR, "upgrade", "+1"});
    REQUIRE_MESSAGE(step.exit_code == 0, step.err);
    REQUIRE(db.versions() == std::vector<std::string>{id});

    Schema expected = runtime::replay_schema(revisions, map, {id});
    std::vector<std::string> live_names;
    for (const auto& name : connection->table_names())
      if (name != "alembic_version") live_names.push_back(name);
    std::vector<std::string> expected_names;
    for (const auto& [name, table] : expected)
      expected_names.push_back(name);
    REQUIRE(live_names == expected_names);
    for (const auto& [name, table] : expected) {
      const std::string& table_name = name;
      CAPTURE(table_name);
      auto live = connection->reflect_table(name);
      REQUIRE(live.has_value());
      CHECK(describe(*live, driver.dialect()) == describe(table, driver.dialect()));
    }
  }
  std::filesystem::remove(config);
}
