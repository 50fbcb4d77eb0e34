// As a packager with site revisions: a chain of three revisions generated before any is built
// (each `revision` reads the unbuilt sources before it), built once out of tree against the
// installed package, installed into a directory of their own and run together with the
// distribution's revisions as one history; the same id in two directories is refused.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

/// Gives a generated source an upgrade and a downgrade body in place of the empty ones.
void fill_in(const std::string& path, const std::string& upgrade, const std::string& downgrade) {
  std::string source = file_text(path);
  const std::string empty_upgrade = "void upgrade([[maybe_unused]] sdm::Operations& op) {}";
  const std::string empty_downgrade = "void downgrade([[maybe_unused]] sdm::Operations& op) {}";
  REQUIRE(source.find(empty_upgrade) != std::string::npos);
  REQUIRE(source.find(empty_downgrade) != std::string::npos);
  source.replace(source.find(empty_upgrade), empty_upgrade.size(),
                 "void upgrade(sdm::Operations& op) { " + upgrade + " }");
  source.replace(source.find(empty_downgrade), empty_downgrade.size(),
                 "void downgrade(sdm::Operations& op) { " + downgrade + " }");
  std::ofstream(path) << source;
}

}  // namespace

TEST_CASE(
    "a packager chains three unbuilt revisions, builds once, and runs them from a site "
    "directory") {
  Sandbox box;
  const std::string prefix = box.path("prefix");
  auto install = run_process("/usr/bin/cmake", {"--install", SDM_BUILD_DIR, "--prefix", prefix});
  REQUIRE_MESSAGE(install.exit_code == 0, install.err);
  const std::string binary = prefix + "/bin/sahara-db-manage";
  const std::string distribution = prefix + "/lib/sahara-db-manage/revisions";
  const std::string site = box.path("site-revisions");
  std::filesystem::create_directories(site);  // empty until the site's revisions are installed
  // Both directories from the config, as a list.
  const std::string config =
      box.write("sahara.conf", "[database]\nconnection = sqlite:///" + box.path("test.db") +
                                   "\n[sahara_db_manage]\nrevisions_dir = " + distribution +
                                   ", site-revisions\n");
  auto sdm = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"--config-file", config});
    return run_process(binary, arguments, box.dir(), {{"HOME", box.dir()}});
  };

  // Nothing is built between these: 037 and 038 chain on the sources before them.
  const std::string project = box.path("project");
  for (const auto& [id, message] : std::vector<std::pair<std::string, std::string>>{
           {"036", "site notes"}, {"037", "note timestamps"}, {"038", "note index"}}) {
    auto generated = sdm({"revision", "-m", message, "--rev-id", id, "--version-path", project});
    REQUIRE_MESSAGE(generated.exit_code == 0, generated.err);
  }
  CHECK(file_text(project + "/036_site_notes.cpp").find("// Revises: 035\n") != std::string::npos);
  CHECK(file_text(project + "/037_note_timestamps.cpp").find("// Revises: 036\n") !=
        std::string::npos);
  CHECK(file_text(project + "/038_note_index.cpp")
            .find("SDM_REVISION_EX(revision_038, \"038\", \"037\", \"\", \"\",") !=
        std::string::npos);
  auto taken = sdm({"revision", "-m", "again", "--rev-id", "037", "--version-path", project});
  CHECK(taken.exit_code == 4);
  CHECK(taken.err.find("Revision 037 is already present (" + project +
                       "/037_note_timestamps.cpp); choose another --rev-id") != std::string::npos);

  fill_in(project + "/036_site_notes.cpp",
          "op.create_table(\"site_notes\", {sdm::Column(\"id\", sdm::Integer()).primary_key(), "
          "sdm::Column(\"cluster_id\", sdm::String(36)).references(\"clusters.id\"), "
          "sdm::Column(\"note\", sdm::Text())});",
          "op.drop_table(\"site_notes\");");
  // A default that is not a constant: SQLite adds it by rebuilding the table.
  // A default that is not a constant: SQLite adds it by rebuilding the table. A code step
  // with the SQL a script runs in its place.
  fill_in(
      project + "/037_note_timestamps.cpp",
      "op.add_column(\"site_notes\", "
      "sdm::Column(\"noted_at\", sdm::DateTime()).default_sql(\"CURRENT_TIMESTAMP\"));"
      "op.add_column(\"site_notes\", sdm::Column(\"noted_by\", sdm::String(40)));"
      "op.run(\"who noted\", [](sdm::Session& db) {"
      "  db.execute(\"UPDATE site_notes SET noted_by = ?\", {sdm::Value(std::string(\"site\"))});"
      "}).offline(\"UPDATE site_notes SET noted_by = 'site'\");",
      "op.drop_column(\"site_notes\", \"noted_by\");"
      "op.drop_column(\"site_notes\", \"noted_at\");");
  // JSON kept in a TEXT column, reshaped in code (online only), and shaped back.
  const std::string reshape =
      "[](sdm::Session& db, bool nest) {"
      "  for (const auto& row : db.query(\"SELECT id, note FROM site_notes\")) {"
      "    const sdm::Json old = sdm::Json::parse(*row[1]);"
      "    sdm::Json note = sdm::Json::object();"
      "    if (nest) { note[\"text\"] = old.at(\"text\"); note[\"meta\"][\"by\"] = old.at(\"by\"); "
      "}"
      "    else { note[\"text\"] = old.at(\"text\"); note[\"by\"] = old.at(\"meta\").at(\"by\"); }"
      "    db.execute(\"UPDATE site_notes SET note = ? WHERE id = ?\", {note.dump(), *row[0]});"
      "  }"
      "}";
  fill_in(project + "/038_note_index.cpp",
          "op.create_index(\"ix_site_notes_noted_at\", \"site_notes\", {\"noted_at\"});"
          "op.run(\"nest note authors\", [](sdm::Session& db) { (" +
              reshape + ")(db, true); });",
          "op.run(\"unnest note authors\", [](sdm::Session& db) { (" + reshape +
              ")(db, false); });"
              "op.drop_index(\"ix_site_notes_noted_at\", \"site_notes\");");
  {
    const std::string path = project + "/038_note_index.cpp";
    std::string source = file_text(path);
    source.replace(source.find("#include <sdm/revision.hpp>"), 0, "#include <sdm/json.hpp>\n");
    std::ofstream(path) << source;
  }
  box.write("project/CMakeLists.txt",
            "cmake_minimum_required(VERSION 3.25)\n"
            "project(site_revisions CXX)\n"
            "find_package(SaharaDbManage REQUIRED)\n"
            "sdm_add_revision(036_site_notes 036_site_notes.cpp)\n"
            "sdm_add_revision(037_note_timestamps 037_note_timestamps.cpp)\n"
            "sdm_add_revision(038_note_index 038_note_index.cpp)\n"
            "sdm_install_plugins(036_site_notes 037_note_timestamps 038_note_index\n"
            "                    DESTINATION ${SITE_REVISIONS_DIR})\n");
  auto configure = run_process("/usr/bin/cmake",
                               {"-S", project, "-B", box.path("project-build"),
                                "-DCMAKE_PREFIX_PATH=" + prefix, "-DSITE_REVISIONS_DIR=" + site});
  REQUIRE_MESSAGE(configure.exit_code == 0, (configure.out + configure.err));
  auto build = run_process("/usr/bin/cmake", {"--build", box.path("project-build")});
  REQUIRE_MESSAGE(build.exit_code == 0, (build.out + build.err));
  auto installed = run_process("/usr/bin/cmake", {"--install", box.path("project-build")});
  REQUIRE_MESSAGE(installed.exit_code == 0, (installed.out + installed.err));

  // One history across both directories, each directory verified against its own manifest.
  auto plugins = sdm({"plugins", "--verify"});
  CHECK_MESSAGE(plugins.exit_code == 0, (plugins.out + plugins.err));
  CHECK(plugins.out.find("\nRevisions in " + distribution + ":\n") != std::string::npos);
  CHECK(plugins.out.find("\nRevisions in " + site + ":\n  read      036  " + site +
                         "/036_site_notes.so\n") != std::string::npos);
  CHECK(plugins.out.find("verified  " + site + "/038_note_index.so") != std::string::npos);
  auto history = sdm({"history", "-r", "035:"});
  CHECK(history.out ==
        "037 -> 038 (head), note index\n036 -> 037, note timestamps\n035 -> 036, site notes\n"
        "034 -> 035, boot from volume enhancements\n");

  // --sql writes the code step's offline SQL, and refuses the one that has none.
  auto script = sdm({"upgrade", "036:037", "--sql"});
  REQUIRE_MESSAGE(script.exit_code == 0, script.err);
  CHECK(script.out.find("UPDATE site_notes SET noted_by = 'site';\n") != std::string::npos);
  auto refused = sdm({"upgrade", "036:head", "--sql"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("the upgrade of revision 038 has a code step \"nest note authors\" "
                         "that runs only against a database") != std::string::npos);

  auto upgrade = sdm({"upgrade", "036"});
  REQUIRE_MESSAGE(upgrade.exit_code == 0, upgrade.err);
  CHECK(upgrade.err.find("Running upgrade 035 -> 036, site notes") != std::string::npos);
  const std::string db = box.path("test.db");
  sqlite_exec(db,
              "INSERT INTO site_notes (note) VALUES ('{\"text\": \"first\", \"by\": \"ops\"}')");
  auto to_head = sdm({"upgrade", "head"});
  REQUIRE_MESSAGE(to_head.exit_code == 0, to_head.err);
  CHECK(sdm({"current"}).out == "038 (head)\n");
  CHECK(sqlite_rows(db, "SELECT id, note, noted_at IS NOT NULL, noted_by FROM site_notes") ==
        std::vector<std::vector<std::string>>{
            {"1", "{\"text\": \"first\", \"meta\": {\"by\": \"ops\"}}", "1", "site"}});
  REQUIRE(sdm({"downgrade", "037"}).exit_code == 0);
  CHECK(sqlite_rows(db, "SELECT note FROM site_notes") ==
        std::vector<std::vector<std::string>>{{"{\"text\": \"first\", \"by\": \"ops\"}"}});
  REQUIRE(sdm({"upgrade", "head"}).exit_code == 0);
  CHECK(sqlite_rows(db, "SELECT name FROM sqlite_master WHERE name = 'ix_site_notes_noted_at'")
            .size() == 1);

  auto downgrade = sdm({"downgrade", "--allow-data-loss", "035"});
  REQUIRE_MESSAGE(downgrade.exit_code == 0, downgrade.err);
  CHECK(sdm({"current"}).out == "035\n");
  CHECK(sqlite_rows(db, "SELECT name FROM sqlite_master WHERE name = 'site_notes'").empty());

  // The same id in a third directory: refused before anything runs, both files named.
  const std::string copy = box.path("copies/036_again.so");
  std::filesystem::create_directories(box.path("copies"));
  std::filesystem::copy_file(site + "/036_site_notes.so", copy);
  auto duplicate =
      run_process(binary,
                  {"--config-file", config, "--revisions-dir", distribution, "--revisions-dir",
                   site, "--revisions-dir", box.path("copies"), "upgrade", "head"},
                  box.dir(), {{"HOME", box.dir()}});
  CHECK(duplicate.exit_code == 4);
  CHECK(duplicate.err.find("FAILED: Revision 036 is present more than once\nplugin files: " + site +
                           "/036_site_notes.so, " + copy + "\n") != std::string::npos);
  CHECK(sdm({"current"}).out == "035\n");
}
