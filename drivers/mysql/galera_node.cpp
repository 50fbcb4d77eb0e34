#include "galera_node.hpp"

#include <algorithm>
#include <map>

namespace sdm::mysql {
namespace {

using Values = std::map<std::string, std::string>;

/// Name/value rows of SHOW VARIABLES or SHOW STATUS, names in lower case.
Values name_values(MysqlSession& session, const std::string& sql) {
  Values values;
  for (const Row& row : session.query(sql)) {
    if (row.size() < 2 || !row[0]) continue;
    std::string name = *row[0];
    for (char& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    values[name] = row[1].value_or("");
  }
  return values;
}

std::string value(const Values& values, const std::string& name) {
  auto found = values.find(name);
  return found == values.end() ? "" : found->second;
}

/// Status is read without waiting for the cluster: a node that lags or lost the primary
/// component must still say so.
class SyncWaitOff {
 public:
  explicit SyncWaitOff(MysqlSession& session) : session_(session) {
    previous_ = session_.query_value("SELECT @@SESSION.wsrep_sync_wait").value_or("0");
    if (previous_ != "0") session_.execute("SET SESSION wsrep_sync_wait = 0");
  }
  ~SyncWaitOff() {
    try {
      if (previous_ != "0") session_.execute("SET SESSION wsrep_sync_wait = " + previous_);
    } catch (...) {
      // A lost session fails its next statement anyway.
    }
  }
  SyncWaitOff(const SyncWaitOff&) = delete;
  SyncWaitOff& operator=(const SyncWaitOff&) = delete;

 private:
  MysqlSession& session_;
  std::string previous_;
};

void read_status(MysqlSession& session, GaleraNode& node) {
  const Values status =
      name_values(session,
                  "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment', "
                  "'wsrep_cluster_status', 'wsrep_ready', 'wsrep_cluster_size')");
  node.local_state = value(status, "wsrep_local_state_comment");
  node.cluster_status = value(status, "wsrep_cluster_status");
  node.ready = value(status, "wsrep_ready") == "ON";
  const std::string size = value(status, "wsrep_cluster_size");
  node.cluster_size = size.empty() ? 0 : std::stoi(size);
  node.osu_method = session.query_value("SELECT @@SESSION.wsrep_OSU_method").value_or("");
}

/// "a, b and c"
std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return text;
}

std::vector<std::string> first_column(const Rows& rows) {
  std::vector<std::string> values;
  for (const Row& row : rows)
    if (!row.empty() && row[0]) values.push_back(*row[0]);
  return values;
}

void check_tables(MysqlSession& session, std::vector<HealthFinding>& findings) {
  const auto without_key = first_column(session.query(
      "SELECT t.TABLE_NAME FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = DATABASE() "
      "AND t.TABLE_TYPE = 'BASE TABLE' AND NOT EXISTS (SELECT 1 FROM "
      "information_schema.TABLE_CONSTRAINTS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND "
      "c.TABLE_NAME = t.TABLE_NAME AND c.CONSTRAINT_TYPE = 'PRIMARY KEY') ORDER BY 1"));
  if (!without_key.empty()) {
    // A warning, not a refusal: schema changes replicate in total order whatever the keys, and
    // Sahara's own libs_association and mains_association have none (as upstream's do).
    findings.push_back(
        {HealthSeverity::Warning,
         std::string(without_key.size() == 1 ? "table " : "tables ") + listed(without_key) +
             (without_key.size() == 1 ? " has" : " have") +
             " no primary key: Galera replicates their rows less reliably (every UPDATE or "
             "DELETE scans the table on each node, and identical rows may end up different); "
             "consider adding one"});
  }
  std::vector<std::string> other_engines;
  for (const Row& row :
       session.query("SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES WHERE "
                     "TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND "
                     "(ENGINE IS NULL OR ENGINE <> 'InnoDB') ORDER BY 1")) {
    if (row.size() < 2 || !row[0]) continue;
    other_engines.push_back(*row[0] + " (" + row[1].value_or("no engine") + ")");
  }
  if (!other_engines.empty()) {
    findings.push_back({HealthSeverity::Refusal,
                        std::string(other_engines.size() == 1 ? "table " : "tables ") +
                            listed(other_engines) + (other_engines.size() == 1 ? " is" : " are") +
                            " not stored in InnoDB, and Galera replicates only InnoDB tables; "
                            "convert with ALTER TABLE <name> ENGINE=InnoDB before migrating"});
  }
}

}  // namespace

std::string GaleraNode::describe() const {
  return "Galera node " + node_name + " (" + address + ")";
}

std::optional<GaleraNode> galera_node(MysqlSession& session) {
  // SHOW, not SELECT @@wsrep_on: Oracle's MySQL has no wsrep variables at all.
  const Values variables =
      name_values(session,
                  "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('wsrep_on', 'wsrep_provider', "
                  "'wsrep_cluster_name', 'wsrep_node_name', 'hostname', 'port')");
  if (value(variables, "wsrep_on") != "ON") return std::nullopt;
  const std::string provider = value(variables, "wsrep_provider");
  if (provider.empty() || provider == "none") return std::nullopt;
  GaleraNode node;
  node.cluster_name = value(variables, "wsrep_cluster_name");
  node.node_name = value(variables, "wsrep_node_name");
  node.address = value(variables, "hostname") + ":" + value(variables, "port");
  SyncWaitOff no_wait(session);
  read_status(session, node);
  return node;
}

GaleraNode refreshed(MysqlSession& session, const GaleraNode& node) {
  GaleraNode now = node;
  SyncWaitOff no_wait(session);
  read_status(session, now);
  return now;
}

std::vector<HealthFinding> galera_health(MysqlSession& session, const GaleraNode& known,
                                         Access access) {
  const GaleraNode node = refreshed(session, known);
  std::vector<HealthFinding> findings;
  if (!node.ready || node.cluster_status != "Primary") {
    // Such a node refuses every query; say why, and where to go instead.
    findings.push_back({HealthSeverity::Refusal,
                        node.describe() + " is not part of the cluster's primary component " +
                            "(wsrep_cluster_status " + node.cluster_status + ", wsrep_ready " +
                            (node.ready ? "ON" : "OFF") +
                            "): it cannot read or write the cluster's data; point the URL at a " +
                            "node of the primary component"});
    return findings;
  }
  if (node.local_state != "Synced") {
    const std::string state = node.describe() + " is " + node.local_state + ", not Synced";
    if (access == Access::Read) {
      findings.push_back(
          {HealthSeverity::Warning, state + ": what it reports may lag behind the cluster"});
    } else {
      findings.push_back({HealthSeverity::Refusal,
                          state + ": it may lag behind the cluster or be blocked by a state "
                                  "transfer; wait until it is Synced, or point the URL at a "
                                  "Synced node"});
    }
  }
  if (access == Access::Read) return findings;
  if (node.osu_method != "TOI") {
    findings.push_back(
        {HealthSeverity::Refusal,
         "wsrep_OSU_method is " + node.osu_method + " on " + node.describe() +
             ": schema changes would not replicate in total order to every node; set it back "
             "to TOI (SET GLOBAL wsrep_OSU_method = 'TOI', and in the server's configuration) "
             "before migrating"});
  }
  check_tables(session, findings);
  const bool refused = std::any_of(findings.begin(), findings.end(), [](const auto& f) {
    return f.severity == HealthSeverity::Refusal;
  });
  if (!refused) {
    findings.insert(findings.begin(),
                    {HealthSeverity::Note,
                     "Galera cluster " + node.cluster_name + ": " + node.describe() +
                         " is Synced, " + std::to_string(node.cluster_size) +
                         " nodes in the primary component; the run lock holds cluster-wide"});
  }
  return findings;
}

}  // namespace sdm::mysql
