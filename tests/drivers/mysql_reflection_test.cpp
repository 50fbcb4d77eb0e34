// What the MySQL driver reads back from information_schema: column types as the server
// reports them, defaults as SQL, named keys with their actions, checks, indexes and options.
#ifdef SDM_TEST_MYSQL

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "drivers/driver_test_support.hpp"

namespace {

const sdm::Constraint* named(const sdm::Table& table, const std::string& name) {
  for (const auto& constraint : table.constraints)
    if (constraint.name == name) return &constraint;
  return nullptr;
}

const sdm::Index* index_named(const sdm::Table& table, const std::string& name) {
  for (const auto& index : table.indexes)
    if (index.name == name) return &index;
  return nullptr;
}

}  // namespace

TEST_CASE("mysql: reflection reads types, defaults, keys, checks, indexes and options") {
  sdm::test::DriverUnderTest db("mysql");
  auto c = db.connect();
  c->execute(
      "CREATE TABLE parent (id VARCHAR(36) NOT NULL, code INTEGER NOT NULL, PRIMARY KEY (id), "
      "UNIQUE KEY uq_code (code)) ENGINE=InnoDB CHARSET=utf8");
  c->execute(
      "CREATE TABLE child (\n"
      "  id INTEGER NOT NULL,\n"
      "  parent_id VARCHAR(36),\n"
      "  parent_code INTEGER,\n"
      "  name VARCHAR(80) NOT NULL DEFAULT 'it''s',\n"
      "  flag BOOL NOT NULL DEFAULT false,\n"
      "  amount DECIMAL(10, 2) DEFAULT 1.50,\n"
      "  note TEXT,\n"
      "  created TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,\n"
      "  `order` SMALLINT,\n"
      "  PRIMARY KEY (id),\n"
      "  CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
      "    ON DELETE CASCADE ON UPDATE SET NULL,\n"
      "  FOREIGN KEY (parent_code) REFERENCES parent (code),\n"
      "  UNIQUE (name),\n"
      "  CONSTRAINT uq_child_order UNIQUE (`order`, name),\n"
      "  CONSTRAINT ck_amount CHECK (amount >= 0)\n"
      ") ENGINE=InnoDB CHARSET=utf8");
  c->execute("CREATE INDEX ix_child_created ON child (created, flag)");

  const auto table = c->reflect_table("child");
  REQUIRE(table.has_value());
  CHECK(table->name == "child");

  struct Expected {
    const char* name;
    const char* type;
    bool nullable;
    std::optional<std::string> server_default;
  };
  const std::vector<Expected> columns = {
      {"id", "int(11)", false, std::nullopt},
      {"parent_id", "varchar(36)", true, std::nullopt},
      {"parent_code", "int(11)", true, std::nullopt},
      {"name", "varchar(80)", false, "'it''s'"},
      {"flag", "tinyint(1)", false, "0"},
      {"amount", "decimal(10,2)", true, "1.50"},
      {"note", "text", true, std::nullopt},
      {"created", "timestamp", true, "current_timestamp()"},
      {"order", "smallint(6)", true, std::nullopt},
  };
  REQUIRE(table->columns.size() == columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const sdm::Column& column = table->columns[i];
    CAPTURE(column.name);
    CHECK(column.name == columns[i].name);
    CHECK(column.type == sdm::Raw(columns[i].type));
    CHECK(column.nullable == columns[i].nullable);
    CHECK(column.server_default == columns[i].server_default);
  }

  // The primary key first (unnamed: MySQL calls them all PRIMARY), then uniques, foreign keys
  // and checks, each in name order.
  std::vector<std::string> order;
  for (const auto& constraint : table->constraints)
    order.push_back(constraint.name);
  CHECK(order == std::vector<std::string>{"", "name", "uq_child_order", "child_ibfk_1",
                                          "fk_child_parent", "ck_amount"});
  CHECK(table->constraints[0] == sdm::PrimaryKey({"id"}));
  CHECK(*named(*table, "name") == sdm::Unique({"name"}, "name"));
  CHECK(*named(*table, "uq_child_order") == sdm::Unique({"order", "name"}, "uq_child_order"));
  CHECK(*named(*table, "fk_child_parent") ==
        sdm::ForeignKey({"parent_id"}, "parent", {"id"}, "fk_child_parent")
            .on_delete("CASCADE")
            .on_update("SET NULL"));
  // RESTRICT is MySQL's default and reads as no action given.
  CHECK(*named(*table, "child_ibfk_1") ==
        sdm::ForeignKey({"parent_code"}, "parent", {"code"}, "child_ibfk_1"));
  CHECK(*named(*table, "ck_amount") == sdm::Check("`amount` >= 0", "ck_amount"));

  // Indexes no key owns, including the ones InnoDB made for the foreign keys.
  const sdm::Index* created = index_named(*table, "ix_child_created");
  REQUIRE(created);
  CHECK(created->columns == std::vector<std::string>{"created", "flag"});
  CHECK_FALSE(created->unique);
  CHECK(created->table == "child");
  CHECK(index_named(*table, "fk_child_parent"));
  CHECK(index_named(*table, "parent_code"));
  CHECK_FALSE(index_named(*table, "PRIMARY"));
  CHECK_FALSE(index_named(*table, "uq_child_order"));

  // MariaDB 10.6+ calls utf8 utf8mb3.
  CHECK(table->options ==
        sdm::TableOptions{{"mysql_engine", "InnoDB"}, {"mysql_charset", "utf8mb3"}});
  c->execute("CREATE TABLE plain (id INTEGER) ENGINE=MyISAM CHARSET=latin1");
  const auto plain = c->reflect_table("plain");
  REQUIRE(plain.has_value());
  CHECK(plain->options ==
        sdm::TableOptions{{"mysql_engine", "MyISAM"}, {"mysql_charset", "latin1"}});
}

TEST_CASE("mysql: reflection and table names see base tables by their exact names") {
  sdm::test::DriverUnderTest db("mysql");
  auto c = db.connect();
  c->execute("CREATE TABLE Mixed (a INTEGER, b INTEGER)");
  c->execute("CREATE TABLE mixed (c INTEGER)");
  c->execute("CREATE VIEW mixed_view AS SELECT c FROM mixed");
  CHECK(c->table_names() == std::vector<std::string>{"Mixed", "mixed"});
  const auto lower = c->reflect_table("mixed");
  REQUIRE(lower.has_value());
  REQUIRE(lower->columns.size() == 1);
  CHECK(lower->columns[0].name == "c");
  const auto upper = c->reflect_table("Mixed");
  REQUIRE(upper.has_value());
  CHECK(upper->columns.size() == 2);
  CHECK_FALSE(c->reflect_table("MIXED").has_value());
  CHECK_FALSE(c->reflect_table("mixed_view").has_value());
}

#endif  // SDM_TEST_MYSQL
