#include "support/test_databases.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "support/process.hpp"

namespace sdm::test {
namespace {

/// Admin URL parts, from "scheme://user:password@host:port/db".
struct Admin {
  std::string user, password, host, port, socket_dir;
};

Admin admin_of(const ServerAdmin& server) {
  const std::string& url = server.admin_url;
  auto scheme_end = url.find("://");
  auto at = url.rfind('@');
  auto colon = url.find(':', scheme_end + 3);
  auto host_end = url.find('/', at);
  Admin admin;
  admin.user = url.substr(scheme_end + 3, colon - scheme_end - 3);
  admin.password = url.substr(colon + 1, at - colon - 1);
  std::string host_port = url.substr(at + 1, host_end - at - 1);
  admin.host = host_port.substr(0, host_port.find(':'));
  admin.port = host_port.substr(host_port.find(':') + 1);
  admin.socket_dir = server.socket_dir;
  return admin;
}

std::string unique_name() {
  static std::atomic<int> counter{0};
  std::random_device device;
  return "sdm_t_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(device() % 100000);
}

/// A run of a database's own command-line client.
struct ClientCall {
  std::string program;
  std::vector<std::string> args;
  std::map<std::string, std::string> env;
};

std::string run_client(const ClientCall& call, const std::string& input) {
  auto result = run_process(call.program, call.args, ".", call.env, input);
  if (result.exit_code != 0) {
    throw std::runtime_error(call.program + " failed (" + std::to_string(result.exit_code) +
                             "): " + result.err);
  }
  return result.out;
}

ClientCall psql_call(const Admin& a, const std::string& database, const std::string& user,
                     const std::string& password) {
  // The server's own socket, where the test scripts trust local users, spares each call a
  // password exchange; the tool under test always goes through TCP and its password.
  std::string host = a.socket_dir.empty() ? a.host : a.socket_dir;
  return {"/usr/bin/psql",
          {"-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", a.port,
           "-U", user, "-d", database},
          {{"PGPASSWORD", password}, {"PGCONNECT_TIMEOUT", "10"}}};
}

std::string psql(const Admin& a, const std::string& database, const std::string& user,
                 const std::string& password, const std::string& sql) {
  return run_client(psql_call(a, database, user, password), sql);
}

ClientCall mariadb_call(const Admin& a, const std::string& database, const std::string& user,
                        const std::string& password) {
  std::vector<std::string> args = {"--no-defaults", "-N", "-B", "-h", a.host, "-P",
                                   a.port,          "-u", user};
  if (!database.empty()) args.push_back("-D" + database);
  return {"/usr/bin/mariadb", args, {{"MYSQL_PWD", password}}};
}

std::string mariadb(const Admin& a, const std::string& database, const std::string& user,
                    const std::string& password, const std::string& sql) {
  return run_client(mariadb_call(a, database, user, password), sql);
}

/// A string literal; MySQL also treats backslashes as escapes, PostgreSQL does not.
std::string sql_literal(const std::string& text, bool backslash_escapes) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "''";
    else if (c == '\\' && backslash_escapes)
      out += "\\\\";
    else
      out += c;
  }
  return out + "'";
}

}  // namespace

std::vector<std::string> output_lines(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    auto end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    if (end > at) lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

std::string url_encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

ServerAdmin ServerAdmin::from_environment(const std::string& backend) {
  const char* variable = backend == "postgresql" ? "SDM_TEST_PG_ADMIN" : "SDM_TEST_MYSQL_ADMIN";
  const char* text = std::getenv(variable);
  if (text == nullptr || *text == '\0') {
    throw std::runtime_error(std::string(variable) + " is not set: this test needs " +
                             (backend == "postgresql" ? "PostgreSQL" : "MariaDB") +
                             "; run it through tests/run-tests.sh, which starts one");
  }
  const char* socket_dir = std::getenv("SDM_TEST_PG_SOCKET_DIR");
  return {backend, text,
          backend == "postgresql" && socket_dir != nullptr ? std::string(socket_dir) : ""};
}

ScratchDatabase::ScratchDatabase(const std::string& backend, const std::string& password)
    : backend_(backend),
      name_(unique_name()),
      user_(name_ + "_u"),
      password_(password.empty() ? "test-pw" : password) {
  if (backend == "sqlite") {
    sqlite_dir_ = (std::filesystem::temp_directory_path() / name_).string();
    std::filesystem::create_directories(sqlite_dir_);
    url_ = "sqlite:///" + sqlite_dir_ + "/test.db";
    return;
  }
  if (backend != "postgresql" && backend != "mysql")
    throw std::runtime_error("unknown test backend " + backend);
  server_ = ServerAdmin::from_environment(backend);
  create_on_server();
}

ScratchDatabase::ScratchDatabase(const ServerAdmin& server, const std::string& password)
    : server_(server),
      backend_(server.backend),
      name_(unique_name()),
      user_(name_ + "_u"),
      password_(password.empty() ? "test-pw" : password) {
  create_on_server();
}

void ScratchDatabase::create_on_server() {
  Admin a = admin_of(server_);
  if (backend_ == "postgresql") {
    psql(a, "postgres", a.user, a.password,
         "CREATE ROLE " + user_ + " LOGIN PASSWORD " + sql_literal(password_, false) + ";\n");
    psql(a, "postgres", a.user, a.password, "CREATE DATABASE " + name_ + " OWNER " + user_ + ";\n");
    url_ = "postgresql://" + user_ + ":" + url_encode(password_) + "@" + a.host + ":" + a.port +
           "/" + name_;
  } else {
    mariadb(a, "", a.user, a.password,
            "CREATE DATABASE " + name_ + " CHARACTER SET utf8;\nCREATE USER '" + user_ +
                "'@'%' IDENTIFIED BY " + sql_literal(password_, true) + ";\nGRANT ALL ON " + name_ +
                ".* TO '" + user_ + "'@'%';\n");
    url_ = "mysql://" + user_ + ":" + url_encode(password_) + "@" + a.host + ":" + a.port + "/" +
           name_;
  }
}

std::string ScratchDatabase::url_with_port(int port) const {
  const auto host_end = url_.rfind('/');
  const auto colon = url_.rfind(':', host_end);
  return url_.substr(0, colon + 1) + std::to_string(port) + url_.substr(host_end);
}

ScratchDatabase::~ScratchDatabase() {
  try {
    if (backend_ == "sqlite") {
      std::error_code ec;
      std::filesystem::remove_all(sqlite_dir_, ec);
    } else if (backend_ == "postgresql") {
      Admin a = admin_of(server_);
      psql(a, "postgres", a.user, a.password,
           "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE);\nDROP ROLE IF EXISTS " + user_ +
               ";\n");
    } else if (backend_ == "mysql") {
      Admin a = admin_of(server_);
      mariadb(a, "", a.user, a.password,
              "DROP DATABASE IF EXISTS " + name_ + ";\nDROP USER IF EXISTS '" + user_ + "'@'%';\n");
    }
  } catch (...) {
    // A leftover scratch database dies with the server's temporary folder.
  }
}

namespace {

/// How to run the database's own client on `database`, as its owner.
ClientCall client_call(const ScratchDatabase& database, const ServerAdmin& server,
                       const std::string& sqlite_file) {
  if (database.backend() == "sqlite")
    return {"/usr/bin/sqlite3", {"-batch", "-bail", "-separator", "\t", sqlite_file}, {}};
  Admin a = admin_of(server);
  if (database.backend() == "postgresql")
    return psql_call(a, database.name(), database.user(), database.password());
  return mariadb_call(a, database.name(), database.user(), database.password());
}

}  // namespace

std::string ScratchDatabase::sql(const std::string& statements) const {
  return run_client(client_call(*this, server_, sqlite_dir_ + "/test.db"), statements);
}

std::string ScratchDatabase::sql_via_port(int port, const std::string& statements) const {
  Admin a = admin_of(server_);
  a.port = std::to_string(port);
  a.socket_dir.clear();
  if (backend_ == "postgresql") return psql(a, name_, user_, password_, statements);
  return mariadb(a, name_, user_, password_, statements);
}

std::unique_ptr<ChildProcess> ScratchDatabase::start_sql(const std::string& statements) const {
  const ClientCall call = client_call(*this, server_, sqlite_dir_ + "/test.db");
  return std::make_unique<ChildProcess>(call.program, call.args, ".", call.env, statements);
}

std::vector<std::string> ScratchDatabase::tables() const {
  std::string query =
      backend_ == "postgresql"
          ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1;"
      : backend_ == "mysql"
          ? "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
            "ORDER BY 1;"
          : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY 1;";
  return output_lines(sql(query));
}

bool ScratchDatabase::has_table(const std::string& name) const {
  const auto names = tables();
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> ScratchDatabase::versions() const {
  if (!has_table("alembic_version")) return {};
  return output_lines(sql("SELECT version_num FROM alembic_version ORDER BY version_num;"));
}

namespace {

/// The catalog queries of ScratchDatabase::schema_fingerprint for `backend`.
std::string fingerprint_queries(const std::string& backend) {
  if (backend == "postgresql") {
    // pg_catalog rather than information_schema: the same facts, many times faster.
    return (
        "SELECT 'column', c.relname, row_number() OVER (PARTITION BY c.relname ORDER BY "
        "a.attnum), a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "pg_get_expr(d.adbin, d.adrelid) FROM pg_class c JOIN pg_attribute a ON a.attrelid = "
        "c.oid AND a.attnum > 0 AND NOT a.attisdropped LEFT JOIN pg_attrdef d ON d.adrelid = "
        "c.oid AND d.adnum = a.attnum WHERE c.relnamespace = current_schema()::regnamespace AND "
        "c.relkind = 'r' ORDER BY 2, 3;\n"
        "SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM "
        "pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 2, 3;\n"
        "SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = "
        "current_schema() ORDER BY 2, 3;\n");
  }
  if (backend == "mysql") {
    return (
        "SELECT 'table', table_name, engine, table_collation FROM information_schema.tables "
        "WHERE table_schema = DATABASE() ORDER BY 2;\n"
        "SELECT 'column', table_name, ordinal_position, column_name, column_type, is_nullable, "
        "column_default FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY "
        "table_name, ordinal_position;\n"
        "SELECT 'constraint', table_name, constraint_name, constraint_type FROM "
        "information_schema.table_constraints WHERE table_schema = DATABASE() ORDER BY 2, 3;\n"
        "SELECT 'key', table_name, constraint_name, column_name, ordinal_position, "
        "referenced_table_name, referenced_column_name FROM information_schema.key_column_usage "
        "WHERE table_schema = DATABASE() ORDER BY 2, 3, 5;\n"
        "SELECT 'index', table_name, index_name, seq_in_index, column_name, non_unique FROM "
        "information_schema.statistics WHERE table_schema = DATABASE() ORDER BY 2, 3, 4;\n");
  }
  // Structure from the PRAGMAs, not the stored SQL text, whose spacing depends on who wrote it.
  return (
      "SELECT 'column', m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk FROM "
      "sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 2, 3;\n"
      "SELECT 'foreign key', m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", "
      "f.on_update, f.on_delete FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f "
      "WHERE m.type = 'table' ORDER BY 2, 3, 4;\n"
      "SELECT 'index', m.name, i.name, i.\"unique\", i.origin, c.seqno, c.name FROM "
      "sqlite_master m JOIN pragma_index_list(m.name) i JOIN pragma_index_info(i.name) c WHERE "
      "m.type = 'table' ORDER BY 2, 3, 6;\n");
}

}  // namespace

std::string ScratchDatabase::schema_fingerprint() const {
  return sql(fingerprint_queries(backend_));
}

std::string ScratchDatabase::schema_fingerprint_via_port(int port) const {
  return sql_via_port(port, fingerprint_queries(backend_));
}

}  // namespace sdm::test
