// The loader the runtime gives the model: asked once per unknown table (online it reflects the
// live table, offline it replays the ancestors), and never about a table the ops decided.
#include <doctest/doctest.h>

#include <map>
#include <stdexcept>
#include <string>

#include "schema/schema_errors.hpp"
#include "schema/schema_model.hpp"

namespace {

using namespace sdm;

// A stand-in for the live database: the tables it has, and the names it was asked about.
struct FakeDatabase {
  std::map<std::string, Table> tables;
  std::map<std::string, int> asked;

  schema::TableLoader loader() {
    return [this](const std::string& name) -> std::optional<Table> {
      ++asked[name];
      auto found = tables.find(name);
      if (found == tables.end()) return std::nullopt;
      return found->second;
    };
  }
};

Table clusters() {
  Table table;
  table.name = "clusters";
  table.columns = {Column("id", Raw("VARCHAR(36)")).not_null(),
                   Column("status_description", Raw("VARCHAR(200)"))};
  table.constraints = {PrimaryKey({"id"})};
  table.indexes = {Index{"ix_status", "", {"status_description"}, false}};
  return table;
}

}  // namespace

TEST_CASE("the loader is asked once per unknown table, found or not") {
  FakeDatabase db;
  db.tables["clusters"] = clusters();
  schema::SchemaModel model(db.loader());
  REQUIRE(model.table("clusters") != nullptr);
  CHECK(model.table("clusters")->indexes.front().table == "clusters");
  CHECK(model.table("missing") == nullptr);
  CHECK(model.table("missing") == nullptr);
  model.apply(AddColumn{"missing", Column("x", Text())});
  CHECK(db.asked["clusters"] == 1);
  CHECK(db.asked["missing"] == 1);
}

TEST_CASE("a loaded table is updated by the ops and checked against them") {
  FakeDatabase db;
  db.tables["clusters"] = clusters();
  schema::SchemaModel model(db.loader());
  model.apply(AddColumn{"clusters", Column("rollback_info", Text())});
  CHECK(model.table("clusters")->columns.back().name == "rollback_info");
  CHECK_THROWS_AS(model.apply(AddColumn{"clusters", Column("status_description", Text())}),
                  schema::SchemaConflictError);
  CHECK(db.tables["clusters"].columns.size() == 2);
}

TEST_CASE("prepare reads the tables an op touches before it runs") {
  FakeDatabase db;
  schema::SchemaModel model(db.loader());
  model.prepare(CreateTable{clusters()});
  model.prepare(RenameTable{"jobs", "job_definitions"});
  model.prepare(Execute{{{"", "SELECT 1"}}});
  CHECK(db.asked ==
        std::map<std::string, int>{{"clusters", 1}, {"jobs", 1}, {"job_definitions", 1}});
  // Online the table exists once the op ran; the model read it before, so this is no conflict.
  db.tables["clusters"] = clusters();
  model.apply(CreateTable{clusters()});
  CHECK(model.table("clusters")->columns.size() == 2);
  CHECK(db.asked["clusters"] == 1);
}

TEST_CASE("creating a table the loader already knows is a conflict") {
  FakeDatabase db;
  db.tables["clusters"] = clusters();
  schema::SchemaModel model(db.loader());
  CHECK_THROWS_AS(model.apply(CreateTable{clusters()}), schema::SchemaConflictError);
}

TEST_CASE("a dropped or renamed table is never looked up again") {
  FakeDatabase db;
  db.tables["clusters"] = clusters();
  db.tables["jobs"] = clusters();
  schema::SchemaModel model(db.loader());
  model.apply(DropTable{"clusters"});
  CHECK(model.table("clusters") == nullptr);
  model.apply(RenameTable{"jobs", "job_definitions"});
  CHECK(model.table("jobs") == nullptr);
  CHECK(model.table("job_definitions") != nullptr);
  // An unknown table renamed: its new name is as unknown as the old one.
  model.apply(RenameTable{"ghosts", "spirits"});
  CHECK(model.table("spirits") == nullptr);
  CHECK(db.asked ==
        std::map<std::string, int>{
            {"clusters", 1}, {"jobs", 1}, {"job_definitions", 1}, {"ghosts", 1}, {"spirits", 1}});
}

TEST_CASE("a failing loader is reported by the next call that may throw") {
  schema::SchemaModel model([](const std::string&) -> std::optional<Table> {
    throw DatabaseError("connection lost while reading table clusters");
  });
  CHECK(model.table("clusters") == nullptr);
  CHECK_THROWS_WITH_AS(model.apply(Execute{{{"", "SELECT 1"}}}),
                       "connection lost while reading table clusters", DatabaseError);
  // Reported once; the table is not asked for again.
  CHECK_NOTHROW(model.apply(Execute{{{"", "SELECT 1"}}}));

  schema::SchemaModel reversing(
      [](const std::string&) -> std::optional<Table> { throw DatabaseError("connection lost"); });
  CHECK_THROWS_AS(reversing.reverse(DropTable{"clusters"}), DatabaseError);
  schema::SchemaModel preparing(
      [](const std::string&) -> std::optional<Table> { throw DatabaseError("connection lost"); });
  CHECK_THROWS_AS(preparing.prepare(DropTable{"clusters"}), DatabaseError);
}
