// What the end-to-end tests share: a scratch directory, running the real binary, reading a
// SQLite database directly.
#pragma once

#include <string>
#include <vector>

#include "support/process.hpp"

namespace sdm::test {

/// A fresh temporary directory, removed with everything in it at the end of the test.
class Sandbox {
 public:
  Sandbox();
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  const std::string& dir() const { return dir_; }
  std::string path(const std::string& relative) const { return dir_ + "/" + relative; }
  /// Writes a file (creating its directories) and returns its path.
  std::string write(const std::string& relative, const std::string& content) const;
  /// A config file pointing at `sqlite:///<dir>/<database>`; returns its path.
  std::string sqlite_config(const std::string& database = "test.db") const;

 private:
  std::string dir_;
};

/// Runs sahara-db-manage in the sandbox (HOME too, so no real config file is found).
ProcessResult run_sdm(const Sandbox& sandbox, const std::vector<std::string>& arguments);

/// sahara-db-manage with `--config-file <sqlite config> --revisions-dir <fixture scenario>`.
ProcessResult sdm_on(const Sandbox& sandbox, const std::string& scenario,
                     const std::vector<std::string>& arguments);

/// The directory of a fixture scenario's revision plugins.
std::string fixture_dir(const std::string& scenario);
/// The directory of Sahara's revisions in the build tree.
std::string sahara_revisions_dir();
/// The directory of the built driver plugins.
std::string drivers_dir();
/// The built binary.
std::string binary_path();

/// The bytes of a file ("" when it cannot be read).
std::string file_text(const std::string& path);
/// The path of the one file in `dir`; throws when there is none or more than one.
std::string only_file(const std::string& dir);

/// Runs a query on a SQLite file; every value as text ("NULL" for NULL).
std::vector<std::vector<std::string>> sqlite_rows(const std::string& database,
                                                  const std::string& sql);
/// Runs statements on a SQLite file.
void sqlite_exec(const std::string& database, const std::string& sql);
/// The rows of alembic_version in the sandbox's test.db, sorted.
std::vector<std::string> version_rows(const Sandbox& sandbox);
/// Logs every insert, update and delete on alembic_version (which must exist) into a side
/// table through triggers, so a test sees the exact writes, not only the rows left.
void log_version_writes(const std::string& database);
/// The writes logged since the last call, oldest first ("insert:a", "update:a->b",
/// "delete:b"); the log is emptied.
std::vector<std::string> take_version_writes(const std::string& database);
/// An executable "editor" in the sandbox that appends the file it is given to `log`.
std::string write_logging_editor(const Sandbox& sandbox, const std::string& log);

/// The names of the tables in a SQLite file, sorted.
std::vector<std::string> sqlite_tables(const std::string& database);

/// Rows in Sahara's tables at 006: a cluster template, a cluster using it, a node group template,
/// a node group of the cluster and an instance of the node group.
extern const char* const kSaharaRowsAt006;
/// Checks, in a SQLite file at 035, that the rows of kSaharaRowsAt006 came through every table
/// rebuild with their values and foreign keys, and 034's NOT NULL columns filled.
void check_sahara_rows_from_006(const std::string& database);

}  // namespace sdm::test
