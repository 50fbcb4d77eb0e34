#include "runtime/code_step_session.hpp"

#include "common/errors.hpp"
#include "sdm/detail/guard.hpp"

namespace sdm::runtime {
namespace {

/// Runs `call` behind the plugin boundary's guard; a host error keeps its kind, so the plugin
/// side decodes a timeout as a timeout.
template <class Call>
bool reported(std::string& error, Call&& call) noexcept {
  return detail::guarded(error, [&] {
    try {
      call();
    } catch (const HostError& e) {
      throw Error(e.what(), e.kind());
    }
  });
}

}  // namespace

bool CodeStepSession::execute(const std::string& sql, const std::vector<Value>& values,
                              std::int64_t& affected, std::string& error) noexcept {
  return reported(error, [&] { affected = connection_.execute_bound(sql, values); });
}

bool CodeStepSession::query(const std::string& sql, const std::vector<Value>& values, Rows& rows,
                            std::string& error) noexcept {
  return reported(error, [&] { rows = connection_.query_bound(sql, values); });
}

void run_code_step(const RunCode& step, ConnectionHandle& connection, const std::string& dialect) {
  CodeStepSession session(connection);
  std::string error;
  if (step.step && step.step->run(session, dialect, error)) return;
  auto [kind, message] = detail::decode_failure(error);
  if (kind == ErrorKind::LockWaitTimeout) throw LockTimeoutError(message, kind);
  throw DatabaseError(message, kind);
}

}  // namespace sdm::runtime
