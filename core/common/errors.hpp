// The host's error classes, each with its documented exit code (see README "Exit codes").
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

#include "sdm/error.hpp"

namespace sdm {

/// Process exit codes, one per error class.
enum class ExitCode : int {
  Ok = 0,
  Internal = 1,  ///< a bug or an unexpected failure
  Usage = 2,     ///< bad command line
  Config = 3,    ///< config file or database URL
  Revision = 4,  ///< revision graph or revision argument
  Plugin = 5,    ///< a plugin could not be used
  Database = 6,  ///< connecting, SQL, or the state of the database
  Lock = 7,      ///< a lock was not granted in time (another runner's, or a table lock)
  Branched = 8,  ///< check_migration: the timeline has more than one head
  Differs = 9,   ///< check, drift: the database differs from the schema it should have
};

/// Base of every error the host reports as `FAILED: <message>`.
class HostError : public std::runtime_error {
 public:
  HostError(ExitCode code, const std::string& message, std::string details = {},
            ErrorKind kind = ErrorKind::General)
      : std::runtime_error(message), code_(code), details_(std::move(details)), kind_(kind) {}
  ExitCode code() const { return code_; }
  /// Lines printed after the FAILED line (e.g. recovery steps); empty for most errors.
  const std::string& details() const { return details_; }
  /// For a database failure: a timeout or a lost connection, which change the advice.
  ErrorKind kind() const { return kind_; }

 private:
  ExitCode code_;
  std::string details_;
  ErrorKind kind_;
};

/// The command line is wrong.
class UsageError : public HostError {
 public:
  explicit UsageError(const std::string& message) : HostError(ExitCode::Usage, message) {}
};

/// A config file or the database URL is wrong.
class ConfigError : public HostError {
 public:
  explicit ConfigError(const std::string& message) : HostError(ExitCode::Config, message) {}
};

/// The revision graph is broken, or a revision argument cannot be resolved.
class RevisionError : public HostError {
 public:
  explicit RevisionError(const std::string& message, std::string details = {})
      : HostError(ExitCode::Revision, message, std::move(details)) {}
};

/// A plugin file was rejected or failed.
class PluginError : public HostError {
 public:
  explicit PluginError(const std::string& message) : HostError(ExitCode::Plugin, message) {}
};

/// The database failed or is in a state the command cannot work from.
class DatabaseError : public HostError {
 public:
  explicit DatabaseError(const std::string& message, ErrorKind kind = ErrorKind::General)
      : HostError(ExitCode::Database, message, {}, kind) {}
};

/// A lock could not be taken in time: the run lock, or (with a lock-wait timeout) a lock on
/// a table another transaction holds.
class LockTimeoutError : public HostError {
 public:
  explicit LockTimeoutError(const std::string& message, ErrorKind kind = ErrorKind::General)
      : HostError(ExitCode::Lock, message, {}, kind) {}
};

}  // namespace sdm
