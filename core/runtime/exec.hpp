// The one place every rendered statement goes through: the live connection online, the
// script on stdout offline. BEGIN/COMMIT and version-table writes pass here too, so the
// offline script is exactly what an online run executes.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "runtime/connection_handle.hpp"
#include "runtime/dialect_handle.hpp"

namespace sdm::runtime {

/// Executes statements on a connection, or writes them as an offline SQL script.
class Exec {
 public:
  /// Online: statements run on `connection`.
  Exec(ConnectionHandle& connection, const DialectHandle& dialect);
  /// Offline: statements are written to `script` as "statement;\n\n".
  Exec(std::ostream& script, const DialectHandle& dialect);

  bool offline() const { return script_ != nullptr; }
  const DialectHandle& dialect() const { return dialect_; }
  /// The live connection; throws std::logic_error offline.
  ConnectionHandle& connection();

  /// Runs or writes one statement; returns the rows it changed online (-1 offline/unknown).
  std::int64_t run(const std::string& sql);
  /// Writes "-- text" to the script; nothing online.
  void comment(const std::string& text);
  /// Opens a transaction (offline: writes BEGIN where the dialect's scripts carry it).
  void begin();
  /// Commits the open transaction (offline: writes COMMIT where scripts carry it).
  void commit();
  /// Rolls back the open transaction, if any; never throws (it runs during error handling).
  void rollback_quietly() noexcept;

 private:
  ConnectionHandle* connection_ = nullptr;
  std::ostream* script_ = nullptr;
  const DialectHandle& dialect_;
  bool in_transaction_ = false;
};

}  // namespace sdm::runtime
