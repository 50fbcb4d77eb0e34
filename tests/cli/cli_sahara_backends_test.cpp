// Sahara's history 001..035 on every backend: each step leaves the schema Alembic's own DDL
// gives, a database the Python tool migrated continues here, offline scripts run as-is,
// 034 works on populated tables, and downgrade base then upgrade head comes back the same.
#include <fstream>
#include <map>
#include <sstream>

#include "cli/backend_cases.hpp"
#include "cli/sahara_target.hpp"

using namespace sdm::test;

namespace {

/// Alembic's offline DDL for one backend, by revision (tests/data/alembic_offline_*.sql).
/// 029's bind placeholder, which Alembic leaves unrendered, gets the value Alembic binds.
std::map<std::string, std::string> alembic_ddl(const std::string& backend) {
  std::ifstream file(std::string(SDM_TEST_DATA_DIR) + "/alembic_offline_" + backend + ".sql");
  std::stringstream text;
  text << file.rdbuf();
  std::string all = text.str();
  for (const char* placeholder : {"%(is_protected)s", "%s", "?"}) {
    for (auto at = all.find(std::string("is_protected=") + placeholder); at != std::string::npos;
         at = all.find(std::string("is_protected=") + placeholder, at)) {
      all.replace(at + 13, std::string(placeholder).size(), backend == "postgresql" ? "true" : "1");
    }
  }
  std::map<std::string, std::string> blocks;
  const std::string marker = "-- revision ";
  for (auto at = all.find(marker); at != std::string::npos;) {
    std::string id = all.substr(at + marker.size(), 3);
    auto next = all.find(marker, at + 1);
    blocks[id] =
        all.substr(at + marker.size() + 4,
                   next == std::string::npos ? std::string::npos : next - at - marker.size() - 4);
    at = next;
  }
  return blocks;
}

std::string revision_id(int n) {
  std::string id = std::to_string(n);
  return std::string(3 - id.size(), '0') + id;
}

const char* const kAlembicVersionTable =
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT "
    "alembic_version_pkc PRIMARY KEY (version_num));\n";

/// Rows for 034's test: a cluster template, a node group template, a cluster and its node
/// group, and the relation between templates.
const char* const kPopulate033 =
    "INSERT INTO cluster_templates (id, name, plugin_name, hadoop_version) VALUES "
    "('ct-1', 'ct', 'vanilla', '2.7.1');\n"
    "INSERT INTO node_group_templates (id, name, flavor_id, plugin_name, hadoop_version, "
    "volumes_per_node) VALUES ('ngt-1', 'ngt', 'm1', 'vanilla', '2.7.1', 0);\n"
    "INSERT INTO clusters (id, name, plugin_name, hadoop_version, management_private_key, "
    "management_public_key) VALUES ('c-1', 'c', 'vanilla', '2.7.1', 'k', 'k');\n"
    "INSERT INTO node_groups (id, name, flavor_id, volumes_per_node, count, cluster_id) VALUES "
    "('ng-1', 'ng', 'm1', 0, 1, 'c-1');\n"
    "INSERT INTO templates_relations (id, name, flavor_id, volumes_per_node, count, "
    "cluster_template_id) VALUES ('tr-1', 'tr', 'm1', 0, 1, 'ct-1');\n";

}  // namespace

#ifndef SDM_SANITIZER_BUILD  // normal build only (tests/README.md, "Under the sanitizers")
SERVER_TEST("every Sahara revision leaves exactly the schema Alembic's DDL gives") {
  auto ddl = alembic_ddl(backend);
  SaharaTarget ours(backend);
  ScratchDatabase alembic(backend);
  alembic.sql(kAlembicVersionTable);
  for (int n = 1; n <= 35; ++n) {
    const std::string id = revision_id(n);
    CAPTURE(id);
    auto step = ours.run({"upgrade", "+1"});
    REQUIRE_MESSAGE(step.exit_code == 0, step.err);
    alembic.sql(ddl.at(id) + (n == 1 ? "INSERT INTO alembic_version (version_num) VALUES ('001');\n"
                                     : "UPDATE alembic_version SET version_num='" + id +
                                           "' WHERE alembic_version.version_num = '" +
                                           revision_id(n - 1) + "';\n"));
    REQUIRE(ours.db.schema_fingerprint() == alembic.schema_fingerprint());
  }
  CHECK(ours.run({"current"}).out == "035 (head)\n");
}
#endif

BACKEND_TEST("a database the Python tool migrated continues to head") {
  // The Python tool reaches 020 on servers, and stops at 006 on SQLite.
  const int reached = backend == "sqlite" ? 6 : 20;
  auto ddl = alembic_ddl(backend);
  SaharaTarget migrated(backend);
  std::string script = kAlembicVersionTable;
  for (int n = 1; n <= reached; ++n)
    script += ddl.at(revision_id(n));
  script += "INSERT INTO alembic_version (version_num) VALUES ('" + revision_id(reached) + "');\n";
  migrated.db.sql(script);
  CHECK(migrated.run({"current"}).out == revision_id(reached) + "\n");
  auto r = migrated.run({"upgrade", "head"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(migrated.run({"current"}).out == "035 (head)\n");

  SaharaTarget fresh(backend);
  REQUIRE(fresh.run({"upgrade", "head"}).exit_code == 0);
  CHECK(migrated.db.schema_fingerprint() == fresh.db.schema_fingerprint());
}

BACKEND_TEST("the offline head script runs as-is in the server's client and matches online") {
  SaharaTarget online(backend), offline(backend);
  REQUIRE(online.run({"upgrade", "head"}).exit_code == 0);
  auto script = offline.run({"upgrade", "head", "--sql"});
  REQUIRE(script.exit_code == 0);
  // 029 carries its value, unlike Alembic's script.
  CHECK(script.out.find("SET is_protected=") != std::string::npos);
  CHECK(script.out.find("%(is_protected)s") == std::string::npos);
  CHECK(script.out.find("is_protected=?") == std::string::npos);
  offline.db.sql(script.out);
  CHECK(offline.db.schema_fingerprint() == online.db.schema_fingerprint());
  CHECK(offline.db.versions() == std::vector<std::string>{"035"});
}

BACKEND_TEST("034 adds its NOT NULL columns to populated tables and ends at upstream's schema") {
  SaharaTarget target(backend);
  REQUIRE(target.run({"upgrade", "033"}).exit_code == 0);
  target.db.sql(kPopulate033);
  auto r = target.run({"upgrade", "head"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  for (const char* table : {"node_group_templates", "node_groups", "templates_relations"}) {
    CAPTURE(std::string(table));
    std::string value = target.db.sql(std::string("SELECT boot_from_volume FROM ") + table + ";");
    CHECK((value == "0\n" || value == "f\n"));
  }
  // No default is left behind: the same schema as upgrading an empty database.
  SaharaTarget empty(backend);
  REQUIRE(empty.run({"upgrade", "head"}).exit_code == 0);
  CHECK(target.db.schema_fingerprint() == empty.db.schema_fingerprint());
}

BACKEND_TEST("downgrade base then upgrade head gives the same schema again") {
  SaharaTarget target(backend);
  REQUIRE(target.run({"upgrade", "head"}).exit_code == 0);
  const std::string at_head = target.db.schema_fingerprint();
  auto down = target.run({"downgrade", "base"});
  REQUIRE_MESSAGE(down.exit_code == 0, down.err);
  CHECK(target.db.tables() == std::vector<std::string>{"alembic_version"});
  CHECK(target.db.versions().empty());
  auto up = target.run({"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  CHECK(target.db.schema_fingerprint() == at_head);
}

BACKEND_TEST("stamp 020 then upgrade head continues from 020") {
  SaharaTarget target(backend);
  REQUIRE(target.run({"upgrade", "020"}).exit_code == 0);
  REQUIRE(target.run({"stamp", "020"}).exit_code == 0);
  auto r = target.run({"upgrade", "head"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.err.find("Running upgrade 020 -> 021") != std::string::npos);
  CHECK(target.run({"current"}).out == "035 (head)\n");
}
