// From parsed config files to Settings: the connection with its deprecated names, and
// sahara-db-manage's own keys.
#include <doctest/doctest.h>

#include "config/config_sources.hpp"
#include "config/settings.hpp"
#include "unit/config_test_support.hpp"

namespace sdm::config {
namespace {

using test::config_error_of;
using test::contains;

// Parses (path, text) pairs in reading order and extracts the settings.
Settings settings_of(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<ConfigFile> parsed;
  for (const auto& [path, text] : files)
    parsed.push_back(parse_config_text(text, path));
  return settings_from(parsed);
}

Settings settings_of(const std::string& text) {
  return settings_of({{"/etc/sahara/sahara.conf", text}});
}

std::string connection_of(const std::string& text) {
  return settings_of(text).connection.value_or("<unset>");
}

std::string settings_error(const std::string& text) {
  return config_error_of([&] { settings_of(text); });
}

TEST_CASE("settings: [database] connection is the connection, with where it was set") {
  Settings settings =
      settings_of("[DEFAULT]\ndebug = true\n[database]\nconnection = sqlite:////x.db\n");
  CHECK(settings.connection == std::optional<std::string>("sqlite:////x.db"));
  REQUIRE(settings.connection_origin.has_value());
  CHECK(settings.connection_origin->file == "/etc/sahara/sahara.conf");
  CHECK(settings.connection_origin->section == "database");
  CHECK(settings.connection_origin->key == "connection");
  CHECK(settings.connection_origin->line == 4);
  CHECK(settings.connection_origin->describe() ==
        "/etc/sahara/sahara.conf:4: [database] connection");
  CHECK(settings.config_files == std::vector<std::string>{"/etc/sahara/sahara.conf"});
  CHECK(settings.any_config_file());
}

TEST_CASE("settings: each deprecated name oslo.db still reads sets the connection") {
  CHECK(connection_of("[DEFAULT]\nsql_connection = A\n") == "A");
  CHECK(connection_of("[DATABASE]\nsql_connection = B\n") == "B");
  CHECK(connection_of("[database]\nsql_connection = C\n") == "C");
  CHECK(connection_of("[sql]\nconnection = D\n") == "D");
  CHECK(connection_of("[Database]\nconnection = E\n") == "E");
  CHECK(connection_of("[SQL]\nconnection = F\n") == "F");
}

TEST_CASE("settings: names oslo does not read leave the connection unset") {
  CHECK(connection_of("[default]\nsql_connection = A\n") == "<unset>");
  CHECK(connection_of("[DEFAULT]\nconnection = A\n") == "<unset>");
  CHECK(connection_of("[ database ]\nconnection = A\n") == "<unset>");
  CHECK(connection_of("[sql]\nsql_connection = A\n") == "<unset>");
  Settings settings = settings_of("[DEFAULT]\ndebug = true\n");
  CHECK(settings.any_config_file());
  CHECK_FALSE(settings.connection.has_value());
  CHECK_FALSE(settings.connection_origin.has_value());
}

TEST_CASE(
    "settings: within one file the current name beats the deprecated ones wherever they stand") {
  CHECK(connection_of("[database]\nconnection = current\n[DEFAULT]\nsql_connection = old\n") ==
        "current");
  CHECK(connection_of("[DEFAULT]\nsql_connection = old\n[database]\nconnection = current\n") ==
        "current");
  CHECK(connection_of("[sql]\nconnection = old\n[database]\nconnection = current\n") == "current");
}

TEST_CASE("settings: within one file the deprecated names rank in oslo.db's order") {
  CHECK(connection_of("[DATABASE]\nsql_connection = second\n[DEFAULT]\nsql_connection = first\n") ==
        "first");
  CHECK(connection_of("[sql]\nconnection = third\n[DATABASE]\nsql_connection = second\n") ==
        "second");
  Settings settings = settings_of("[sql]\nconnection = third\n[DEFAULT]\nsql_connection = first\n");
  CHECK(settings.connection == std::optional<std::string>("first"));
  CHECK(settings.connection_origin->section == "DEFAULT");
  CHECK(settings.connection_origin->key == "sql_connection");
  CHECK(settings.connection_origin->line == 4);
}

TEST_CASE("settings: across files the last file holding any of the names wins") {
  Settings settings = settings_of({{"/etc/sahara/a.conf", "[database]\nconnection = current\n"},
                                   {"/etc/sahara/b.conf", "[DEFAULT]\nsql_connection = old\n"},
                                   {"/etc/sahara/c.conf", "[DEFAULT]\ndebug = true\n"}});
  CHECK(settings.connection == std::optional<std::string>("old"));
  CHECK(settings.connection_origin->file == "/etc/sahara/b.conf");
  CHECK(settings.connection_origin->section == "DEFAULT");
  CHECK(settings.connection_origin->key == "sql_connection");
  CHECK(settings.config_files ==
        std::vector<std::string>{"/etc/sahara/a.conf", "/etc/sahara/b.conf", "/etc/sahara/c.conf"});
}

TEST_CASE("settings: the origin keeps the section name as the file wrote it") {
  Settings settings = settings_of("[DATABASE]\nsql_connection = x\n");
  CHECK(settings.connection_origin->section == "DATABASE");
  CHECK(settings.connection_origin->describe() ==
        "/etc/sahara/sahara.conf:2: [DATABASE] sql_connection");
}

TEST_CASE("settings: an empty connection names the file and line and says what to write") {
  CHECK(settings_error("[database]\nconnection =\n") ==
        "/etc/sahara/sahara.conf:2: [database] connection is empty: write the database URL, "
        "e.g. `connection = mysql+pymysql://sahara:PASSWORD@HOST/sahara` or `connection = "
        "sqlite:////var/lib/sahara/sahara.sqlite`, or delete the line");
  CHECK(contains(settings_error("[DEFAULT]\nsql_connection = \"\"\n"),
                 "sahara.conf:2: [DEFAULT] sql_connection is empty"));
  CHECK(contains(settings_error("[DEFAULT]\nnothing =\n[database]\nconnection = $nothing\n"),
                 "sahara.conf:4: [database] connection is empty"));
}

TEST_CASE("settings: an empty connection in an earlier file is overridden, not an error") {
  Settings settings = settings_of({{"/a.conf", "[database]\nconnection =\n"},
                                   {"/b.conf", "[database]\nconnection = sqlite://\n"}});
  CHECK(settings.connection == std::optional<std::string>("sqlite://"));
}

TEST_CASE("settings: directory keys resolve relative paths against their own file") {
  Settings settings = settings_of(
      {{"/etc/sahara/sahara.conf",
        "[sahara_db_manage]\nrevisions_dir = revs\ndrivers_dir = /usr/lib/sdm/drivers\n"
        "revision_source_dir = ../src/./revisions\nmodel = models/sahara.yaml\n"},
       {"/home/op/override/more.conf", "[SAHARA_DB_MANAGE]\nrevisions_dir = ../my-revs\n"}});
  REQUIRE(settings.revisions_dir.has_value());
  CHECK(settings.revisions_dir->paths == std::vector<std::string>{"/home/op/my-revs"});
  CHECK(settings.revisions_dir->origin.file == "/home/op/override/more.conf");
  CHECK(settings.drivers_dir->path == "/usr/lib/sdm/drivers");
  CHECK(settings.revision_source_dir->path == "/etc/src/revisions");
  CHECK(settings.revision_source_dir->origin.line == 4);
  CHECK(settings.model->path == "/etc/sahara/models/sahara.yaml");
}

TEST_CASE("settings: directory keys may use references and may not be empty") {
  Settings settings =
      settings_of("[DEFAULT]\nbase = /opt/sdm\n[sahara_db_manage]\nrevisions_dir = $base/revs\n");
  CHECK(settings.revisions_dir->paths == std::vector<std::string>{"/opt/sdm/revs"});
  CHECK(contains(settings_error("[sahara_db_manage]\ndrivers_dir =\n"),
                 "sahara.conf:2: [sahara_db_manage] drivers_dir is empty"));
}

TEST_CASE("settings: revisions_dir lists several directories, as oslo's ListOpt reads it") {
  Settings settings = settings_of(
      "[sahara_db_manage]\nrevisions_dir = /usr/lib/sdm/revisions , site-revisions,../more\n");
  CHECK(settings.revisions_dir->paths == std::vector<std::string>{"/usr/lib/sdm/revisions",
                                                                  "/etc/sahara/site-revisions",
                                                                  "/etc/more"});
  CHECK(settings.revisions_dir->origin.line == 2);
  CHECK(contains(settings_error("[sahara_db_manage]\nrevisions_dir = /a,,/b\n"),
                 "sahara.conf:2: [sahara_db_manage] revisions_dir has an empty entry in '/a,,/b': "
                 "write the directories separated by single commas"));
  CHECK(contains(settings_error("[sahara_db_manage]\nrevisions_dir = \n"),
                 "sahara.conf:2: [sahara_db_manage] revisions_dir is empty"));
}

TEST_CASE("settings: unset own keys stay unset") {
  Settings settings = settings_of("[database]\nconnection = sqlite://\n");
  CHECK_FALSE(settings.revisions_dir.has_value());
  CHECK_FALSE(settings.drivers_dir.has_value());
  CHECK_FALSE(settings.revision_source_dir.has_value());
  CHECK_FALSE(settings.model.has_value());
  CHECK_FALSE(settings.lock_timeout.has_value());
  CHECK_FALSE(settings.statement_timeout.has_value());
  CHECK_FALSE(settings.lock_wait_timeout.has_value());
  CHECK_FALSE(settings.transaction_per_migration.has_value());
}

TEST_CASE("settings: lock_timeout is a whole number of seconds, 0 or more") {
  CHECK(settings_of("[sahara_db_manage]\nlock_timeout = 0\n").lock_timeout ==
        std::optional<int>(0));
  CHECK(settings_of("[sahara_db_manage]\nlock_timeout = 120\n").lock_timeout ==
        std::optional<int>(120));
  CHECK(settings_of("[sahara_db_manage]\nlock_timeout = +7\n").lock_timeout ==
        std::optional<int>(7));
  CHECK(settings_of("[sahara_db_manage]\nlock_timeout = 1_000\n").lock_timeout ==
        std::optional<int>(1000));
  // oslo reads a blank integer as "not set".
  CHECK_FALSE(settings_of("[sahara_db_manage]\nlock_timeout =\n").lock_timeout.has_value());
}

TEST_CASE("settings: a bad lock_timeout names the file, line and key") {
  CHECK(settings_error("[sahara_db_manage]\nlock_timeout = soon\n") ==
        "/etc/sahara/sahara.conf:2: [sahara_db_manage] lock_timeout must be a whole number of "
        "seconds from 0 to 2000000, e.g. `lock_timeout = 60`; it is 'soon'");
  for (const char* bad :
       {"-1", "1.5", "1__0", "_1", "1_", "10s", "99999999999999999999", "3000000000"}) {
    CAPTURE(std::string(bad));
    CHECK(contains(settings_error("[sahara_db_manage]\nlock_timeout = " + std::string(bad) + "\n"),
                   "[sahara_db_manage] lock_timeout must be a whole number"));
  }
}

TEST_CASE("settings: statement_timeout and lock_wait_timeout are seconds like lock_timeout") {
  Settings settings =
      settings_of("[sahara_db_manage]\nstatement_timeout = 3600\nlock_wait_timeout = 5\n");
  CHECK(settings.statement_timeout == std::optional<int>(3600));
  CHECK(settings.lock_wait_timeout == std::optional<int>(5));
  CHECK(settings_of("[sahara_db_manage]\nstatement_timeout = 0\n").statement_timeout ==
        std::optional<int>(0));
  CHECK(settings_error("[sahara_db_manage]\nstatement_timeout = 2000001\n") ==
        "/etc/sahara/sahara.conf:2: [sahara_db_manage] statement_timeout must be a whole number "
        "of seconds from 0 to 2000000, e.g. `statement_timeout = 60`; it is '2000001'");
  CHECK(contains(settings_error("[sahara_db_manage]\nlock_wait_timeout = -3\n"),
                 "[sahara_db_manage] lock_wait_timeout must be a whole number of seconds"));
}

TEST_CASE("settings: transaction_per_migration takes oslo's boolean spellings in any case") {
  for (const char* yes : {"true", "True", "TRUE", "1", "on", "On", "yes", "YES"}) {
    CAPTURE(std::string(yes));
    CHECK(settings_of("[sahara_db_manage]\ntransaction_per_migration = " + std::string(yes) + "\n")
              .transaction_per_migration == std::optional<bool>(true));
  }
  for (const char* no : {"false", "False", "0", "off", "OFF", "no", "No"}) {
    CAPTURE(std::string(no));
    CHECK(settings_of("[sahara_db_manage]\ntransaction_per_migration = " + std::string(no) + "\n")
              .transaction_per_migration == std::optional<bool>(false));
  }
}

TEST_CASE("settings: a bad boolean names the file, line and key") {
  CHECK(settings_error("[sahara_db_manage]\ntransaction_per_migration = maybe\n") ==
        "/etc/sahara/sahara.conf:2: [sahara_db_manage] transaction_per_migration must be true or "
        "false (also yes/no, on/off, 1/0); it is 'maybe'");
  for (const char* bad : {"", "y", "n", "2", "enabled", " true"}) {
    CAPTURE(std::string(bad));
    std::string text =
        "[sahara_db_manage]\ntransaction_per_migration = \"" + std::string(bad) + "\"\n";
    CHECK(contains(settings_error(text), "transaction_per_migration must be true or false"));
  }
}

TEST_CASE("settings: plugin settings keep the file and line that set them") {
  Settings settings = settings_of(
      {{"/etc/sahara/sahara.conf",
        "[sahara_db_manage]\ninsecure_plugins = no\nrequire_manifest = yes\n"
        "driver_postgresql = postgresql.so\n"},
       {"/etc/sahara/sahara.conf.d/pick.conf", "[sahara_db_manage]\ndriver_mysql = mysql\n"}});
  REQUIRE(settings.insecure_plugins.has_value());
  CHECK_FALSE(settings.insecure_plugins->value);
  CHECK(settings.insecure_plugins->origin.line == 2);
  REQUIRE(settings.require_manifest.has_value());
  CHECK(settings.require_manifest->value);
  CHECK(settings.require_manifest->origin.describe() ==
        "/etc/sahara/sahara.conf:3: [sahara_db_manage] require_manifest");
  REQUIRE(settings.driver_choices.size() == 2);
  CHECK(settings.driver_choices.at("postgresql").name == "postgresql.so");
  CHECK(settings.driver_choices.at("mysql").origin.file == "/etc/sahara/sahara.conf.d/pick.conf");
  // drivers_dir is a directory, not a choice for a scheme "s_dir".
  CHECK(settings_of("[sahara_db_manage]\ndrivers_dir = /x\n").driver_choices.empty());
}

TEST_CASE("settings: a later file's driver choice wins, and an empty one says what to write") {
  Settings settings = settings_of({{"/a.conf", "[sahara_db_manage]\ndriver_sqlite = one\n"},
                                   {"/b.conf", "[sahara_db_manage]\ndriver_sqlite = two\n"}});
  CHECK(settings.driver_choices.at("sqlite").name == "two");
  CHECK(settings.driver_choices.at("sqlite").origin.file == "/b.conf");
  CHECK(settings_error("[sahara_db_manage]\ndriver_sqlite =\n") ==
        "/etc/sahara/sahara.conf:2: [sahara_db_manage] driver_sqlite is empty: name the driver "
        "that serves sqlite:// (as `sahara-db-manage plugins` lists it), or delete the line");
  CHECK(contains(settings_error("[sahara_db_manage]\nrequire_manifest = sure\n"),
                 "require_manifest must be true or false"));
}

TEST_CASE("settings: no files gives an empty configuration") {
  Settings settings = settings_from({});
  CHECK_FALSE(settings.any_config_file());
  CHECK_FALSE(settings.connection.has_value());
  CHECK(settings.config_files.empty());
}

}  // namespace
}  // namespace sdm::config
