// Reflection on PostgreSQL: types as PostgreSQL reports them, defaults, named constraints with
// their actions, check constraints, and the indexes that back no constraint.
#ifdef SDM_TEST_POSTGRESQL

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "config/database_url.hpp"
#include "drivers/driver_test_support.hpp"
#include "runtime/driver_catalog.hpp"
#include "support/test_databases.hpp"

namespace {

using namespace sdm;
using sdm::test::connect_postgresql;
using sdm::test::ScratchDatabase;

const Constraint* named(const Table& table, const std::string& name) {
  for (const auto& constraint : table.constraints)
    if (constraint.name == name) return &constraint;
  return nullptr;
}

}  // namespace

TEST_CASE("postgresql: reflected columns keep order, PostgreSQL's type names and defaults") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  c->execute(
      "CREATE TABLE job_interface_arguments (id VARCHAR(36) NOT NULL, "
      "created_at TIMESTAMP WITHOUT TIME ZONE, \"order\" SMALLINT NOT NULL, \"default\" TEXT, "
      "required BOOLEAN DEFAULT false NOT NULL, data BYTEA, progress FLOAT, "
      "ratio NUMERIC(10, 2) DEFAULT 1.5, label VARCHAR(20) DEFAULT 'none', "
      "\"Job_id\" VARCHAR(36), serial_no SERIAL, PRIMARY KEY (id))");
  c->execute("ALTER TABLE job_interface_arguments DROP COLUMN label");
  auto table = c->reflect_table("job_interface_arguments");
  REQUIRE(table.has_value());
  CHECK(table->name == "job_interface_arguments");
  REQUIRE(table->columns.size() == 10);
  const auto expect = [&](std::size_t i, const std::string& name, const std::string& type,
                          bool nullable, std::optional<std::string> server_default) {
    CAPTURE(name);
    const Column& column = table->columns.at(i);
    CHECK(column.name == name);
    CHECK(column.type == Raw(type));
    CHECK(column.nullable == nullable);
    CHECK(column.server_default == server_default);
  };
  expect(0, "id", "character varying(36)", false, std::nullopt);
  expect(1, "created_at", "timestamp without time zone", true, std::nullopt);
  expect(2, "order", "smallint", false, std::nullopt);
  expect(3, "default", "text", true, std::nullopt);
  expect(4, "required", "boolean", false, std::string("false"));
  expect(5, "data", "bytea", true, std::nullopt);
  expect(6, "progress", "double precision", true, std::nullopt);
  expect(7, "ratio", "numeric(10,2)", true, std::string("1.5"));
  expect(8, "Job_id", "character varying(36)", true, std::nullopt);
  expect(9, "serial_no", "integer", false,
         std::string("nextval('job_interface_arguments_serial_no_seq'::regclass)"));
}

TEST_CASE("postgresql: reflected constraints keep their names, columns, targets and actions") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  c->execute(
      "CREATE TABLE jobs (id VARCHAR(36) NOT NULL, tenant_id VARCHAR(36), "
      "PRIMARY KEY (id), UNIQUE (id, tenant_id))");
  c->execute(
      "CREATE TABLE \"Links\" (\"Job_id\" VARCHAR(36), tenant VARCHAR(36), position INTEGER, "
      "CONSTRAINT links_pk PRIMARY KEY (tenant, position), "
      "CONSTRAINT fk_job FOREIGN KEY (\"Job_id\", tenant) REFERENCES jobs (id, tenant_id) "
      "ON DELETE CASCADE ON UPDATE SET NULL, "
      "FOREIGN KEY (\"Job_id\") REFERENCES jobs (id), "
      "CONSTRAINT uq_position UNIQUE (position, \"Job_id\"), "
      "CONSTRAINT ck_position CHECK (position >= 0))");
  auto table = c->reflect_table("Links");
  REQUIRE(table.has_value());
  REQUIRE(table->constraints.size() == 5);

  const Constraint* pk = table->primary_key();
  REQUIRE(pk != nullptr);
  CHECK(pk->name == "links_pk");
  CHECK(pk->columns == std::vector<std::string>{"tenant", "position"});

  const Constraint* fk = named(*table, "fk_job");
  REQUIRE(fk != nullptr);
  CHECK(fk->kind == ConstraintKind::ForeignKey);
  CHECK(fk->columns == std::vector<std::string>{"Job_id", "tenant"});
  CHECK(fk->referred_table == "jobs");
  CHECK(fk->referred_columns == std::vector<std::string>{"id", "tenant_id"});
  CHECK(fk->ondelete == "CASCADE");
  CHECK(fk->onupdate == "SET NULL");

  const Constraint* plain_fk = named(*table, "Links_Job_id_fkey");
  REQUIRE(plain_fk != nullptr);
  CHECK(plain_fk->referred_columns == std::vector<std::string>{"id"});
  CHECK(plain_fk->ondelete.empty());
  CHECK(plain_fk->onupdate.empty());

  const Constraint* unique = named(*table, "uq_position");
  REQUIRE(unique != nullptr);
  CHECK(unique->kind == ConstraintKind::Unique);
  CHECK(unique->columns == std::vector<std::string>{"position", "Job_id"});

  const Constraint* check = named(*table, "ck_position");
  REQUIRE(check != nullptr);
  CHECK(check->kind == ConstraintKind::Check);
  CHECK(check->condition == "\"position\" >= 0");
  CHECK(check->columns.empty());

  // Constraints back their own indexes; none of those is listed as an index.
  CHECK(table->indexes.empty());
}

TEST_CASE("postgresql: reflected indexes are the ones that back no constraint") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  c->execute(
      "CREATE TABLE events (id INTEGER PRIMARY KEY, step_id VARCHAR(36), "
      "name VARCHAR(80), UNIQUE (name))");
  c->execute("CREATE INDEX ix_events_step_name ON events (step_id, name)");
  c->execute("CREATE UNIQUE INDEX \"Ux_Events\" ON events (name, step_id)");
  c->execute("CREATE INDEX ix_events_lower ON events (lower(name))");
  auto table = c->reflect_table("events");
  REQUIRE(table.has_value());
  REQUIRE(table->indexes.size() == 3);
  CHECK(table->indexes[0] == Index{"Ux_Events", "events", {"name", "step_id"}, true});
  CHECK(table->indexes[1] == Index{"ix_events_lower", "events", {"lower(name::text)"}, false});
  CHECK(table->indexes[2] == Index{"ix_events_step_name", "events", {"step_id", "name"}, false});
}

TEST_CASE("postgresql: tables of other schemas, views and sequences are not the schema's tables") {
  ScratchDatabase db("postgresql");
  auto c = connect_postgresql(db.url());
  c->execute("CREATE TABLE alpha (id INTEGER)");
  c->execute("CREATE VIEW alpha_view AS SELECT id FROM alpha");
  c->execute("CREATE SEQUENCE alpha_seq");
  c->execute("CREATE SCHEMA elsewhere");
  c->execute("CREATE TABLE elsewhere.beta (id INTEGER)");
  c->execute("CREATE TABLE gamma (id INTEGER) PARTITION BY RANGE (id)");
  CHECK(c->table_names() == std::vector<std::string>{"alpha", "gamma"});
  CHECK_FALSE(c->reflect_table("beta").has_value());
  CHECK_FALSE(c->reflect_table("alpha_view").has_value());
  // With the other schema first on the search path, it is the current schema.
  c->execute("SET search_path TO elsewhere, public");
  CHECK(c->table_names() == std::vector<std::string>{"beta"});
  CHECK(c->reflect_table("beta").has_value());
}

#endif  // SDM_TEST_POSTGRESQL
