// What the SDK gives revisions for code steps: the recorder's context and op.run, `?`
// placeholders as drivers find them, JSON kept as text, new UUIDs and the current time.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "sdm/json.hpp"
#include "sdm/operations.hpp"
#include "sdm/placeholders.hpp"
#include "sdm/values.hpp"

using namespace sdm;

TEST_CASE("code steps: upgrade() sees the dialect and the mode, and op.run records the step") {
  Operations online("postgresql", false), offline("sqlite", true), bare;
  CHECK(online.dialect() == "postgresql");
  CHECK_FALSE(online.offline());
  CHECK(offline.dialect() == "sqlite");
  CHECK(offline.offline());
  CHECK(bare.dialect().empty());

  online.run("count rows", [](Session&) {});
  online.run("fill labels", [](Session&) {}).offline({{"mysql", "UPDATE a"}, {"", "UPDATE b"}});
  REQUIRE(online.ops().size() == 2);
  const auto& first = std::get<RunCode>(online.ops()[0]);
  CHECK(first.name == "count rows");
  CHECK(first.offline_sql.empty());
  CHECK(describe(online.ops()[0]) == "run \"count rows\"");
  const auto& second = std::get<RunCode>(online.ops()[1]);
  CHECK(second.offline_sql ==
        std::vector<std::pair<std::string, std::string>>{{"mysql", "UPDATE a"}, {"", "UPDATE b"}});
}

namespace {

/// A host session that answers every query with one row and keeps what it was asked.
struct RecordingSession final : abi::Session {
  std::vector<std::pair<std::string, std::vector<Value>>> calls;
  bool execute(const std::string& sql, const std::vector<Value>& values, std::int64_t& affected,
               std::string& error) noexcept override {
    if (sql == "fail") {
      error = detail::encode_failure(ErrorKind::LockWaitTimeout, "waited too long");
      return false;
    }
    calls.emplace_back(sql, values);
    affected = 1;
    return true;
  }
  bool query(const std::string& sql, const std::vector<Value>& values, Rows& rows,
             std::string&) noexcept override {
    calls.emplace_back(sql, values);
    rows = {{std::string("7"), std::nullopt}};
    return true;
  }
};

}  // namespace

TEST_CASE("code steps: the step runs on the host's session, and failures come back as text") {
  Operations op("mysql", false);
  std::string seen_dialect;
  op.run("copy", [&](Session& db) {
    seen_dialect = db.dialect();
    const auto count = db.query_value("SELECT COUNT(*) FROM t WHERE a = ?", {std::int64_t{3}});
    db.execute("UPDATE t SET b = ?", {*count});
  });
  op.run("fails", [](Session& db) { db.execute("fail"); });
  op.run("throws", [](Session&) { throw std::runtime_error("no such setting"); });

  RecordingSession host;
  std::string error;
  CHECK(std::get<RunCode>(op.ops()[0]).step->run(host, "mysql", error));
  CHECK(seen_dialect == "mysql");
  REQUIRE(host.calls.size() == 2);
  CHECK(host.calls[0].second == std::vector<Value>{std::int64_t{3}});
  CHECK(host.calls[1] ==
        std::pair<std::string, std::vector<Value>>{"UPDATE t SET b = ?", {std::string("7")}});

  CHECK_FALSE(std::get<RunCode>(op.ops()[1]).step->run(host, "mysql", error));
  // The kind survives both crossings, so a lock-wait timeout keeps its exit code.
  CHECK(detail::decode_failure(error) ==
        std::pair<ErrorKind, std::string>{ErrorKind::LockWaitTimeout, "waited too long"});
  CHECK_FALSE(std::get<RunCode>(op.ops()[2]).step->run(host, "mysql", error));
  CHECK(error == "no such setting");
}

TEST_CASE("placeholders: a ? in a string, a quoted name or a comment is not one") {
  CHECK(split_at_placeholders("UPDATE t SET a = ? WHERE b = ?") ==
        std::vector<std::string>{"UPDATE t SET a = ", " WHERE b = ", ""});
  CHECK(split_at_placeholders("SELECT '?', \"a?\", `b?` -- c?\n, ? /* d? */") ==
        std::vector<std::string>{"SELECT '?', \"a?\", `b?` -- c?\n, ", " /* d? */"});
  CHECK(split_at_placeholders("SELECT 'it''s ?', ?") ==
        std::vector<std::string>{"SELECT 'it''s ?', ", ""});
  CHECK(split_at_placeholders("SELECT 1").size() == 1);
  CHECK_THROWS_WITH(check_placeholder_count(split_at_placeholders("a = ?"), 2),
                    "the statement has 1 placeholder(s) (?) but 2 value(s) were given");
}

TEST_CASE("json: text read and written again is unchanged, members keep their order") {
  const std::string text =
      "{\"b\": 1, \"a\": [true, false, null, -2.5e3, \"x\\\"y\\\\z\\n\"], \"c\": {}}";
  const Json value = Json::parse(text);
  CHECK(value.dump() == text);
  CHECK(value.at("b").as_int() == 1);
  CHECK(value.at("a").elements()[3].as_double() == -2500.0);
  CHECK(value.at("a").elements()[4].as_string() == "x\"y\\z\n");
  CHECK(Json::parse(" [ ] ").dump() == "[]");
  CHECK(Json::parse("\"\\u00e9\\ud83d\\ude00\"").as_string() == "\xc3\xa9\xf0\x9f\x98\x80");
  CHECK(Json::parse("\"\\u0001\"").dump() == "\"\\u0001\"");

  Json edited = value;
  edited["b"] = Json(2);
  edited["d"]["e"] = Json("f");
  edited.erase("a");
  CHECK(edited.dump() == "{\"b\": 2, \"c\": {}, \"d\": {\"e\": \"f\"}}");
  CHECK(edited.contains("d"));
  CHECK_FALSE(edited.contains("a"));
}

TEST_CASE("json: mistakes are named with their offset") {
  CHECK_THROWS_WITH(Json::parse("{\"a\" 1}"), "invalid JSON at offset 5: ':' is expected");
  CHECK_THROWS_WITH(Json::parse("[1, 2"), "invalid JSON at offset 5: ',' or ']' is expected");
  CHECK_THROWS_WITH(Json::parse("\"abc"), "invalid JSON at offset 4: the string does not end");
  CHECK_THROWS_WITH(Json::parse("1 2"), "invalid JSON at offset 2: text after the JSON value");
  CHECK_THROWS_WITH(Json::parse("\"\\ud800\""),
                    "invalid JSON at offset 7: a surrogate pair is cut short");
  CHECK_THROWS_WITH(Json::parse(std::string(300, '[')),
                    "invalid JSON at offset 257: nested too deeply");
  CHECK_THROWS_WITH(Json::parse("{}").at("x"), "JSON object has no member \"x\"");
  CHECK_THROWS_WITH(Json::parse("[]").as_string(), "JSON value is not a string: []");
}

TEST_CASE("values: new UUIDs are version 4 and differ, the time is UTC in SQL's form") {
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = new_uuid();
    CHECK_MESSAGE(std::regex_match(id, uuid), id);
    seen.insert(id);
  }
  CHECK(seen.size() == 1000);
  CHECK(std::regex_match(utc_now(), std::regex("20[0-9]{2}-[01][0-9]-[0-3][0-9] "
                                               "[0-2][0-9]:[0-5][0-9]:[0-6][0-9]")));
}
