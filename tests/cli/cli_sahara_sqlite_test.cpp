// Sahara's real history on SQLite: the listing the Python tool prints, and a full upgrade
// that goes past where the Python tool stops while keeping the rows.
#include <doctest/doctest.h>

#include "cli/cli_support.hpp"

using namespace sdm::test;

namespace {

ProcessResult sahara(const Sandbox& box, const std::vector<std::string>& arguments) {
  std::vector<std::string> all = {"--config-file", box.sqlite_config(), "--revisions-dir",
                                  sahara_revisions_dir()};
  all.insert(all.end(), arguments.begin(), arguments.end());
  return run_sdm(box, all);
}

const char* const kSaharaHistory =
    "034 -> 035 (head), boot from volume enhancements\n"
    "033 -> 034, Add boot_from_volumes field for node_groups and related classes\n"
    "032 -> 033, 033_add anti_affinity_ratio field to cluster\n"
    "031 -> 032, 032_add_domain_name\n"
    "030 -> 031, added_plugins_table\n"
    "029 -> 030, health-check\n"
    "028 -> 029, set is_protected on is_default\n"
    "027 -> 028, add_storage_devices_number\n"
    "026 -> 027, Rename oozie_job_id\n"
    "025 -> 026, add is_public and is_protected flags\n"
    "024 -> 025, Increase internal_ip and management_ip column size to work with IPv6\n"
    "023 -> 024, manila_shares\n"
    "022 -> 023, add_use_autoconfig\n"
    "021 -> 022, add_job_interface\n"
    "020 -> 021, Add data_source_urls to job_executions to support placeholders\n"
    "019 -> 020, remove redandunt progress ops\n"
    "018 -> 019, Add is_default field for cluster and node_group templates\n"
    "017 -> 018, add volume_local_to_instance flag\n"
    "016 -> 017, drop progress in JobExecution\n"
    "015 -> 016, Add is_proxy_gateway\n"
    "014 -> 015, add_events_objects\n"
    "013 -> 014, add_volume_type\n"
    "012 -> 013, add volumes_availability_zone field to node groups\n"
    "011 -> 012, add availability_zone field to node groups\n"
    "010 -> 011, add Sahara settings info to cluster\n"
    "009 -> 010, add auto_security_groups flag to node group\n"
    "008 -> 009, add rollback info to cluster\n"
    "007 -> 008, add security_groups field to node groups\n"
    "006 -> 007, convert clusters.status_description to LongText\n"
    "005 -> 006, placeholder\n"
    "004 -> 005, placeholder\n"
    "003 -> 004, placeholder\n"
    "002 -> 003, placeholder\n"
    "001 -> 002, placeholder\n"
    "<base> -> 001, Icehouse release\n";

}  // namespace

TEST_CASE("history of Sahara's revisions is byte for byte the Python tool's") {
  Sandbox box;
  auto r = sahara(box, {"history"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == kSaharaHistory);
}

TEST_CASE("Sahara's three-character ids cannot be abbreviated") {
  Sandbox box;
  auto r = sahara(box, {"upgrade", "03"});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "FAILED: Can't locate revision identified by '03'\n");
}

TEST_CASE("SQLite goes to 035 and rows inserted at 006 are still there") {
  Sandbox box;
  const std::string db = box.path("test.db");
  REQUIRE(sahara(box, {"upgrade", "006"}).exit_code == 0);
  sqlite_exec(db,
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
              "('i-1', 'vm-1', 'ng-1', '10.0.0.1');");
  auto r = sahara(box, {"upgrade", "head"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(sahara(box, {"current"}).out == "035 (head)\n");
  CHECK(sqlite_rows(db, "SELECT id, status_description, cluster_template_id FROM clusters") ==
        std::vector<std::vector<std::string>>{{"c-1", "running fine", "ct-1"}});
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
  // 025 widened the IP columns; 027 renamed oozie_job_id.
  CHECK(sqlite_rows(db,
                    "SELECT type FROM pragma_table_info('instances') WHERE name = 'internal_ip'") ==
        std::vector<std::vector<std::string>>{{"VARCHAR(45)"}});
  CHECK(sqlite_rows(db,
                    "SELECT count(*) FROM pragma_table_info('job_executions') WHERE name = "
                    "'engine_job_id'") == std::vector<std::vector<std::string>>{{"1"}});
}

TEST_CASE("a database left at 020 (as the Python tool leaves one) continues to head") {
  Sandbox box;
  REQUIRE(sahara(box, {"upgrade", "020"}).exit_code == 0);
  // A fresh run knows only the version row; the tables it must rebuild come from 001..020.
  auto r = sahara(box, {"upgrade", "head"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.err.find("Running upgrade 020 -> 021") != std::string::npos);
  CHECK(sahara(box, {"current"}).out == "035 (head)\n");
}

TEST_CASE("stamp 020 on a head database moves only the version row") {
  Sandbox box;
  REQUIRE(sahara(box, {"upgrade", "head"}).exit_code == 0);
  auto r = sahara(box, {"stamp", "020"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("Running stamp_revision 035 -> 020") != std::string::npos);
  CHECK(sahara(box, {"current"}).out == "020\n");
}
