// oslo.config's INI syntax, as sahara.conf is read.
#include <doctest/doctest.h>

#include "config/ini_parser.hpp"
#include "unit/config_test_support.hpp"

namespace sdm::config {
namespace {

using test::config_error_of;
using test::contains;

const std::string kPath = "/etc/sahara/sahara.conf";

// The value of `key` in normalised `section`, or a marker when it is not set.
std::string value_of(const ConfigFile& file, const std::string& section, const std::string& key) {
  const ConfigValue* value = file.find(section, key);
  return value ? value->text : "<unset>";
}

std::string parse_error(const std::string& text) {
  return config_error_of([&] { parse_ini(text, kPath); });
}

TEST_CASE("ini: key = value and key: value both assign, with whitespace stripped") {
  ConfigFile file =
      parse_ini("[database]\nconnection   =   sqlite:////x.db  \nbackend:sqlalchemy\n", kPath);
  CHECK(value_of(file, "database", "connection") == "sqlite:////x.db");
  CHECK(value_of(file, "database", "backend") == "sqlalchemy");
}

TEST_CASE("ini: the first ':' or '=' on the line separates key and value") {
  ConfigFile file = parse_ini("[DEFAULT]\nurl = mysql://u:p@h/db\ncolon: a = b\nboth:=x\n", kPath);
  CHECK(value_of(file, "DEFAULT", "url") == "mysql://u:p@h/db");
  CHECK(value_of(file, "DEFAULT", "colon") == "a = b");
  CHECK(value_of(file, "DEFAULT", "both") == "=x");
}

TEST_CASE("ini: surrounding double or single quotes are stripped, other quotes kept") {
  ConfigFile file = parse_ini(
      "[database]\n"
      "double = \"sqlite:////x\"\n"
      "single = 'sqlite:////y'\n"
      "mismatched = \"abc'\n"
      "inner = a \"b\" c\n"
      "lone = \"\n"
      "trailing = \"a\" # c\n",
      kPath);
  CHECK(value_of(file, "database", "double") == "sqlite:////x");
  CHECK(value_of(file, "database", "single") == "sqlite:////y");
  CHECK(value_of(file, "database", "mismatched") == "\"abc'");
  CHECK(value_of(file, "database", "inner") == "a \"b\" c");
  CHECK(value_of(file, "database", "lone") == "");
  CHECK(value_of(file, "database", "trailing") == "\"a\" # c");
}

TEST_CASE("ini: '#' and ';' start a comment only at the beginning of a line") {
  ConfigFile file = parse_ini(
      "# leading comment\n"
      "[database]\n"
      "; another comment\n"
      "#connection = commented-out\n"
      "connection = value # x\n"
      "other = a ; b\n",
      kPath);
  CHECK(value_of(file, "database", "connection") == "value # x");
  CHECK(value_of(file, "database", "other") == "a ; b");
  CHECK(file.find("database", "#connection") == nullptr);
  CHECK(file.sections.at("database").size() == 2);
}

TEST_CASE("ini: a repeated key keeps every value and the last one wins") {
  ConfigFile file = parse_ini("[database]\nconnection = first\nconnection = second\n", kPath);
  CHECK(value_of(file, "database", "connection") == "second");
  const auto& all = file.sections.at("database").at("connection");
  REQUIRE(all.size() == 2);
  CHECK(all[0].text == "first");
  CHECK(all[0].line == 2);
  CHECK(all[1].line == 3);
}

TEST_CASE("ini: indented lines continue the value, joined with a newline") {
  ConfigFile file =
      parse_ini("[DEFAULT]\nlist = one\n    two\n\tthree  \nnext = x\nempty_start =\n  y\n", kPath);
  CHECK(value_of(file, "DEFAULT", "list") == "one\ntwo\nthree");
  CHECK(value_of(file, "DEFAULT", "next") == "x");
  CHECK(value_of(file, "DEFAULT", "empty_start") == "\ny");
  CHECK(file.find("DEFAULT", "list")->line == 2);
}

TEST_CASE("ini: an indented line with no value above it is an error naming file and line") {
  CHECK(parse_error("  connection = x\n") ==
        "/etc/sahara/sahara.conf:1: Unexpected continuation line (an indented line continues "
        "the value above it, and there is none: remove the indentation)");
  // A section header and a blank line both end the value above, so indentation after them fails.
  CHECK(contains(parse_error("[database]\n  connection = x\n"),
                 "sahara.conf:2: Unexpected continuation line"));
  CHECK(contains(parse_error("[DEFAULT]\n [database]\n"),
                 "sahara.conf:2: Unexpected continuation line"));
  CHECK(
      contains(parse_error("[d]\na = 1\n\n  b\n"), "sahara.conf:4: Unexpected continuation line"));
  CHECK(contains(parse_error("[d]\na = 1\n# c\n  b\n"),
                 "sahara.conf:4: Unexpected continuation line"));
}

TEST_CASE("ini: a whitespace-only line is blank, not a continuation") {
  ConfigFile file = parse_ini("[database]\n   \nconnection = a\n \t \n", kPath);
  CHECK(value_of(file, "database", "connection") == "a");
}

TEST_CASE("ini: section names are normalised, DEFAULT excepted") {
  ConfigFile file = parse_ini(
      "[Database]\nconnection = A\n[DATABASE]\nsql_connection = B\n[default]\nx = 1\n"
      "[DEFAULT]\ny = 2\n[ database ]\nz = 3\n",
      kPath);
  CHECK(value_of(file, "database", "connection") == "A");
  CHECK(value_of(file, "database", "sql_connection") == "B");
  CHECK(file.find("database", "connection")->section == "Database");
  CHECK(file.find("database", "sql_connection")->section == "DATABASE");
  CHECK(value_of(file, "default", "x") == "1");
  CHECK(value_of(file, "DEFAULT", "x") == "<unset>");
  CHECK(value_of(file, "DEFAULT", "y") == "2");
  // The brackets' content is taken as written, spaces included.
  CHECK(value_of(file, " database ", "z") == "3");
  CHECK(normalize_group_name("DEFAULT") == "DEFAULT");
  CHECK(normalize_group_name("Default") == "default");
  CHECK(normalize_group_name("SAHARA_DB_MANAGE") == "sahara_db_manage");
}

TEST_CASE("ini: the same section written twice in different case merges, last value wins") {
  ConfigFile file = parse_ini("[database]\nconnection = A\n[Database]\nconnection = B\n", kPath);
  CHECK(value_of(file, "database", "connection") == "B");
  CHECK(file.sections.at("database").at("connection").size() == 2);
}

TEST_CASE("ini: an empty section is recorded") {
  ConfigFile file = parse_ini("[database]\n[sql]\n", kPath);
  CHECK(file.has_section("database"));
  CHECK(file.has_section("sql"));
  CHECK_FALSE(file.has_section("DEFAULT"));
}

TEST_CASE("ini: syntax errors name file, line and the rule broken") {
  CHECK(contains(parse_error("connection = x\n"),
                 "sahara.conf:1: Section must be started before assignment"));
  CHECK(contains(parse_error("[DEFAULT]\n[database\n"),
                 "sahara.conf:2: Invalid section (must end with ])"));
  CHECK(contains(parse_error("[]\n"), "sahara.conf:1: Empty section name"));
  CHECK(contains(parse_error("[database]\nconnection\n"),
                 "sahara.conf:2: No ':' or '=' found in assignment"));
  CHECK(contains(parse_error("[database]\n= x\n"), "sahara.conf:2: Key cannot be empty"));
}

TEST_CASE("ini: a syntax error never repeats the offending line, which may hold a password") {
  std::string error = parse_error("[database]\npassword Secret-Pw\n");
  CHECK(contains(error, "sahara.conf:2: No ':' or '=' found"));
  CHECK_FALSE(contains(error, "Secret-Pw"));
  error = parse_error("[database]\n  password = Secret-Pw\n");
  CHECK(contains(error, "Unexpected continuation line"));
  CHECK_FALSE(contains(error, "Secret-Pw"));
}

TEST_CASE("ini: CRLF and lone CR line endings and a UTF-8 byte order mark are accepted") {
  ConfigFile crlf = parse_ini("\xEF\xBB\xBF[database]\r\nconnection = a\r\n  b\r\n", kPath);
  CHECK(value_of(crlf, "database", "connection") == "a\nb");
  ConfigFile cr = parse_ini("[database]\rconnection = c\r", kPath);
  CHECK(value_of(cr, "database", "connection") == "c");
}

TEST_CASE("ini: an empty value is an empty string and the last line needs no newline") {
  ConfigFile file = parse_ini("[database]\nconnection =\nother = last", kPath);
  CHECK(value_of(file, "database", "connection") == "");
  CHECK(value_of(file, "database", "other") == "last");
  CHECK(file.find("database", "connection")->interpolate);
}

}  // namespace
}  // namespace sdm::config
