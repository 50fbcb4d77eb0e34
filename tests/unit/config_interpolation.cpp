// `$name` substitution in option values, looked up across config files as oslo.config does.
#include <doctest/doctest.h>

#include "config/config_sources.hpp"
#include "config/interpolation.hpp"
#include "config/layered_config.hpp"
#include "config/settings.hpp"
#include "unit/config_test_support.hpp"

namespace sdm::config {
namespace {

using test::config_error_of;
using test::contains;

// Substitutes with a resolver that shows which reference it was asked for.
std::string echo_references(const std::string& value) {
  return interpolate(value, [](const std::string& reference) { return "<" + reference + ">"; });
}

LayeredConfig layered(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<ConfigFile> parsed;
  for (const auto& [path, text] : files)
    parsed.push_back(parse_config_text(text, path));
  return LayeredConfig(std::move(parsed), {connection_option()});
}

std::string connection_in(const std::string& text) {
  std::optional<ResolvedValue> value =
      layered({{"/etc/sahara/sahara.conf", text}}).get(connection_option());
  return value ? value->value : "<unset>";
}

std::string connection_error(const std::string& text) {
  return config_error_of([&] { connection_in(text); });
}

// An option that holds no password, whose errors may quote its references.
const OptionSpec kRevisionsDir{{"sahara_db_manage", "revisions_dir"}, {}};

std::string revisions_dir_error(const std::string& text) {
  return config_error_of([&] { layered({{"/etc/sahara/sahara.conf", text}}).get(kRevisionsDir); });
}

TEST_CASE("interpolation: the reference forms and what each one names") {
  CHECK(echo_references("a$name/b") == "a<name>/b");
  CHECK(echo_references("${name}x") == "<name>x");
  CHECK(echo_references("${group.name}") == "<group.name>");
  CHECK(echo_references("$_under_score9") == "<_under_score9>");
  CHECK(echo_references("$Upper") == "<Upper>");
  // A bare name is greedy over dots, so "$host.example" names option example of group host.
  CHECK(echo_references("$a.b.") == "<a.b.>");
}

TEST_CASE("interpolation: $$ and \\$ are a literal dollar sign") {
  CHECK(echo_references("p$$w") == "p$w");
  CHECK(echo_references("p\\$w") == "p$w");
  CHECK(echo_references("$$$a") == "$<a>");
  CHECK(echo_references("$$a") == "$a");
  CHECK(echo_references("\\\\$a") == "\\$a");
}

TEST_CASE("interpolation: a dollar sign followed by no name stays as it is") {
  CHECK(echo_references("$1-$-${a-$") == "$1-$-${a-$");
  CHECK(echo_references("${}") == "${}");
  CHECK(echo_references("no references") == "no references");
}

TEST_CASE("interpolation: a reference resolves in the option's group first, then DEFAULT") {
  CHECK(connection_in("[DEFAULT]\nhost = defhost\nuser = defuser\n"
                      "[database]\nuser = dbuser\nconnection = mysql://$user@${host}/sahara\n") ==
        "mysql://dbuser@defhost/sahara");
}

TEST_CASE("interpolation: group.name references reach other sections") {
  CHECK(connection_in("[secrets]\ndb_password = pw\n"
                      "[database]\nconnection = mysql://u:${secrets.db_password}@h/s\n") ==
        "mysql://u:pw@h/s");
  CHECK(connection_in("[secrets]\nx = 1\n[database]\nconnection = $secrets.x\n") == "1");
}

TEST_CASE("interpolation: references resolve recursively and through later files") {
  LayeredConfig config = layered(
      {{"/etc/sahara/a.conf",
        "[DEFAULT]\nstate = /var/lib/old\n"
        "[database]\nconnection = sqlite:///$db_path\n"},
       {"/etc/sahara/b.conf", "[DEFAULT]\nstate = /var/lib/sahara\ndb_path = $state/s.db\n"}});
  CHECK(config.get(connection_option())->value == "sqlite:////var/lib/sahara/s.db");
}

TEST_CASE("interpolation: the cli.md example p$x fails naming the option and group") {
  CHECK(revisions_dir_error("[sahara_db_manage]\nrevisions_dir = /srv/p$x\n") ==
        "/etc/sahara/sahara.conf:2: [sahara_db_manage] revisions_dir: no such option x in group "
        "[DEFAULT] (a literal '$' is written '$$')");
  CHECK(connection_in("[database]\nconnection = mysql://u:p$$x@h/s\n") == "mysql://u:p$x@h/s");
}

TEST_CASE("interpolation: an error about the connection quotes no piece of it") {
  // The "reference" of `Secret$word` is half of the password.
  std::string error = connection_error("[database]\nconnection = mysql://u:Secret$word@h/s\n");
  CHECK(error ==
        "/etc/sahara/sahara.conf:2: [database] connection: a '$' reference names no option (a "
        "literal '$' is written '$$')");
  // Nor of a value substituted into it.
  error = connection_error(
      "[secrets]\npw = Secret${nogroup.word}\n[database]\n"
      "connection = mysql://u:${secrets.pw}@h/s\n");
  CHECK(error ==
        "/etc/sahara/sahara.conf:2: [secrets] pw: a '$' reference names no group (a "
        "literal '$' is written '$$')");
  // The same under a deprecated name.
  CHECK_FALSE(
      contains(connection_error("[DEFAULT]\nsql_connection = mysql://u:Se$cret@h/s\n"), "cret"));
}

TEST_CASE("interpolation: unknown groups and dotted names are errors as in oslo") {
  CHECK(contains(revisions_dir_error("[sahara_db_manage]\nrevisions_dir = ${nogroup.user}\n"),
                 "[sahara_db_manage] revisions_dir: no such group [nogroup]"));
  // A known group without that option falls back to a DEFAULT option named "database.user".
  CHECK(contains(revisions_dir_error("[database]\nx = 1\n[sahara_db_manage]\n"
                                     "revisions_dir = ${database.user}\n"),
                 "no such option database.user in group [DEFAULT]"));
  // oslo keeps DEFAULT's options outside any group.
  CHECK(contains(
      revisions_dir_error("[DEFAULT]\na = 1\n[sahara_db_manage]\nrevisions_dir = ${DEFAULT.a}\n"),
      "no such group [DEFAULT] (options in [DEFAULT] are referenced without a group: $a)"));
  // Group names in references are not normalised.
  CHECK(contains(revisions_dir_error("[database]\nuser = u\n[sahara_db_manage]\n"
                                     "revisions_dir = ${Database.user}\n"),
                 "no such group [Database]"));
}

TEST_CASE("interpolation: naming a whole group is refused") {
  CHECK(contains(revisions_dir_error("[sahara_db_manage]\nrevisions_dir = $database\n"
                                     "[database]\nx = 1\n"),
                 "substituting group [database] is not supported"));
}

TEST_CASE("interpolation: a chain of references deeper than 32 ends with an error") {
  // Once a stack overflow; now the chain is cut off at its 32nd link.
  std::string text = "[DEFAULT]\n";
  for (int i = 0; i < 20000; ++i)
    text += "v" + std::to_string(i) + " = $v" + std::to_string(i + 1) + "\n";
  text += "[sahara_db_manage]\nrevisions_dir = $v0\n";
  CHECK(revisions_dir_error(text) ==
        "/etc/sahara/sahara.conf:32: [DEFAULT] v30: '$' references nest more than 32 deep "
        "([sahara_db_manage] revisions_dir -> [DEFAULT] v0 -> ...) (a literal '$' is written "
        "'$$')");
}

TEST_CASE("interpolation: references that multiply end with an error, not a hang") {
  // v0 = $v1$v1, v1 = $v2$v2, ...: 2^N substitutions if nothing stopped them. Forty deep
  // ends at the depth limit; twenty-five deep at the count of references.
  for (int depth : {40, 25}) {
    std::string text = "[DEFAULT]\n";
    for (int i = 0; i < depth; ++i)
      text += "v" + std::to_string(i) + " = $v" + std::to_string(i + 1) + "$v" +
              std::to_string(i + 1) + "\n";
    text += "v" + std::to_string(depth) + " = x\n[sahara_db_manage]\nrevisions_dir = $v0\n";
    CHECK(contains(revisions_dir_error(text), depth == 40
                                                  ? "'$' references nest more than 32 deep"
                                                  : "follows more than 1000 '$' references"));
  }
  // Few references, each value long: the size cap ends it.
  std::string wide = "[DEFAULT]\nv20 = " + std::string(1000, 'x') + "\n";
  for (int i = 0; i < 20; ++i)
    wide += "v" + std::to_string(i) + " = $v" + std::to_string(i + 1) + "$v" +
            std::to_string(i + 1) + "\n";
  wide += "[sahara_db_manage]\nrevisions_dir = $v0\n";
  CHECK(contains(revisions_dir_error(wide), "grows past 64 KiB"));
}

TEST_CASE("interpolation: a value that refers to itself is an error, not a hang") {
  std::string error = connection_error("[DEFAULT]\na = $b\nb = x$a\n[database]\nconnection = $a\n");
  CHECK(contains(error, "refers to itself"));
  CHECK(contains(error, "[DEFAULT] a -> [DEFAULT] b -> [DEFAULT] a"));
  CHECK(contains(connection_error("[database]\nconnection = $connection\n"), "refers to itself"));
}

TEST_CASE("interpolation: the error points at the value holding the bad reference") {
  std::string error = revisions_dir_error(
      "[DEFAULT]\nhost = $missing\n[sahara_db_manage]\nrevisions_dir = $host\n");
  CHECK(contains(error, "sahara.conf:2: [DEFAULT] host: no such option missing"));
  error = connection_error("[DEFAULT]\nhost = $missing\n[database]\nconnection = $host\n");
  CHECK(error ==
        "/etc/sahara/sahara.conf:2: [DEFAULT] host: a '$' reference names no option (a "
        "literal '$' is written '$$')");
}

TEST_CASE("interpolation: a reference to connection finds it under a deprecated name") {
  LayeredConfig config =
      layered({{"/etc/sahara/sahara.conf",
                "[DEFAULT]\nsql_connection = sqlite:////x.db\n"
                "[sahara_db_manage]\nrevisions_dir = ${database.connection}\n"}});
  CHECK(config.get(OptionSpec{{"sahara_db_manage", "revisions_dir"}, {}})->value ==
        "sqlite:////x.db");
}

TEST_CASE("interpolation: YAML values are literal") {
  LayeredConfig config =
      layered({{"/etc/sahara/sahara.yaml", "database:\n  connection: mysql://u:p$x@h/s\n"}});
  CHECK(config.get(connection_option())->value == "mysql://u:p$x@h/s");
}

TEST_CASE("interpolation: an INI value may reference a YAML value, taken literally") {
  LayeredConfig config =
      layered({{"/etc/sahara/a.yaml", "secrets:\n  pw: a$b\n"},
               {"/etc/sahara/b.conf", "[database]\nconnection = m://u:${secrets.pw}@h\n"}});
  CHECK(config.get(connection_option())->value == "m://u:a$b@h");
}

}  // namespace
}  // namespace sdm::config
