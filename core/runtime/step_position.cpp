#include "runtime/step_position.hpp"

#include <cctype>
#include <type_traits>
#include <variant>

namespace sdm::runtime {

bool is_data_op(const Op& op) {
  return std::holds_alternative<Execute>(op) || std::holds_alternative<BulkInsert>(op) ||
         std::holds_alternative<RunCode>(op);
}

bool commits_itself(const std::string& sql) {
  std::string word;
  for (char c : sql) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (!word.empty() || !std::isspace(static_cast<unsigned char>(c))) {
      break;
    }
  }
  for (const char* ddl : {"CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "GRANT", "REVOKE",
                          "LOCK", "UNLOCK", "ANALYZE", "OPTIMIZE", "REPAIR"})
    if (word == ddl) return true;
  return false;
}

StepPosition one_statement_on(StepPosition position, int statement_count) {
  if (position.statements + 1 >= statement_count) return {position.ops + 1, 0};
  return {position.ops, position.statements + 1};
}

std::optional<std::vector<Op>> ops_run_until(const std::vector<Op>& ops, StepPosition position,
                                             int statement_count) {
  std::vector<Op> ran(ops.begin(), ops.begin() + position.ops);
  if (position.statements == 0) return ran;
  if (position.ops >= static_cast<int>(ops.size())) return std::nullopt;
  const auto* create = std::get_if<CreateTable>(&ops[position.ops]);
  // create_table renders its table, then one CREATE INDEX per index; nothing else splits.
  if (create == nullptr || statement_count != 1 + static_cast<int>(create->table.indexes.size()))
    return std::nullopt;
  Table table = create->table;
  table.indexes.clear();
  ran.push_back(CreateTable{table});
  for (int i = 0; i + 1 < position.statements; ++i) {
    Index index = create->table.indexes[i];
    index.table = table.name;
    ran.push_back(CreateIndex{index});
  }
  return ran;
}

std::string describe_position(const std::vector<Op>& ops, StepPosition position,
                              int statement_count) {
  std::string text;
  if (position.statements > 0)
    text = "statement " + std::to_string(position.statements + 1) + " of " +
           std::to_string(statement_count) + " of ";
  text += "op " + std::to_string(position.ops + 1) + " of " + std::to_string(ops.size());
  if (position.ops < static_cast<int>(ops.size())) text += " (" + describe(ops[position.ops]) + ")";
  return text;
}

}  // namespace sdm::runtime
