// Every command on every backend: the same fixture revisions against SQLite, PostgreSQL and
// MariaDB, checked through each server's own client.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli/backend_cases.hpp"
#include "cli/backend_target.hpp"

using namespace sdm::test;

namespace {

using Names = std::vector<std::string>;

}  // namespace

BACKEND_TEST("upgrade, current, downgrade and stamp") {
  Target t(backend);
  auto up = t.run("linear", {"upgrade", "head"});
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  CHECK(t.db.versions() == Names{"3c0000000003"});
  CHECK(t.db.tables() ==
        Names{"alembic_version", "t_1a0000000001", "t_2b0000000002", "t_3c0000000003"});
  CHECK(t.run("linear", {"current"}).out == "3c0000000003 (head)\n");
  REQUIRE(t.run("linear", {"downgrade", "-1"}).exit_code == 0);
  CHECK(t.db.versions() == Names{"2b0000000002"});
  CHECK(t.db.tables() == Names{"alembic_version", "t_1a0000000001", "t_2b0000000002"});
  REQUIRE(t.run("linear", {"stamp", "1a0000000001"}).exit_code == 0);
  CHECK(t.db.versions() == Names{"1a0000000001"});
  REQUIRE(t.run("linear", {"stamp", "2b0000000002"}).exit_code == 0);
  REQUIRE(t.run("linear", {"downgrade", "base"}).exit_code == 0);
  CHECK(t.db.versions().empty());
  CHECK(t.db.tables() == Names{"alembic_version"});
  auto history = t.run("linear", {"history", "-i"});
  CHECK(history.exit_code == 0);
  CHECK(history.out.find("(current)") == std::string::npos);
}

BACKEND_TEST("branches and merges keep one version row per head") {
  Target t(backend);
  REQUIRE(t.run("branchmerge", {"upgrade", "1eft00000002"}).exit_code == 0);
  REQUIRE(t.run("branchmerge", {"upgrade", "7ight0000003"}).exit_code == 0);
  CHECK(t.db.versions() == Names{"1eft00000002", "7ight0000003"});
  REQUIRE(t.run("branchmerge", {"upgrade", "head"}).exit_code == 0);
  CHECK(t.db.versions() == Names{"3e7ge0000004"});
  REQUIRE(t.run("branchmerge", {"downgrade", "ba5e00000001"}).exit_code == 0);
  CHECK(t.db.versions() == Names{"ba5e00000001"});
}

BACKEND_TEST("the offline script, run by the server's own client, gives the online schema") {
  Target online(backend), offline(backend);
  REQUIRE(online.run("linear", {"upgrade", "head"}).exit_code == 0);
  auto script = offline.run("linear", {"upgrade", "head", "--sql"});
  REQUIRE(script.exit_code == 0);
  if (backend == "postgresql") {
    CHECK(script.out.rfind("BEGIN;\n\n", 0) == 0);
    CHECK(script.out.find("INSERT INTO alembic_version (version_num) VALUES ('1a0000000001') "
                          "RETURNING alembic_version.version_num;\n\n") != std::string::npos);
    CHECK(script.out.size() >= 9);
    CHECK(script.out.substr(script.out.size() - 9) == "COMMIT;\n\n");
  } else {
    CHECK(script.out.find("BEGIN") == std::string::npos);
  }
  offline.db.sql(script.out);
  CHECK(offline.db.schema_fingerprint() == online.db.schema_fingerprint());
  CHECK(offline.db.versions() == online.db.versions());
}

BACKEND_TEST("a failing revision leaves the database at a real revision") {
  Target t(backend);
  auto r = t.run("failing", {"upgrade", "head"});
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("FAILED: upgrade 2b0000000002 -> 3c0000000003, third revision fails failed "
                   "at op 2 of 2 (execute): ") != std::string::npos);
  if (backend == "mysql") {
    // MySQL commits DDL as it goes: the completed revisions stay, the failed one is not
    // recorded, and the error says what ran and how to recover.
    CHECK(t.db.versions() == Names{"2b0000000002"});
    CHECK(r.err.find("op 1 (create_table t_half_done) ran and was committed") != std::string::npos);
    CHECK(r.err.find("DROP TABLE t_half_done;") != std::string::npos);
    CHECK(r.err.find("sahara-db-manage stamp 3c0000000003") != std::string::npos);
  } else {
    CHECK(r.err.find("the whole run was rolled back; the database is still at base") !=
          std::string::npos);
    CHECK(t.db.tables().empty());
  }
}

BACKEND_TEST("a second runner waits for the lock and finds the work done") {
  Target t(backend);
  const std::vector<std::string> args = {"--config-file",     t.config,  "--revisions-dir",
                                         fixture_dir("slow"), "upgrade", "head"};
  ChildProcess first(binary_path(), args, t.box.dir(), {{"HOME", t.box.dir()}});
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  auto impatient = run_sdm(t.box, {"--config-file", t.config, "--revisions-dir",
                                   fixture_dir("slow"), "upgrade", "head", "--lock-timeout", "0"});
  auto patient = run_sdm(t.box, {"--config-file", t.config, "--revisions-dir", fixture_dir("slow"),
                                 "upgrade", "head", "--lock-timeout", "60"});
  auto done = first.wait();
  REQUIRE_MESSAGE(done.exit_code == 0, done.err);
  CHECK(impatient.exit_code == 7);
  CHECK(impatient.err.find("FAILED: could not take the migration lock on ") == 0);
  CHECK(impatient.err.find("it is held by ") != std::string::npos);
  CHECK(patient.exit_code == 0);
  CHECK(patient.err.find("Waiting for the migration lock on ") != std::string::npos);
  CHECK(patient.err.find("Running upgrade") == std::string::npos);  // nothing left to do
  CHECK(t.db.versions() == Names{"2b0000000002"});
}

SERVER_TEST("a password with spaces, semicolons, at signs, percent and equals signs works") {
  const std::string password = "p w;@%='\\x";
  Target t(backend, password);
  auto r = t.run("linear", {"upgrade", "+1"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(t.db.versions() == Names{"1a0000000001"});
  auto verbose = t.run("linear", {"current", "-v"});
  CHECK(verbose.out.find(":***@") != std::string::npos);
  CHECK(verbose.out.find(password) == std::string::npos);

  // A wrong password fails without showing either password.
  std::string wrong_url = t.db.url();
  wrong_url.replace(wrong_url.find(url_encode(password)), url_encode(password).size(),
                    url_encode("not it;@%="));
  t.box.write("wrong.conf", "[database]\nconnection = " + wrong_url + "\n");
  auto wrong = run_sdm(t.box, {"--config-file", t.box.path("wrong.conf"), "--revisions-dir",
                               fixture_dir("linear"), "current"});
  CHECK(wrong.exit_code == 6);
  CHECK(wrong.err.find("not it") == std::string::npos);
  CHECK(wrong.err.find(password) == std::string::npos);
  CHECK(wrong.err.find(url_encode("not it;@%=")) == std::string::npos);
}

TEST_CASE("sqlite: the lock holder is named while another process holds the database file") {
  Target t("sqlite");
  REQUIRE(t.run("linear", {"upgrade", "+1"}).exit_code == 0);
  std::string path = t.db.url().substr(std::string("sqlite:///").size());
  int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  auto r = t.run("linear", {"upgrade", "head", "--lock-timeout", "1"});
  ::close(fd);
  CHECK(r.exit_code == 7);
  CHECK(r.err.find("it is held by process " + std::to_string(getpid())) != std::string::npos);
  CHECK(r.err.find("Waiting for the migration lock") != std::string::npos);
  CHECK(t.db.versions() == Names{"1a0000000001"});
}
