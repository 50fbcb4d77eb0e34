// Revision graphs the graph and format suites share, built from literals.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "graph/revision_info.hpp"

namespace sdm::graph::test {

/// A revision literal with a docstring whose first paragraph is `message`.
inline RevisionInfo revision(std::string id, std::vector<std::string> parents,
                             const std::string& message, std::vector<std::string> depends_on = {},
                             std::vector<std::string> labels = {}) {
  RevisionInfo info;
  info.path = "/srv/versions/" + id + ".py";
  info.doc = message + "\n\nRevision ID: " + id + "\n";
  info.id = std::move(id);
  info.parents = std::move(parents);
  info.depends_on = std::move(depends_on);
  info.branch_labels = std::move(labels);
  return info;
}

/// A base with two heads on top of it.
inline std::vector<RevisionInfo> two_heads() {
  return {
      revision("1975ea83b712", {}, "create account table"),
      revision("27c6a30d7c24", {"1975ea83b712"}, "add shopping cart table"),
      revision("ae1027a6acf", {"1975ea83b712"}, "add a column"),
  };
}

/// Sahara's real history, 001..035, with the docstrings of its migration files.
inline std::vector<RevisionInfo> sahara_revisions() {
  return {
      {"001",
       {},
       {},
       {},
       "Icehouse release\n\nRevision ID: 001\nRevises: None\nCreate Date: 2014-04-01 "
       "20:46:25.783444\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "001_icehouse.py"},
      {"002",
       {"001"},
       {},
       {},
       "placeholder\n\nRevision ID: 002\nRevises: 001\nCreate Date: 2014-04-01 21:04:47.941098\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "002_placeholder.py"},
      {"003",
       {"002"},
       {},
       {},
       "placeholder\n\nRevision ID: 003\nRevises: 002\nCreate Date: 2014-04-01 21:05:00.270366\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "003_placeholder.py"},
      {"004",
       {"003"},
       {},
       {},
       "placeholder\n\nRevision ID: 004\nRevises: 003\nCreate Date: 2014-04-01 21:04:57.627883\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "004_placeholder.py"},
      {"005",
       {"004"},
       {},
       {},
       "placeholder\n\nRevision ID: 005\nRevises: 004\nCreate Date: 2014-04-01 21:04:54.928605\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "005_placeholder.py"},
      {"006",
       {"005"},
       {},
       {},
       "placeholder\n\nRevision ID: 006\nRevises: 005\nCreate Date: 2014-04-01 21:04:52.194332\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "006_placeholder.py"},
      {"007",
       {"006"},
       {},
       {},
       "convert clusters.status_description to LongText\n\nRevision ID: 007\nRevises: 006\nCreate "
       "Date: 2014-06-20 22:36:00.783444\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "007_increase_status_description_size.py"},
      {"008",
       {"007"},
       {},
       {},
       "add security_groups field to node groups\n\nRevision ID: 008\nRevises: 007\nCreate Date: "
       "2014-07-15 14:31:49.685689\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "008_security_groups.py"},
      {"009",
       {"008"},
       {},
       {},
       "add rollback info to cluster\n\nRevision ID: 009\nRevises: 008\nCreate Date: 2014-06-25 "
       "22:36:00.783444\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "009_rollback_info.py"},
      {"010",
       {"009"},
       {},
       {},
       "add auto_security_groups flag to node group\n\nRevision ID: 010\nRevises: 009\nCreate "
       "Date: 2014-07-21 14:31:49.685689\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "010_auto_security_groups.py"},
      {"011",
       {"010"},
       {},
       {},
       "add Sahara settings info to cluster\n\nRevision ID: 011\nRevises: 010\nCreate Date: "
       "2014-08-26 22:36:00.783444\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "011_sahara_info.py"},
      {"012",
       {"011"},
       {},
       {},
       "add availability_zone field to node groups\n\nRevision ID: 012\nRevises: 011\nCreate Date: "
       "2014-09-08 15:37:00.000000\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "012_availability_zone.py"},
      {"013",
       {"012"},
       {},
       {},
       "add volumes_availability_zone field to node groups\n\nRevision ID: 013\nRevises: "
       "012\nCreate Date: 2014-09-08 15:37:00.000000\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "013_volumes_availability_zone.py"},
      {"014",
       {"013"},
       {},
       {},
       "add_volume_type\n\nRevision ID: 014\nRevises: 013\nCreate Date: 2014-10-09 "
       "12:47:17.871520\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "014_add_volume_type.py"},
      {"015",
       {"014"},
       {},
       {},
       "add_events_objects\n\nRevision ID: 015\nRevises: 014\nCreate Date: 2014-11-07 "
       "15:20:21.806128\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "015_add_events_objects.py"},
      {"016",
       {"015"},
       {},
       {},
       "Add is_proxy_gateway\n\nRevision ID: 016\nRevises: 015\nCreate Date: 2014-11-10 "
       "12:47:17.871520\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "016_is_proxy_gateway.py"},
      {"017",
       {"016"},
       {},
       {},
       "drop progress in JobExecution\n\nRevision ID: 017\nRevises: 016\nCreate Date: 2015-02-25 "
       "09:23:04.390388\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "017_drop_progress.py"},
      {"018",
       {"017"},
       {},
       {},
       "add volume_local_to_instance flag\n\nRevision ID: 018\nRevises: 017\nCreate Date: "
       "2015-03-03 14:35:43.625429\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "018_volume_local_to_instance.py"},
      {"019",
       {"018"},
       {},
       {},
       "Add is_default field for cluster and node_group templates\n\nRevision ID: 019\nRevises: "
       "018\nCreate Date: 2015-03-02 14:32:04.415021\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "019_is_default_for_templates.py"},
      {"020",
       {"019"},
       {},
       {},
       "remove redandunt progress ops\n\nRevision ID: 020\nRevises: 019\nCreate Date: 2015-02-26 "
       "15:01:41.015076\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "020_remove_redandunt_progress_ops.py"},
      {"021",
       {"020"},
       {},
       {},
       "Add data_source_urls to job_executions to support placeholders\n\nRevision ID: "
       "021\nRevises: 020\nCreate Date: 2015-02-24 12:47:17.871520\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "021_datasource_placeholders.py"},
      {"022",
       {"021"},
       {},
       {},
       "add_job_interface\n\nRevision ID: 022\nRevises: 021\nCreate Date: 2015-01-27 "
       "15:53:22.128263\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "022_add_job_interface.py"},
      {"023",
       {"022"},
       {},
       {},
       "add_use_autoconfig\n\nRevision ID: 023\nRevises: 022\nCreate Date: 2015-04-24 "
       "14:51:39.582085\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "023_add_use_autoconfig.py"},
      {"024",
       {"023"},
       {},
       {},
       "manila_shares\n\nRevision ID: 024\nRevises: 023\nCreate Date: 2015-07-20 14:51:20.275823\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "024_manila_shares.py"},
      {"025",
       {"024"},
       {},
       {},
       "Increase internal_ip and management_ip column size to work with IPv6\n\nRevision ID: "
       "025\nRevises: 024\nCreate Date: 2015-07-17 09:58:22.128263\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "025_increase_ip_column_size.py"},
      {"026",
       {"025"},
       {},
       {},
       "add is_public and is_protected flags\n\nRevision ID: 026\nRevises: 025\nCreate Date: "
       "2015-06-24 12:41:52.571258\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "026_add_is_public_is_protected.py"},
      {"027",
       {"026"},
       {},
       {},
       "Rename oozie_job_id\n\nRevision ID: 027\nRevises: 026\nCreate Date: 2015-07-27 "
       "14:31:02.413053\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "027_rename_oozie_job_id.py"},
      {"028",
       {"027"},
       {},
       {},
       "add_storage_devices_number\n\nRevision ID: 028\nRevises: 027\nCreate Date: 2015-07-20 "
       "16:56:23.562710\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "028_storage_devices_number.py"},
      {"029",
       {"028"},
       {},
       {},
       "set is_protected on is_default\n\nRevision ID: 029\nRevises: 028\nCreate Date: 2015-11-4 "
       "12:41:52.571258\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "029_set_is_protected_on_is_default.py"},
      {"030",
       {"029"},
       {},
       {},
       "health-check\n\nRevision ID: 029\nRevises: 028\nCreate Date: 2016-01-26 16:11:46.008367\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "030-health-check.py"},
      {"031",
       {"030"},
       {},
       {},
       "added_plugins_table\n\nRevision ID: 031\nRevises: 030\nCreate Date: 2016-06-21 "
       "13:32:40.151321\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "031_added_plugins_table.py"},
      {"032",
       {"031"},
       {},
       {},
       "032_add_domain_name\n\nRevision ID: 032\nRevises: 031\nCreate Date: 2016-07-21 "
       "13:33:33.674853\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "032_add_domain_name.py"},
      {"033",
       {"032"},
       {},
       {},
       "033_add anti_affinity_ratio field to cluster\n\nRevision ID: 033\nRevises: 032\nCreate "
       "Date: 2016-01-05 09:40:25.941365\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "033_add_anti_affinity_ratio_field_to_cluster.py"},
      {"034",
       {"033"},
       {},
       {},
       "Add boot_from_volumes field for node_groups and related classes\n\nRevision ID: "
       "034\nRevises: 033\nCreate Date: 2018-06-06 17:36:04.749264\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "034_boot_from_volume.py"},
      {"035",
       {"034"},
       {},
       {},
       "boot from volume enhancements\n\nRevision ID: 035\nRevises: 034\nCreate Date: 2019-01-07 "
       "19:55:54.025736\n",
       "/usr/lib/python3/dist-packages/sahara/db/migration/alembic_migrations/versions/"
       "035_boot_from_volume_enhancements.py"},
  };
}

/// The graph of the reference Alembic run (anchors 4.5): two bases, a branch point, a merge,
/// and a labelled branch whose head depends on the main line. Files load in id order.
inline std::vector<RevisionInfo> reference_run_revisions() {
  return {
      revision("109ec7d132bf", {}, "create networking branch", {}, {"networking"}),
      revision("1975ea83b712", {}, "create account table"),
      revision("27c6a30d7c24", {"1975ea83b712"}, "add shopping cart table"),
      revision("2a95102259be", {"109ec7d132bf"}, "add ip account table", {"ae1027a6acf"}),
      revision("53fffde5ad5", {"27c6a30d7c24", "ae1027a6acf"}, "merge ae1 and 27c"),
      revision("ae1027a6acf", {"1975ea83b712"}, "add a column"),
  };
}

/// The networking example of Alembic's branches guide: a labelled second base whose head
/// depends on a revision of the main line.
inline std::vector<RevisionInfo> networking_guide_revisions() {
  return {
      revision("109ec7d132bf", {"3cac04ae8714"}, "add ip number table"),
      revision("1975ea83b712", {}, "create account table"),
      revision("27c6a30d7c24", {"1975ea83b712"}, "add shopping cart table"),
      revision("29f859a13ea", {"109ec7d132bf"}, "add DNS table"),
      revision("2a95102259be", {"29f859a13ea"}, "add ip account table", {"55af2cb1c267"}),
      revision("3cac04ae8714", {}, "create networking branch", {}, {"networking"}),
      revision("55af2cb1c267", {"ae1027a6acf"}, "add another account column"),
      revision("ae1027a6acf", {"1975ea83b712"}, "Add a column"),
  };
}

}  // namespace sdm::graph::test
