#include "support/alembic_ddl.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <stdexcept>

namespace sdm::test {

RevisionStatements read_alembic_ddl(const std::string& dialect) {
  const std::string path = std::string(SDM_TEST_DATA_DIR) + "/alembic_offline_" + dialect + ".sql";
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot read " + path);

  // A header comment, then per revision a "-- revision NNN" line and its statements, each
  // ending with ";" and a blank line.
  const std::string opener = "-- revision ";
  RevisionStatements revisions;
  std::vector<std::string>* statements = nullptr;  // the current revision's
  std::string statement;                           // lines read of an unfinished statement
  bool blank_due = false;                          // a statement just ended
  std::string line;
  int number = 0;
  const auto malformed = [&](const std::string& what) {
    return std::runtime_error(path + ":" + std::to_string(number) + ": " + what);
  };
  while (std::getline(file, line)) {
    ++number;
    if (blank_due) {
      if (!line.empty()) throw malformed("no blank line after a statement");
      blank_due = false;
    } else if (!statement.empty()) {
      if (line.empty()) throw malformed("a statement without ';'");
      statement += "\n" + line;
    } else if (line.empty()) {
      continue;
    } else if (line.rfind(opener, 0) == 0) {
      const std::string id = line.substr(opener.size());
      if (!revisions.empty() && id <= revisions.rbegin()->first)
        throw malformed("revision " + id + " out of order");
      statements = &revisions[id];
    } else if (!statements) {
      if (line.rfind("--", 0) != 0) throw malformed("a statement before the first revision");
    } else {
      statement = line;
    }
    if (!statement.empty() && statement.back() == ';') {
      statement.pop_back();
      statements->push_back(std::move(statement));
      statement.clear();
      blank_due = true;
    }
  }
  if (!statement.empty()) throw malformed("the last statement has no ';'");
  return revisions;
}

std::string as_in_data_file(std::string statement) {
  for (auto at = statement.find(", \n"); at != std::string::npos; at = statement.find(", \n", at))
    statement.erase(at + 1, 1);
  return statement;
}

const runtime::RevisionCatalog& sahara_revisions() {
  static const runtime::RevisionCatalog catalog(SDM_SAHARA_REVISIONS_DIR);
  return catalog;
}

std::vector<std::string> sahara_revision_ids() {
  std::set<std::string> ids;
  for (const auto& revision : sahara_revisions().map().revisions())
    ids.insert(revision.id());
  return {ids.begin(), ids.end()};
}

std::vector<std::string> render_revision(const Dialect& dialect, const std::string& id,
                                         bool upgrade, schema::SchemaModel& model) {
  // Bound to a local: the ops of a temporary would be gone before the loop reads them.
  const Operations recorded = sahara_revisions().record(id, upgrade);
  std::vector<std::string> statements;
  for (const Op& op : recorded.ops()) {
    for (auto& statement : dialect.render(op, model))
      statements.push_back(std::move(statement));
    model.apply(op);
  }
  return statements;
}

RevisionStatements render_sahara_upgrades(const Dialect& dialect) {
  schema::SchemaModel model;
  RevisionStatements rendered;
  for (const auto& id : sahara_revision_ids())
    rendered[id] = render_revision(dialect, id, true, model);
  return rendered;
}

void differs_from_alembic(RevisionStatements& expected, const std::string& id,
                          const std::vector<std::string>& alembic,
                          std::vector<std::string> instead) {
  CAPTURE(id);
  CHECK(expected.at(id) == alembic);
  expected[id] = std::move(instead);
}

int check_revisions(const RevisionStatements& rendered, const RevisionStatements& expected,
                    const std::set<std::string>& checked_elsewhere) {
  const auto ids = [](const RevisionStatements& revisions) {
    std::vector<std::string> ids;
    for (const auto& revision : revisions)
      ids.push_back(revision.first);
    return ids;
  };
  REQUIRE(ids(rendered) == ids(expected));

  int compared = 0;
  for (const auto& revision : expected) {
    const std::string& id = revision.first;
    const std::vector<std::string>& want = revision.second;
    if (checked_elsewhere.count(id)) continue;
    CAPTURE(id);
    const auto& got = rendered.at(id);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      CAPTURE(i);
      CHECK(as_in_data_file(got[i]) == want[i]);
    }
    ++compared;
  }
  return compared;
}

}  // namespace sdm::test
