#include "op_runner.hpp"

#include "common/errors.hpp"

namespace sdm::conformance {

OpRunner::OpRunner()
    : target_(Target::get()),
      session_(target_.connect()),
      // Like the host online: a table the ops have not created is read from the database.
      model_([this](const std::string& name) { return session_->reflect_table(name); }) {
  if (!target_.traits().disable_foreign_keys.empty())
    session_->execute(target_.traits().disable_foreign_keys);
}

void OpRunner::run_op(const Op& op) {
  INFO("op: " << describe(op));
  model_.prepare(op);
  for (const auto& statement : target_.dialect().render(op, model_)) {
    INFO("statement: " << statement);
    session_->execute(statement);
  }
  model_.apply(op);
}

bool OpRunner::refused(const std::string& statement) {
  try {
    session_->execute(statement);
    return false;
  } catch (const DatabaseError&) {
    return true;
  }
}

std::vector<std::vector<std::string>> OpRunner::rows(const std::string& query) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : session_->query(query)) {
    out.emplace_back();
    for (const auto& cell : row)
      out.back().push_back(cell.value_or("NULL"));
  }
  return out;
}

std::string OpRunner::value(const std::string& query) {
  const auto all = rows(query);
  REQUIRE_MESSAGE(!all.empty(), "no row from: " << query);
  REQUIRE(!all.front().empty());
  return all.front().front();
}

Table OpRunner::live(const std::string& table) {
  auto reflected = session_->reflect_table(table);
  REQUIRE_MESSAGE(reflected.has_value(), "table " << table << " is not in the database");
  return *reflected;
}

const Constraint* find_constraint(const Table& table, ConstraintKind kind,
                                  const std::vector<std::string>& columns) {
  for (const auto& constraint : table.constraints)
    if (constraint.kind == kind && constraint.columns == columns) return &constraint;
  return nullptr;
}

const Index* find_index(const Table& table, const std::string& name) {
  for (const auto& index : table.indexes)
    if (index.name == name) return &index;
  return nullptr;
}

std::vector<std::string> column_names(const Table& table) {
  std::vector<std::string> names;
  for (const auto& column : table.columns)
    names.push_back(column.name);
  return names;
}

}  // namespace sdm::conformance
