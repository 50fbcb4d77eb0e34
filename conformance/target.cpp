#include "target.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "common/errors.hpp"
#include "config/database_url.hpp"
#include "sdm/secret.hpp"

namespace sdm::conformance {
namespace {

std::unique_ptr<Target> the_target;

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names)
    text += (text.empty() ? "" : ", ") + name;
  return text;
}

/// A directory only this user can read: it holds a copy of the URL, password included.
std::string make_private_dir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/sdm-conformance-XXXXXX";
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a directory in " + pattern);
  return pattern;
}

/// The value of `connection =` in an oslo.config file: `$` would start a substitution.
std::string config_value(const std::string& text) {
  std::string escaped;
  for (char c : text)
    escaped += c == '$' ? std::string("$$") : std::string(1, c);
  return escaped;
}

}  // namespace

void Target::set_up(const TargetSettings& settings) {
  the_target.reset(new Target(settings));
}

Target& Target::get() {
  if (!the_target) throw std::logic_error("the conformance target is not set up");
  return *the_target;
}

Target::Target(const TargetSettings& settings) : settings_(settings) {
  namespace fs = std::filesystem;
  if (!fs::is_regular_file(settings.driver_file))
    throw ConfigError("the driver plugin " + settings.driver_file + " is not a file");
  url_ = config::parse_database_url(settings.url);
  work_dir_ = make_private_dir();
  // The driver's own copy in a directory of its own: the host loads exactly this driver.
  fs::create_directory(work_dir_ + "/drivers");
  const std::string copy =
      work_dir_ + "/drivers/" + fs::path(settings.driver_file).filename().string();
  fs::copy_file(settings.driver_file, copy);
  // The host trusts only plugins no one else can change; the copy is the suite's own.
  fs::permissions(copy, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);
  {
    std::ofstream config(work_dir_ + "/database.conf");
    config << "[database]\nconnection = " << config_value(settings.url) << "\n";
    if (!config) throw std::runtime_error("cannot write " + work_dir_ + "/database.conf");
  }
  chmod((work_dir_ + "/database.conf").c_str(), 0600);

  catalog_ = std::make_unique<runtime::DriverCatalog>(work_dir_ + "/drivers");
  if (!catalog_->rejections().empty())
    throw PluginError("the driver plugin " + settings.driver_file +
                      " is rejected: " + catalog_->rejections().front().reason);
  driver_ = &catalog_->driver_for(url_.scheme);

  auto session = connect();
  const auto tables = session->table_names();
  if (!tables.empty())
    throw DatabaseError("the database at " + without_secret(settings.url, url_.password) +
                        " has tables (" + join(tables) +
                        "); the conformance suite creates and drops tables, so give it an empty "
                        "scratch database");
}

Target::~Target() {
  std::error_code ignored;
  std::filesystem::remove_all(work_dir_, ignored);
}

std::string Target::built_in_dialect() const {
  const std::string& name = dialect().name();
  if (name == "sqlite" || name == "postgresql" || name == "mysql") return name;
  return traits().renders_like;
}

std::unique_ptr<runtime::ConnectionHandle> Target::connect() const {
  return driver_->connect(url_);
}

void Target::empty_database() const {
  auto session = connect();
  if (!traits().disable_foreign_keys.empty()) session->execute(traits().disable_foreign_keys);
  // A table others refer to drops once they are gone: a few passes empty any schema.
  for (std::vector<std::string> tables = session->table_names(); !tables.empty();) {
    std::vector<std::string> kept;
    for (const auto& table : tables) {
      try {
        session->execute("DROP TABLE " + dialect().quote(table));
      } catch (const DatabaseError&) {
        kept.push_back(table);
      }
    }
    if (kept.size() == tables.size())
      throw DatabaseError("cannot drop the tables the suite left behind: " + join(kept));
    tables = session->table_names();
  }
}

test::ProcessResult Target::run_host(const std::vector<std::string>& arguments) const {
  std::vector<std::string> command = {"--config-file",   work_dir_ + "/database.conf",
                                      "--drivers-dir",   work_dir_ + "/drivers",
                                      "--revisions-dir", settings_.revisions_dir};
  command.insert(command.end(), arguments.begin(), arguments.end());
  return test::run_process(settings_.host_binary, command, work_dir_, {{"HOME", work_dir_}});
}

EmptyDatabase::EmptyDatabase() : target(Target::get()) {
  target.empty_database();
}

EmptyDatabase::~EmptyDatabase() {
  try {
    target.empty_database();
  } catch (...) {
    // The next test starts by emptying it again, and reports what is in the way.
  }
}

}  // namespace sdm::conformance
