#include "runtime/health_check.hpp"

#include <vector>

#include "common/errors.hpp"

namespace sdm::runtime {

void check_database_health(ConnectionHandle& connection, Access access, ProgressLog& log,
                           const std::string& target_description) {
  std::vector<std::string> refusals;
  for (const HealthFinding& finding : connection.check_health(access)) {
    switch (finding.severity) {
      case HealthSeverity::Note:
        log.info(finding.message);
        break;
      case HealthSeverity::Warning:
        log.warning(finding.message);
        break;
      case HealthSeverity::Refusal:
        refusals.push_back(finding.message);
        break;
    }
  }
  if (refusals.empty()) return;
  if (refusals.size() == 1) throw DatabaseError(refusals.front() + "; nothing was changed");
  // One problem per line after the FAILED line, so none hides behind another.
  std::string listed;
  for (const auto& refusal : refusals)
    listed += "  - " + refusal + "\n";
  throw HostError(ExitCode::Database,
                  std::to_string(refusals.size()) + " problems make " + target_description +
                      " unsafe to change (listed below); nothing was changed",
                  listed);
}

}  // namespace sdm::runtime
