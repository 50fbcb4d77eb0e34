#include "runtime/code_step_session.hpp"

#include "common/errors.hpp"
#include "sdm/detail/guard.hpp"

namespace sdm::runtime {
namespace {

/// Runs `call`, turning a failure into the text the plugin side decodes (its kind kept).
template <class Call>
bool reported(std::string& error, Call&& call) noexcept {
  try {
    call();
    return true;
  } catch (const HostError& e) {
    try {
      error = detail::encode_failure(e.kind(), e.what());
    } catch (...) {
    }
  } catch (const std::exception& e) {
    try {
      error = e.what();
    } catch (...) {
    }
  }
  return false;
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
