// revision --autogenerate end to end: a model with a new table, column, index and foreign key
// gives a revision source (held against tests/data/autogenerate_revision.golden) that builds
// out of tree, upgrades every backend to the model, and downgrades back to the schema before.
#include <filesystem>
#include <fstream>
#include <regex>

#include "cli/backend_cases.hpp"
#include "cli/cli_support.hpp"
#include "schema/declared_schema.hpp"
#include "support/test_databases.hpp"

using namespace sdm::test;
namespace fs = std::filesystem;

#ifndef SDM_SANITIZER_BUILD  // normal build only (tests/README.md, "Under the sanitizers")
namespace {

/// Sahara's model at 035 plus a table of notes, a column of clusters pointing at one note, an
/// index and that foreign key.
std::string extended_model() {
  auto model = sdm::schema::load_declared_schema(sahara_revisions_dir() + "/model.yaml");
  sdm::Table notes;
  notes.name = "cluster_notes";
  notes.columns = {sdm::Column("id", sdm::String(36)).not_null(),
                   sdm::Column("cluster_id", sdm::String(36)).not_null(),
                   sdm::Column("body", sdm::Text())};
  notes.constraints = {sdm::PrimaryKey({"id"}),
                       sdm::ForeignKey({"cluster_id"}, "clusters", {"id"}).on_delete("CASCADE")};
  notes.options = {{"mysql_engine", "InnoDB"}, {"mysql_charset", "utf8"}};
  model.tables.emplace("cluster_notes", notes);
  sdm::Table& clusters = model.tables.at("clusters");
  clusters.columns.push_back(sdm::Column("default_note_id", sdm::String(36)));
  clusters.indexes.push_back(sdm::Index{"ix_clusters_tenant_id", "clusters", {"tenant_id"}, false});
  clusters.constraints.push_back(
      sdm::ForeignKey({"default_note_id"}, "cluster_notes", {"id"}, "fk_clusters_default_note"));
  return sdm::schema::write_declared_schema(model);
}

/// The source with its creation date, which is the clock's, written @DATE@ (in the header
/// comment and in the docstring).
std::string without_create_date(const std::string& source) {
  static const std::regex date("Create Date: [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+");
  return std::regex_replace(source, date, "Create Date: @DATE@");
}

}  // namespace

TEST_CASE("revision --autogenerate writes a revision that builds, upgrades and downgrades") {
  Sandbox box;
  const std::string prefix = box.path("prefix");
  auto install = run_process("/usr/bin/cmake", {"--install", SDM_BUILD_DIR, "--prefix", prefix});
  REQUIRE_MESSAGE(install.exit_code == 0, install.err);
  const std::string binary = prefix + "/bin/sahara-db-manage";
  const std::string revisions = prefix + "/lib/sahara-db-manage/revisions";
  const std::string model = box.write("model.yaml", extended_model());
  auto sdm = [&](const std::string& config, std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"--config-file", config});
    return run_process(binary, arguments, box.dir(), {{"HOME", box.dir()}});
  };

  // Written from an SQLite database at 035.
  const std::string sqlite_config = box.sqlite_config("generate.db");
  REQUIRE(sdm(sqlite_config, {"upgrade", "head"}).exit_code == 0);
  auto generate =
      sdm(sqlite_config, {"revision", "--autogenerate", "-m", "add cluster notes", "--rev-id",
                          "a070000000e1", "--model", model, "--version-path", box.path("project")});
  REQUIRE_MESSAGE(generate.exit_code == 0, generate.err);
  const std::string source = box.path("project/a070000000e1_add_cluster_notes.cpp");
  CHECK(generate.out == "Generating " + source + " ...  done\n");
  CHECK(generate.err.find("INFO  [sdm.runtime] Detected added table 'cluster_notes'\n") !=
        std::string::npos);
  CHECK(generate.err.find("INFO  [sdm.runtime] Detected added index 'ix_clusters_tenant_id' on "
                          "'['tenant_id']'\n") != std::string::npos);
  std::string golden = file_text(std::string(SDM_TEST_DATA_DIR) + "/autogenerate_revision.golden");
  const auto model_at = golden.find("@MODEL@");
  REQUIRE(model_at != std::string::npos);
  golden.replace(model_at, 7, model);
  CHECK(without_create_date(file_text(source)) == golden);

  box.write("project/CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.25)\n"
            "project(my_revisions CXX)\n"
            "find_package(SaharaDbManage REQUIRED)\n"
            "sdm_add_revision(add_notes a070000000e1_add_cluster_notes.cpp)\n");
  auto configure =
      run_process("/usr/bin/cmake", {"-S", box.path("project"), "-B", box.path("project-build"),
                                     "-DCMAKE_PREFIX_PATH=" + prefix});
  REQUIRE_MESSAGE(configure.exit_code == 0, (configure.out + configure.err));
  auto build = run_process("/usr/bin/cmake", {"--build", box.path("project-build")});
  REQUIRE_MESSAGE(build.exit_code == 0, (build.out + build.err));
  fs::copy_file(box.path("project-build/add_notes.so"), revisions + "/add_notes.so");

  std::vector<std::string> backends = {"sqlite"};
#ifdef SDM_TEST_POSTGRESQL
  backends.push_back("postgresql");
#endif
#ifdef SDM_TEST_MYSQL
  backends.push_back("mysql");
#endif
  for (const auto& backend : backends) {
    CAPTURE(backend);
    ScratchDatabase db(backend);
    const std::string config =
        box.write(backend + ".conf", "[database]\nconnection = " + db.url() + "\n");
    REQUIRE(sdm(config, {"upgrade", "035"}).exit_code == 0);
    const std::string at035 = db.schema_fingerprint();
    auto upgrade = sdm(config, {"upgrade", "head"});
    REQUIRE_MESSAGE(upgrade.exit_code == 0, upgrade.err);
    auto check = sdm(config, {"check", "--model", model});
    CHECK_MESSAGE(check.exit_code == 0, (check.out + check.err));
    CHECK(check.out == "No new upgrade operations detected.\n");
    auto downgrade = sdm(config, {"downgrade", "035"});
    REQUIRE_MESSAGE(downgrade.exit_code == 0, downgrade.err);
    CHECK(db.schema_fingerprint() == at035);
  }
}
#endif

TEST_CASE(
    "revision --autogenerate refuses what Alembic refuses, and writes nothing to do only "
    "when asked") {
  Sandbox box;
  const std::string config = box.sqlite_config();
  auto sdm = [&](std::vector<std::string> arguments) {
    if (arguments.front() == "revision")
      arguments.insert(arguments.end(), {"--version-path", box.path("src")});
    arguments.insert(arguments.begin(),
                     {"--config-file", config, "--revisions-dir", sahara_revisions_dir()});
    return run_sdm(box, arguments);
  };
  REQUIRE(sdm({"upgrade", "034"}).exit_code == 0);
  auto behind = sdm({"revision", "--autogenerate", "-m", "x"});
  CHECK(behind.exit_code == 6);
  CHECK(behind.err == "FAILED: Target database is not up to date.\n");
  auto sql = sdm({"revision", "--autogenerate", "--sql", "-m", "x"});
  CHECK(sql.exit_code == 2);
  CHECK(sql.err == "FAILED: Using --sql with --autogenerate does not make any sense\n");
  CHECK_FALSE(fs::exists(box.path("src")));

  REQUIRE(sdm({"upgrade", "head"}).exit_code == 0);
  auto nothing = sdm({"revision", "--autogenerate", "-m", "x", "--rev-id", "0e0000000001"});
  CHECK(nothing.exit_code == 0);
  CHECK(nothing.out ==
        "No changes in schema detected; no revision written (--allow-empty "
        "writes an empty one).\n");
  CHECK_FALSE(fs::exists(box.path("src/0e0000000001_x.cpp")));
  auto empty =
      sdm({"revision", "--autogenerate", "--allow-empty", "-m", "x", "--rev-id", "0e0000000001"});
  CHECK(empty.exit_code == 0);
  const std::string written = box.path("src/0e0000000001_x.cpp");
  REQUIRE(fs::exists(written));
  CHECK(file_text(written).find("void upgrade([[maybe_unused]] sdm::Operations& op) {}") !=
        std::string::npos);

  // A check constraint cannot be compared (databases rewrite its expression): it is named in
  // the source for the reader, and is no op.
  auto model = sdm::schema::load_declared_schema(sahara_revisions_dir() + "/model.yaml");
  model.tables.at("clusters").constraints.push_back(sdm::Check("status <> ''", "status_given"));
  const std::string model_path =
      box.write("checked.yaml", sdm::schema::write_declared_schema(model));
  auto checked = sdm({"revision", "--autogenerate", "--allow-empty", "--model", model_path, "-m",
                      "checked", "--rev-id", "0e0000000002"});
  REQUIRE_MESSAGE(checked.exit_code == 0, checked.err);
  const std::string checked_source = file_text(box.path("src/0e0000000002_checked.cpp"));
  CHECK(checked_source.find("// NOTE: check constraint status_given on clusters (status <> '') is "
                            "not compared, as the database rewrites its expression: check it by "
                            "hand\n") != std::string::npos);
  CHECK(checked_source.find("void upgrade([[maybe_unused]] sdm::Operations& op) {}") !=
        std::string::npos);
}
