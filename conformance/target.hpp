// The driver and database the conformance suite runs against, and what every test needs from
// them: fresh sessions, an empty database before and after each test, and the host binary with
// the suite's own revisions.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "runtime/connection_handle.hpp"
#include "runtime/dialect_handle.hpp"
#include "runtime/driver_catalog.hpp"
#include "sdm/url.hpp"
#include "support/process.hpp"

namespace sdm::conformance {

/// Where the suite runs, from the command line.
struct TargetSettings {
  std::string driver_file;    ///< the driver plugin (.so) under test
  std::string url;            ///< a URL of an empty scratch database the driver serves
  std::string host_binary;    ///< sahara-db-manage
  std::string revisions_dir;  ///< the suite's revision plugins
};

/// The driver under test and its scratch database. Set up once by main().
class Target {
 public:
  /// Loads the driver (from a private copy of its file) and checks that the database is empty.
  /// Throws std::runtime_error with a message for the operator.
  static void set_up(const TargetSettings& settings);
  static Target& get();
  ~Target();

  const runtime::LoadedDriver& driver() const { return *driver_; }
  const runtime::DialectHandle& dialect() const { return driver_->dialect(); }
  const DialectTraits& traits() const { return dialect().traits(); }
  const Url& url() const { return url_; }
  /// The dialect's name, or the one it renders like when that is a built-in dialect.
  std::string built_in_dialect() const;

  /// A new session, as the host opens one.
  std::unique_ptr<runtime::ConnectionHandle> connect() const;
  /// Drops every table, so the database is as empty as the suite found it.
  void empty_database() const;

  /// Runs sahara-db-manage on the scratch database with the suite's revisions, the driver under
  /// test as its only driver; `arguments` follow the global options.
  test::ProcessResult run_host(const std::vector<std::string>& arguments) const;

 private:
  Target(const TargetSettings& settings);

  TargetSettings settings_;
  std::string work_dir_;  // private: the driver's copy and the config file with the URL
  Url url_;
  std::unique_ptr<runtime::DriverCatalog> catalog_;
  const runtime::LoadedDriver* driver_ = nullptr;
};

/// A doctest fixture: the database is emptied before and after the test.
struct EmptyDatabase {
  EmptyDatabase();
  ~EmptyDatabase();
  Target& target;
};

}  // namespace sdm::conformance

namespace doctest {
/// Query results show as rows of values in a failed CHECK, not as "{?}".
template <>
struct StringMaker<std::vector<std::vector<std::string>>> {
  static String convert(const std::vector<std::vector<std::string>>& rows) {
    std::string text = "{";
    for (const auto& row : rows) {
      text += text.size() > 1 ? ", {" : "{";
      for (std::size_t i = 0; i < row.size(); ++i)
        text += (i ? ", " : "") + row[i];
      text += "}";
    }
    return (text + "}").c_str();
  }
};
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& values) {
    std::string text = "{";
    for (std::size_t i = 0; i < values.size(); ++i)
      text += (i ? ", " : "") + values[i];
    return (text + "}").c_str();
  }
};
}  // namespace doctest
