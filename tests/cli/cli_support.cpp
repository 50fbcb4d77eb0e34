#include "cli/cli_support.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sdm::test {

Sandbox::Sandbox() {
  std::string pattern = (std::filesystem::temp_directory_path() / "sdm-test.XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
}

Sandbox::~Sandbox() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string Sandbox::write(const std::string& relative, const std::string& content) const {
  std::filesystem::path p = path(relative);
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << content;
  return p.string();
}

std::string Sandbox::sqlite_config(const std::string& database) const {
  return write("sahara.conf", "[database]\nconnection = sqlite:///" + path(database) + "\n");
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string only_file(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    files.push_back(entry.path().string());
  if (files.size() != 1)
    throw std::runtime_error(dir + " holds " + std::to_string(files.size()) + " files, not one");
  return files.front();
}

std::string binary_path() {
  return SDM_BINARY;
}
std::string fixture_dir(const std::string& scenario) {
  return std::string(SDM_FIXTURE_DIR) + "/" + scenario;
}
std::string sahara_revisions_dir() {
  return SDM_SAHARA_REVISIONS_DIR;
}
std::string drivers_dir() {
  return SDM_DRIVER_DIR;
}

ProcessResult run_sdm(const Sandbox& sandbox, const std::vector<std::string>& arguments) {
  return run_process(binary_path(), arguments, sandbox.dir(), {{"HOME", sandbox.dir()}});
}

ProcessResult sdm_on(const Sandbox& sandbox, const std::string& scenario,
                     const std::vector<std::string>& arguments) {
  std::vector<std::string> all = {"--config-file", sandbox.sqlite_config(), "--revisions-dir",
                                  fixture_dir(scenario)};
  all.insert(all.end(), arguments.begin(), arguments.end());
  return run_sdm(sandbox, all);
}

std::vector<std::vector<std::string>> sqlite_rows(const std::string& database,
                                                  const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + database + ": " + message);
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error(sql + ": " + message);
  }
  std::vector<std::vector<std::string>> rows;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(statement); ++i) {
      const unsigned char* text = sqlite3_column_text(statement, i);
      row.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    rows.push_back(row);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return rows;
}

void sqlite_exec(const std::string& database, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(database.c_str(), &db);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error(sql + ": " + message);
}

std::vector<std::string> version_rows(const Sandbox& sandbox) {
  std::vector<std::string> rows;
  for (const auto& row : sqlite_rows(
           sandbox.path("test.db"), "SELECT version_num FROM alembic_version ORDER BY version_num"))
    rows.push_back(row[0]);
  return rows;
}

void log_version_writes(const std::string& database) {
  sqlite_exec(database,
              "CREATE TABLE version_writes (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
              "change TEXT NOT NULL);"
              "CREATE TRIGGER log_insert AFTER INSERT ON alembic_version BEGIN "
              "INSERT INTO version_writes (change) VALUES ('insert:' || NEW.version_num); END;"
              "CREATE TRIGGER log_update AFTER UPDATE ON alembic_version BEGIN "
              "INSERT INTO version_writes (change) "
              "VALUES ('update:' || OLD.version_num || '->' || NEW.version_num); END;"
              "CREATE TRIGGER log_delete AFTER DELETE ON alembic_version BEGIN "
              "INSERT INTO version_writes (change) VALUES ('delete:' || OLD.version_num); END;");
}

std::vector<std::string> take_version_writes(const std::string& database) {
  std::vector<std::string> writes;
  for (const auto& row : sqlite_rows(database, "SELECT change FROM version_writes ORDER BY seq"))
    writes.push_back(row[0]);
  sqlite_exec(database, "DELETE FROM version_writes");
  return writes;
}

std::string write_logging_editor(const Sandbox& sandbox, const std::string& log) {
  std::string path = sandbox.write("bin/logging-editor", "#!/bin/sh\necho \"$1\" >> " + log + "\n");
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

std::vector<std::string> sqlite_tables(const std::string& database) {
  std::vector<std::string> names;
  if (!std::filesystem::exists(database)) return names;
  for (const auto& row : sqlite_rows(database,
                                     "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                     "name NOT LIKE 'sqlite_%' ORDER BY name"))
    names.push_back(row[0]);
  return names;
}

const char* const kSaharaRowsAt006 =
    "INSERT INTO cluster_templates (id, name, plugin_name, hadoop_version) "
    "VALUES ('ct-1', 'template', 'vanilla', '2.7.1');"
    "INSERT INTO clusters (id, name, plugin_name, hadoop_version, "
    "management_private_key, management_public_key, status_description, "
    "cluster_template_id) VALUES ('c-1', 'one', 'vanilla', '2.7.1', 'priv', 'pub', "
    "'running fine', 'ct-1');"
    "INSERT INTO node_group_templates (id, name, flavor_id, plugin_name, "
    "hadoop_version, volumes_per_node) VALUES ('ngt-1', 'workers', 'm1', 'vanilla', "
    "'2.7.1', 0);"
    "INSERT INTO node_groups (id, name, flavor_id, node_processes, node_configs, "
    "volumes_per_node, count, cluster_id) VALUES ('ng-1', 'ng', 'm1', '[]', '{}', 0, 3, "
    "'c-1');"
    "INSERT INTO instances (id, instance_name, node_group_id, internal_ip) VALUES "
    "('i-1', 'vm-1', 'ng-1', '10.0.0.1');";

void check_sahara_rows_from_006(const std::string& db) {
  CHECK(sqlite_rows(db, "SELECT id, status_description, cluster_template_id FROM clusters") ==
        std::vector<std::vector<std::string>>{{"c-1", "running fine", "ct-1"}});
  CHECK(sqlite_rows(db, "SELECT id, cluster_id FROM node_groups") ==
        std::vector<std::vector<std::string>>{{"ng-1", "c-1"}});
  CHECK(sqlite_rows(db, "SELECT id, internal_ip FROM instances") ==
        std::vector<std::vector<std::string>>{{"i-1", "10.0.0.1"}});
  // 034 added NOT NULL columns to tables with rows: existing rows got false.
  CHECK(sqlite_rows(db, "SELECT boot_from_volume FROM node_groups") ==
        std::vector<std::vector<std::string>>{{"0"}});
  CHECK(sqlite_rows(db, "SELECT boot_from_volume FROM node_group_templates") ==
        std::vector<std::vector<std::string>>{{"0"}});
  // The rebuilt tables kept their foreign keys.
  CHECK(sqlite_rows(
            db,
            "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('node_groups') "
            "ORDER BY \"from\"") == std::vector<std::vector<std::string>>{
                                        {"clusters", "cluster_id", "id"},
                                        {"node_group_templates", "node_group_template_id", "id"}});
}

}  // namespace sdm::test
