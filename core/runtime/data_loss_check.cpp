#include "runtime/data_loss_check.hpp"

#include <type_traits>
#include <variant>

#include "common/errors.hpp"
#include "schema/type_change.hpp"

namespace sdm::runtime {
namespace {

/// The count a check query returns; a table or column that is not there holds no data.
long long count(Exec& exec, const std::string& sql) {
  try {
    auto rows = exec.connection().query(sql);
    if (rows.empty() || rows[0].empty() || !rows[0][0]) return 0;
    return std::stoll(*rows[0][0]);
  } catch (const DatabaseError&) {
    return 0;
  }
}

/// How many characters a string type holds, or 0 for unbounded text.
int max_length(const Type& type) {
  if (type.kind == TypeKind::String) return type.length;
  return 0;
}

std::string plural(long long n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::vector<DataLoss> find_data_loss(const graph::MigrationPlan& plan,
                                     const std::vector<std::vector<Op>>& step_ops,
                                     schema::SchemaModel model, Exec& exec) {
  std::vector<DataLoss> losses;
  const DialectHandle& dialect = exec.dialect();
  for (std::size_t s = 0; s < plan.steps.size(); ++s) {
    const auto& step = plan.steps[s];
    for (const auto& op : step_ops[s]) {
      model.prepare(op);
      if (step.is_downgrade()) {
        std::string what;
        if (const auto* drop = std::get_if<DropTable>(&op)) {
          long long n = count(exec, dialect.data_check(DataCheck::RowsInTable, drop->table));
          if (n > 0) what = plural(n, "row", "rows") + " would be deleted";
        } else if (const auto* drop = std::get_if<DropColumn>(&op)) {
          long long n =
              count(exec, dialect.data_check(DataCheck::ValuesInColumn, drop->table, drop->column));
          if (n > 0) what = plural(n, "value", "values") + " would be deleted";
        } else if (const auto* alter = std::get_if<AlterColumn>(&op); alter && alter->type) {
          const Table* table = model.table(alter->table);
          const Column* column = table ? table->column(alter->column) : nullptr;
          if (column && schema::conversion_risk(column->type, *alter->type)) {
            int limit = max_length(*alter->type);
            if (limit > 0) {
              long long n = count(exec, dialect.data_check(DataCheck::ValuesLongerThan,
                                                           alter->table, alter->column, limit));
              if (n > 0)
                what = plural(n, "value is", "values are") + " longer than " +
                       std::to_string(limit) + " characters";
            } else {
              long long n = count(
                  exec, dialect.data_check(DataCheck::ValuesInColumn, alter->table, alter->column));
              if (n > 0)
                what = plural(n, "value", "values") + " would be converted to " +
                       schema::describe_type(*alter->type) + ": " +
                       *schema::conversion_risk(column->type, *alter->type);
            }
          }
        }
        if (!what.empty()) losses.push_back({step.log_text(), describe(op), what});
      }
      model.apply(op);
    }
  }
  return losses;
}

std::string describe_data_loss(const std::vector<DataLoss>& losses) {
  std::string text = "this downgrade would destroy data: ";
  for (std::size_t i = 0; i < losses.size(); ++i) {
    if (i > 0) text += "; ";
    text += losses[i].step + ": " + losses[i].op + ": " + losses[i].what;
  }
  return text +
         ". Nothing was changed. Back the data up, then run it again with "
         "--allow-data-loss, or stamp the revision you want if the schema should stay";
}

}  // namespace sdm::runtime
