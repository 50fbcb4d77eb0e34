// check and drift on every backend: Sahara as its revisions leave it differs from nothing;
// after manual changes (an added column, a dropped index, a widened column, an extra table, a
// changed foreign key action) both name exactly those, and neither changes the database.
#include <filesystem>

#include "cli/backend_cases.hpp"
#include "cli/cli_support.hpp"
#include "schema/declared_schema.hpp"
#include "support/test_databases.hpp"

using namespace sdm::test;
namespace fs = std::filesystem;

namespace {

/// Sahara's revisions plus ad0000000036, which indexes clusters.tenant_id, in a directory of
/// the sandbox; a model declaring the same schema beside them.
struct IndexedSahara {
  explicit IndexedSahara(const std::string& backend)
      : db(backend), config(box.write("db.conf", "[database]\nconnection = " + db.url() + "\n")) {
    fs::create_directories(revisions());
    for (const auto& entry : fs::directory_iterator(sahara_revisions_dir()))
      if (entry.path().extension() == ".so")
        fs::copy_file(entry.path(), revisions() + "/" + entry.path().filename().string());
    fs::copy_file(fixture_dir("sahara_index") + "/r036_tenant_index.so",
                  revisions() + "/r036_tenant_index.so");
    auto model = sdm::schema::load_declared_schema(sahara_revisions_dir() + "/model.yaml");
    model.tables.at("clusters")
        .indexes.push_back(sdm::Index{"ix_clusters_tenant_id", "clusters", {"tenant_id"}, false});
    box.write("revisions/model.yaml", sdm::schema::write_declared_schema(model));
  }

  std::string revisions() const { return box.path("revisions"); }

  ProcessResult run(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(), {"--config-file", config, "--revisions-dir", revisions()});
    return run_sdm(box, arguments);
  }

  Sandbox box;
  ScratchDatabase db;
  std::string config;
};

/// The manual changes, in each database's own SQL. SQLite cannot ALTER a column or a foreign
/// key, so there the stored table definitions are edited, as people do.
void change_by_hand(const ScratchDatabase& db) {
  const std::string& backend = db.backend();
  db.sql(
      "ALTER TABLE clusters ADD COLUMN note VARCHAR(40);\n"
      "CREATE TABLE audit_notes (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(40));\n");
  if (backend == "postgresql") {
    db.sql(
        "DROP INDEX ix_clusters_tenant_id;\n"
        "ALTER TABLE clusters ALTER COLUMN name TYPE VARCHAR(120);\n"
        "ALTER TABLE node_groups DROP CONSTRAINT node_groups_cluster_id_fkey, ADD CONSTRAINT "
        "node_groups_cluster_id_fkey FOREIGN KEY (cluster_id) REFERENCES clusters (id) ON "
        "DELETE CASCADE;\n");
  } else if (backend == "mysql") {
    std::string fk = db.sql(
        "SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE "
        "CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'node_groups' AND "
        "REFERENCED_TABLE_NAME = 'clusters';\n");
    fk.erase(fk.find_last_not_of("\n") + 1);
    db.sql(
        "DROP INDEX ix_clusters_tenant_id ON clusters;\n"
        "ALTER TABLE clusters MODIFY name VARCHAR(120) NOT NULL;\n"
        "ALTER TABLE node_groups DROP FOREIGN KEY " +
        fk +
        ";\n"
        "ALTER TABLE node_groups ADD CONSTRAINT " +
        fk +
        " FOREIGN KEY (cluster_id) "
        "REFERENCES clusters (id) ON DELETE CASCADE;\n");
  } else {
    db.sql(
        "DROP INDEX ix_clusters_tenant_id;\n"
        "PRAGMA writable_schema = ON;\n"
        "UPDATE sqlite_master SET sql = replace(sql, ' name VARCHAR(80) NOT NULL', "
        "' name VARCHAR(120) NOT NULL') WHERE name = 'clusters';\n"
        "UPDATE sqlite_master SET sql = replace(sql, 'REFERENCES clusters (id)', "
        "'REFERENCES clusters (id) ON DELETE CASCADE') WHERE name = 'node_groups';\n"
        "PRAGMA writable_schema = OFF;\n");
  }
}

}  // namespace

BACKEND_TEST("check and drift find nothing on Sahara as its revisions leave it") {
  IndexedSahara target(backend);
  REQUIRE(target.run({"upgrade", "head"}).exit_code == 0);

  ProcessResult check = target.run({"check"});
  CHECK_MESSAGE(check.exit_code == 0, (check.out + check.err));
  CHECK(check.out == "No new upgrade operations detected.\n");
  ProcessResult drift = target.run({"drift"});
  CHECK_MESSAGE(drift.exit_code == 0, (drift.out + drift.err));
  CHECK(drift.out == "No drift: the database is the schema revision(s) ad0000000036 describe.\n");

  // Sahara's own model, shipped with its revisions, describes 035.
  REQUIRE(target.run({"downgrade", "035"}).exit_code == 0);
  ProcessResult shipped = target.run({"check", "--model", sahara_revisions_dir() + "/model.yaml"});
  CHECK(shipped.exit_code == 6);  // ad0000000036 is the head here
  CHECK(shipped.err == "FAILED: Target database is not up to date.\n");
  ProcessResult sahara = run_sdm(target.box, {"--config-file", target.config, "--revisions-dir",
                                              sahara_revisions_dir(), "check"});
  CHECK_MESSAGE(sahara.exit_code == 0, (sahara.out + sahara.err));
  CHECK(sahara.out == "No new upgrade operations detected.\n");
  CHECK(target.run({"drift"}).exit_code == 0);
  CHECK(target.db.versions() == std::vector<std::string>{"035"});
}

BACKEND_TEST("check and drift name exactly the changes made by hand") {
  IndexedSahara target(backend);
  REQUIRE(target.run({"upgrade", "head"}).exit_code == 0);
  change_by_hand(target.db);
  const std::string changed = target.db.schema_fingerprint();

  ProcessResult check = target.run({"check"});
  CHECK(check.exit_code == 9);
  CHECK(check.out ==
        "Detected removed table 'audit_notes'\n"
        "Detected removed column 'clusters.note'\n"
        "Detected type change from VARCHAR(120) to VARCHAR(80) on 'clusters.name'\n"
        "Detected added index 'ix_clusters_tenant_id' on '['tenant_id']'\n"
        "Detected removed foreign key (cluster_id)(id) on table node_groups\n"
        "Detected added foreign key (cluster_id)(id) on table node_groups\n");
  CHECK(check.err == "FAILED: New upgrade operations detected: 6 (the database differs from " +
                         target.revisions() + "/model.yaml)\n");

  ProcessResult drift = target.run({"drift"});
  CHECK(drift.exit_code == 9);
  CHECK(drift.out ==
        "table 'audit_notes' is not in the revisions\n"
        "column 'clusters.note' is not in the revisions\n"
        "column 'clusters.name' is VARCHAR(120), the revisions say VARCHAR(80)\n"
        "index 'ix_clusters_tenant_id' on clusters (tenant_id) is missing\n"
        "foreign key node_groups (cluster_id) -> clusters (id) has ON DELETE CASCADE, ON UPDATE "
        "NO ACTION, the revisions say ON DELETE NO ACTION, ON UPDATE NO ACTION\n");
  CHECK(drift.err ==
        "FAILED: the database has drifted from the schema revision(s) ad0000000036 "
        "describe: 5 difference(s)\n");
  CHECK(target.db.schema_fingerprint() == changed);
  CHECK(target.db.versions() == std::vector<std::string>{"ad0000000036"});
}

TEST_CASE("check refuses a model file it cannot read, naming the file and line") {
  IndexedSahara target("sqlite");
  REQUIRE(target.run({"upgrade", "head"}).exit_code == 0);
  const std::string bad = target.box.write("bad.yaml", "tables:\n  t:\n    colums: []\n");
  ProcessResult result = target.run({"check", "--model", bad});
  CHECK(result.exit_code == 3);
  CHECK(result.err == "FAILED: " + bad +
                          ":3: table t: unknown key 'colums' (known: checks, columns, "
                          "foreign_keys, indexes, options, primary_key, unique)\n");
  ProcessResult missing = target.run({"check", "--model", target.box.path("none.yaml")});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err == "FAILED: cannot read the model file " + target.box.path("none.yaml") +
                           ": it does not exist or is not readable; give an existing file with "
                           "--model PATH or [sahara_db_manage] model = PATH\n");
}

TEST_CASE("drift of an empty database against no applied revision is clean") {
  IndexedSahara target("sqlite");
  ProcessResult drift = target.run({"drift"});
  CHECK_MESSAGE(drift.exit_code == 0, drift.err);
  CHECK(drift.out == "No drift: the database is the schema revision(s) base describe.\n");
}
