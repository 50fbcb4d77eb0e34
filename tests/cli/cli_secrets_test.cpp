// Every command and every failure path, with the password in each place a URL can hold one, on
// each backend: the password must appear nowhere the operator or a log could see it.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include "cli/backend_cases.hpp"
#include "cli/cli_support.hpp"
#include "support/test_databases.hpp"

using namespace sdm::test;

namespace {

// Distinctive, with every character a URL or a connection string treats specially.
const std::string kPassword = "Zq8;p@ss w%rd='\\x#+/?&";
// A second secret in a parameter only the PostgreSQL driver declares (and SQLite ignores).
const std::string kSslPassword = "Kq4-ssl/key+pass";

/// Every spelling of the secrets a URL or a message could hold.
std::vector<std::string> spellings() {
  return {kPassword, url_encode(kPassword), "Zq8;p",
          "w%rd='",  kSslPassword,          url_encode(kSslPassword)};
}

/// The URL of `db` in each form: the password in the userinfo, and in the query string with
/// another secret parameter beside it.
std::vector<std::string> url_forms(const ScratchDatabase& db) {
  const std::string& backend = db.backend();
  std::string in_query = db.url();
  if (backend != "sqlite") {
    const std::string encoded = ":" + url_encode(kPassword) + "@";
    in_query.replace(in_query.find(encoded), encoded.size(), "@");
  }
  in_query += std::string(in_query.find('?') == std::string::npos ? "?" : "&") +
              "password=" + url_encode(kPassword);
  if (backend == "postgresql")
    in_query += "&sslmode=disable&sslpassword=" + url_encode(kSslPassword);
  if (backend == "sqlite") in_query += "&token=" + url_encode(kSslPassword);
  return {db.url(), in_query};
}

/// A sandbox whose runs are checked for secrets in everything they show or leave behind.
struct Secrets {
  explicit Secrets(std::string backend) : backend(std::move(backend)) {
    std::filesystem::create_directories(box.path("tmp"));
  }

  /// A scratch database of this backend whose owner has kPassword.
  std::unique_ptr<ScratchDatabase> database() const {
    return std::make_unique<ScratchDatabase>(backend, backend == "sqlite" ? "" : kPassword);
  }

  std::string config_for(const std::string& url, const std::string& name) const {
    return box.write("conf/" + name + ".conf", "[database]\nconnection = " + url + "\n");
  }

  ProcessResult run(const std::string& config, const std::string& scenario,
                    std::vector<std::string> arguments) const {
    std::vector<std::string> all = {"--config-file", config, "--revisions-dir",
                                    fixture_dir(scenario)};
    all.insert(all.end(), arguments.begin(), arguments.end());
    return run_process(binary_path(), all, box.dir(),
                       {{"HOME", box.dir()}, {"TMPDIR", box.path("tmp")}});
  }

  /// Fails the test when any secret shows in `r`.
  void check_clean(const ProcessResult& r, const std::string& what) const {
    for (const std::string& secret : spellings()) {
      CAPTURE(what);
      CAPTURE(secret);
      CHECK_MESSAGE(r.out.find(secret) == std::string::npos, r.out);
      CHECK_MESSAGE(r.err.find(secret) == std::string::npos, r.err);
    }
    ++commands;
  }

  /// No file the runs left (outside the config files written here) holds a secret.
  void check_files_left() const {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(box.dir())) {
      if (!entry.is_regular_file() || entry.path().parent_path() == box.path("conf")) continue;
      const std::string text = file_text(entry.path().string());
      for (const std::string& secret : spellings())
        CHECK_MESSAGE(text.find(secret) == std::string::npos, entry.path().string());
    }
  }

  std::string backend;
  Sandbox box;
  mutable int commands = 0;
};

}  // namespace

BACKEND_TEST("no command and no failure shows a password or secret parameter") {
  Secrets s(backend);
  auto db = s.database();
  const std::vector<std::string> forms = url_forms(*db);
  for (std::size_t form = 0; form < forms.size(); ++form) {
    const std::string config = s.config_for(forms[form], "form" + std::to_string(form));
    CAPTURE(forms[form]);
    auto up = s.run(config, "linear", {"upgrade", "head"});
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    s.check_clean(up, "upgrade");
    const std::vector<std::vector<std::string>> commands = {
        {"current"},
        {"current", "-v"},
        {"history", "-i", "-v"},
        {"history", "-r", "current:"},
        {"heads", "-v"},
        {"branches"},
        {"show", "head"},
        {"check_migration"},
        {"plugins"},
        {"downgrade", "-1"},
        {"stamp", "3c0000000003"},
        {"stamp", "--purge", "3c0000000003"},
        {"upgrade", "head", "--sql"},
        {"downgrade", "3c0000000003:base", "--sql"},
        {"stamp", "base:head", "--sql"},
        {"revision", "-m", "note", "--version-path", s.box.path("src" + std::to_string(form))},
        {"downgrade", "base"},
        {"upgrade", "no_such_revision"},
        {"upgrade", "head", "--lock-timeout", "x"},
    };
    for (const auto& command : commands)
      s.check_clean(s.run(config, "linear", command), command.front());
    // A verbose current shows the URL, with the secrets hidden.
    auto verbose = s.run(config, "linear", {"current", "-v"});
    if (backend != "sqlite" && form == 0) CHECK(verbose.out.find(":***@") != std::string::npos);
    if (form == 1) CHECK(verbose.out.find("password=***") != std::string::npos);

    // A statement fails half-way (on MySQL, with the recovery steps after the FAILED line).
    auto failing_db = s.database();
    const std::string failing = s.config_for(url_forms(*failing_db)[form], "failing");
    auto failed = s.run(failing, "failing", {"upgrade", "head"});
    CHECK(failed.exit_code == 6);
    if (backend == "mysql") CHECK(failed.err.find("DROP TABLE t_half_done;") != std::string::npos);
    s.check_clean(failed, "failing upgrade");

    // Another runner holds the lock: the waiting message and the timeout.
    auto slow_db = s.database();
    const std::string slow = s.config_for(url_forms(*slow_db)[form], "slow");
    ChildProcess holder(
        binary_path(),
        {"--config-file", slow, "--revisions-dir", fixture_dir("slow"), "upgrade", "head"},
        s.box.dir(), {{"HOME", s.box.dir()}});
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    auto waited = s.run(slow, "slow", {"upgrade", "head", "--lock-timeout", "1"});
    CHECK(waited.exit_code == 7);
    CHECK(waited.err.find("Waiting for the migration lock on ") != std::string::npos);
    s.check_clean(waited, "lock timeout");
    s.check_clean(holder.wait(), "lock holder");
  }

  // The server refuses the connection, or the login; a URL the driver refuses.
  if (backend != "sqlite") {
    std::string refused = forms[0];
    const auto port_at = refused.find(':', refused.find('@'));
    refused.replace(port_at, refused.find('/', port_at) - port_at, ":1");
    auto r = s.run(s.config_for(refused, "refused"), "linear", {"current"});
    CHECK(r.exit_code == 6);
    s.check_clean(r, "connection refused");
    std::string wrong_user = forms[1];
    wrong_user.replace(wrong_user.find("://") + 3, db->user().size(), "nobody_here");
    r = s.run(s.config_for(wrong_user, "wrong_user"), "linear", {"current"});
    CHECK(r.exit_code == 6);
    s.check_clean(r, "login refused");
    r = s.run(s.config_for(forms[1] + "&connect_timeout=-1", "timeout"), "linear", {"current"});
    CHECK(r.exit_code == 3);
    s.check_clean(r, "bad connect_timeout");
  } else {
    auto r = s.run(
        s.config_for("sqlite:///" + s.box.path("missing/x.db?password=" + url_encode(kPassword)),
                     "missing"),
        "linear", {"current"});
    CHECK(r.exit_code == 3);
    s.check_clean(r, "missing directory");
  }
  s.check_files_left();
  MESSAGE(backend << ": " << s.commands << " runs, no secret shown");
}
