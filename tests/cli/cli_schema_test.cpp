// schema: the model YAML of the schema the revisions describe and of the live database, and
// Sahara's shipped model.yaml agreeing with its revisions.
#include "cli/backend_cases.hpp"
#include "cli/cli_support.hpp"
#include "cli/sahara_target.hpp"
#include "schema/declared_schema.hpp"
#include "support/test_databases.hpp"

using namespace sdm::test;

namespace {

std::string shipped_model_path() {
  return sahara_revisions_dir() + "/model.yaml";
}

}  // namespace

TEST_CASE("schema --revision 035 is the shipped model.yaml, apart from its ignore list") {
  Sandbox box;
  ProcessResult replayed =
      run_sdm(box, {"--revisions-dir", sahara_revisions_dir(), "schema", "--revision", "035"});
  REQUIRE_MESSAGE(replayed.exit_code == 0, replayed.err);
  const auto model = sdm::schema::load_declared_schema(shipped_model_path());
  const auto described = sdm::schema::parse_declared_schema(replayed.out, "schema output");
  CHECK(model.ignore == std::vector<std::string>{"alembic_version"});
  CHECK(model.tables.size() == 19);
  CHECK(model.without_ignored(described.tables) == model.compared_tables());
  // The shipped file is the command's own output between a comment and the ignore list, so a
  // reviewer can diff them.
  std::string shipped = file_text(shipped_model_path());
  while (shipped.rfind("#", 0) == 0)
    shipped.erase(0, shipped.find('\n') + 1);
  CHECK(shipped == replayed.out + "ignore:\n  - alembic_version\n");
}

TEST_CASE("schema --revision shows the schema at any revision without a database") {
  Sandbox box;
  ProcessResult at001 =
      run_sdm(box, {"--revisions-dir", sahara_revisions_dir(), "schema", "-r", "001"});
  REQUIRE_MESSAGE(at001.exit_code == 0, at001.err);
  const auto tables = sdm::schema::parse_declared_schema(at001.out, "001").tables;
  CHECK(tables.size() == 13);
  REQUIRE(tables.count("clusters"));
  // 007 widens status_description to LongText; at 001 it is still a String(200).
  CHECK(tables.at("clusters").column("status_description")->type == sdm::String(200));
  CHECK(tables.at("job_binary_internal").column("data")->type ==
        sdm::LargeBinary().with_variant("mysql", "LONGBLOB"));
  CHECK(at001.out.find("options: {mysql_engine: InnoDB, mysql_charset: utf8}") !=
        std::string::npos);
  CHECK_FALSE(sahara_revisions_dir().empty());
  CHECK(run_sdm(box, {"--revisions-dir", sahara_revisions_dir(), "schema", "-r", "base"}).out ==
        "tables: {}\n");
  CHECK(sqlite_tables(box.path("sahara.sqlite")).empty());
}

BACKEND_TEST("schema --live prints the migrated database in model terms") {
  SaharaTarget target(backend);
  REQUIRE(target.run({"upgrade", "head"}).exit_code == 0);
  ProcessResult live = target.run({"schema", "--live"});
  REQUIRE_MESSAGE(live.exit_code == 0, live.err);
  const auto tables = sdm::schema::parse_declared_schema(live.out, "live").tables;
  const auto model = sdm::schema::load_declared_schema(shipped_model_path());
  CHECK(tables.size() == model.tables.size());
  CHECK_FALSE(tables.count("alembic_version"));
  const sdm::Table& clusters = tables.at("clusters");
  CHECK(clusters.column("id")->type == sdm::String(36));
  CHECK_FALSE(clusters.column("id")->nullable);
  CHECK(clusters.column("is_public")->type == sdm::Boolean());
  CHECK(clusters.primary_key()->columns == std::vector<std::string>{"id"});
  const sdm::Table& node_groups = tables.at("node_groups");
  bool references_clusters = false;
  for (const auto& constraint : node_groups.constraints)
    if (constraint.kind == sdm::ConstraintKind::ForeignKey &&
        constraint.referred_table == "clusters")
      references_clusters = constraint.columns == std::vector<std::string>{"cluster_id"};
  CHECK(references_clusters);
  // MySQL's own index for that foreign key is the key's, not the schema's.
  CHECK(node_groups.indexes.empty());
  if (backend == "mysql") CHECK(*clusters.option("mysql_engine") == "InnoDB");
}

TEST_CASE("schema needs exactly one of --revision and --live") {
  Sandbox box;
  for (const auto& arguments : std::vector<std::vector<std::string>>{
           {"schema"}, {"schema", "--live", "--revision", "035"}}) {
    ProcessResult result = run_sdm(box, arguments);
    CHECK(result.exit_code == 2);
    CHECK(result.err == "FAILED: schema needs either --revision REV or --live (one of them)\n");
  }
  ProcessResult unknown =
      run_sdm(box, {"--revisions-dir", sahara_revisions_dir(), "schema", "-r", "nosuch"});
  CHECK(unknown.exit_code == 4);
  CHECK(unknown.err == "FAILED: Can't locate revision identified by 'nosuch'\n");
}
