// The session a revision's code step (op.run) gets: the run's own connection, behind the
// plugin boundary's no-exception calls.
#pragma once

#include <string>

#include "runtime/connection_handle.hpp"
#include "sdm/session.hpp"

namespace sdm::runtime {

class CodeStepSession final : public abi::Session {
 public:
  explicit CodeStepSession(ConnectionHandle& connection) : connection_(connection) {}

  bool execute(const std::string& sql, const std::vector<Value>& values, std::int64_t& affected,
               std::string& error) noexcept override;
  bool query(const std::string& sql, const std::vector<Value>& values, Rows& rows,
             std::string& error) noexcept override;

 private:
  ConnectionHandle& connection_;
};

/// Runs `step` on `connection` for `dialect`. Throws the failure as the host error of its
/// kind (a lock-wait timeout keeps its exit code); the runner says which revision and op.
void run_code_step(const RunCode& step, ConnectionHandle& connection, const std::string& dialect);

}  // namespace sdm::runtime
