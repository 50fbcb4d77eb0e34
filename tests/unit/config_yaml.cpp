// The YAML form of a config file.
#include <doctest/doctest.h>

#include "config/config_sources.hpp"
#include "config/settings.hpp"
#include "config/yaml_parser.hpp"
#include "unit/config_test_support.hpp"

namespace sdm::config {
namespace {

using test::config_error_of;
using test::contains;

const std::string kYamlPath = "/etc/sahara/sahara.yaml";

std::string yaml_error(const std::string& text) {
  return config_error_of([&] { parse_yaml(text, kYamlPath); });
}

TEST_CASE("yaml: sections and keys read like the INI file's") {
  ConfigFile file = parse_yaml(
      "database:\n"
      "  connection: mysql+pymysql://sahara:pw@db/sahara\n"
      "sahara_db_manage:\n"
      "  revisions_dir: revs\n"
      "  lock_timeout: 30\n"
      "  transaction_per_migration: yes\n",
      kYamlPath);
  REQUIRE(file.find("database", "connection") != nullptr);
  CHECK(file.find("database", "connection")->text == "mysql+pymysql://sahara:pw@db/sahara");
  CHECK(file.find("database", "connection")->line == 2);
  CHECK(file.find("database", "connection")->section == "database");
  CHECK(file.find("sahara_db_manage", "revisions_dir")->text == "revs");
  CHECK(file.find("sahara_db_manage", "lock_timeout")->text == "30");
  CHECK(file.find("sahara_db_manage", "transaction_per_migration")->text == "yes");
  CHECK_FALSE(file.find("database", "connection")->interpolate);
}

TEST_CASE("yaml: flow style, quoting and section case work as in INI") {
  ConfigFile file = parse_yaml(
      "Database: {connection: \"sqlite:////var/lib/sahara/s.db\"}\nDEFAULT: {debug: 'true'}\n",
      kYamlPath);
  CHECK(file.find("database", "connection")->text == "sqlite:////var/lib/sahara/s.db");
  CHECK(file.find("database", "connection")->section == "Database");
  CHECK(file.find("DEFAULT", "debug")->text == "true");
}

TEST_CASE("yaml: the settings come out the same as from an INI file") {
  std::vector<ConfigFile> files{
      parse_config_text("DEFAULT:\n  sql_connection: postgresql://u@h/s\n"
                        "sahara_db_manage:\n  lock_timeout: 5\n  transaction_per_migration: Off\n",
                        "/etc/sahara/sahara.yml")};
  Settings settings = settings_from(files);
  CHECK(settings.connection == std::optional<std::string>("postgresql://u@h/s"));
  CHECK(settings.connection_origin->key == "sql_connection");
  CHECK(settings.connection_origin->line == 2);
  CHECK(settings.lock_timeout == std::optional<int>(5));
  CHECK(settings.transaction_per_migration == std::optional<bool>(false));
}

TEST_CASE("yaml: a key with no value is empty, and an empty connection is reported") {
  ConfigFile file = parse_yaml("database:\n  connection:\nsql: ~\n", kYamlPath);
  CHECK(file.find("database", "connection")->text == "");
  CHECK(file.has_section("sql"));
  std::string error = config_error_of([&] { settings_from({file}); });
  CHECK(contains(error, "sahara.yaml:2: [database] connection is empty"));
}

TEST_CASE("yaml: an empty document sets nothing") {
  CHECK(parse_yaml("", kYamlPath).sections.empty());
  CHECK(parse_yaml("# only a comment\n", kYamlPath).sections.empty());
}

TEST_CASE("yaml: a repeated key keeps every value and the last one wins") {
  ConfigFile file = parse_yaml("database:\n  connection: a\n  connection: b\n", kYamlPath);
  CHECK(file.find("database", "connection")->text == "b");
}

TEST_CASE("yaml: values that are not single values are errors naming file and line") {
  CHECK(yaml_error("database:\n  connection:\n    - a\n    - b\n") ==
        "/etc/sahara/sahara.yaml:3: [database] connection must be a single value, not a list");
  CHECK(contains(yaml_error("database:\n  connection: {a: b}\n"),
                 "sahara.yaml:2: [database] connection must be a single value, not a mapping"));
  CHECK(contains(yaml_error("database: sqlite:////x.db\n"),
                 "sahara.yaml:1: section 'database' must map option names to values"));
  CHECK(contains(yaml_error("- database\n- sql\n"),
                 "sahara.yaml:1: the top level must map section names to options"));
}

TEST_CASE("yaml: a syntax error names file and line") {
  std::string error = yaml_error("database:\n  connection: a\n bad: [\n");
  CHECK(contains(error, "/etc/sahara/sahara.yaml:"));
  CHECK(contains(error, "not valid YAML"));
}

TEST_CASE("yaml: the file name's extension decides the format") {
  const std::string text = "database:\n  connection: sqlite://\n";
  CHECK(parse_config_text(text, "/x/a.yaml").find("database", "connection") != nullptr);
  CHECK(parse_config_text(text, "/x/a.yml").find("database", "connection") != nullptr);
  CHECK(parse_config_text(text, "/x/a.YAML").find("database", "connection") != nullptr);
  // As INI, "database:" has no section header above it.
  CHECK(contains(config_error_of([&] { parse_config_text(text, "/x/a.conf"); }),
                 "Section must be started before assignment"));
}

}  // namespace
}  // namespace sdm::config
