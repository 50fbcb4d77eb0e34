// What a MySQL/MariaDB server says about itself as a Galera cluster node, and what of that
// would make a migration unsafe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mysql_session.hpp"
#include "sdm/connection.hpp"

namespace sdm::mysql {

/// A Galera node as its variables and status describe it.
struct GaleraNode {
  std::string cluster_name;    ///< wsrep_cluster_name
  std::string node_name;       ///< wsrep_node_name
  std::string address;         ///< where clients reach it: hostname:port
  std::string local_state;     ///< wsrep_local_state_comment: Synced, Donor/Desynced, Joined, ...
  std::string cluster_status;  ///< wsrep_cluster_status: Primary, non-Primary, Disconnected
  bool ready = false;          ///< wsrep_ready
  int cluster_size = 0;        ///< wsrep_cluster_size
  std::string osu_method;      ///< this session's wsrep_OSU_method: TOI, RSU or NBO

  /// "Galera node node1 (db1:3306)"
  std::string describe() const;
};

/// The node the session is connected to, or nullopt when the server is no Galera node (no
/// wsrep variables, wsrep_on OFF, or no provider loaded).
std::optional<GaleraNode> galera_node(MysqlSession& session);

/// Reads the node's state again (it changes while a cluster runs).
GaleraNode refreshed(MysqlSession& session, const GaleraNode& node);

/// What would break replication or make a run unsafe on this node, for a command that does
/// `access` on the session's current database: a node outside the primary component or not
/// Synced, a schema-change method other than TOI, tables without a primary key or not in
/// InnoDB. A note describes the cluster before a run that writes.
std::vector<HealthFinding> galera_health(MysqlSession& session, const GaleraNode& node,
                                         Access access);

}  // namespace sdm::mysql
