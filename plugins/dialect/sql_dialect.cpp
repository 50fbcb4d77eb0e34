// The op dispatch of the base dialect; each op's SQL shape lives in the file named after it.
#include "sdm/sql_dialect.hpp"

#include <type_traits>
#include <utility>
#include <variant>

#include "sdm/error.hpp"

namespace sdm {

SqlDialect::SqlDialect(SqlDialectSpec spec) : spec_(std::move(spec)) {}

std::string SqlDialect::name() const {
  return spec_.name;
}

DialectTraits SqlDialect::traits() const {
  return spec_.traits;
}

std::string SqlDialect::alter_table(const std::string& table) const {
  return "ALTER TABLE " + quote(table);
}

std::vector<std::string> SqlDialect::render(const Op& op, const SchemaLookup& schema) const {
  return std::visit(
      [&](const auto& o) -> std::vector<std::string> {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          // Alembic's create_table also creates the indexes declared with the table.
          std::vector<std::string> statements{render_create_table(o.table)};
          for (Index index : o.table.indexes) {
            index.table = o.table.name;
            statements.push_back(render_create_index(index));
          }
          return statements;
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return {"DROP TABLE " + quote(o.table)};
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return render_add_column(o, schema);
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return render_drop_column(o, schema);
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return render_alter_column(o, schema);
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return {alter_table(o.table) + " RENAME TO " + quote(o.new_name)};
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          return {render_create_index(o.index)};
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          std::string sql = "DROP INDEX " + quote(o.name);
          if (spec_.drop_index_names_table) sql += " ON " + quote(o.table);
          return {sql};
        } else if constexpr (std::is_same_v<T, AddConstraint>) {
          return render_add_constraint(o, schema);
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          return render_drop_constraint(o, schema);
        } else if constexpr (std::is_same_v<T, Execute>) {
          return render_sql_for_dialect(o);
        } else if constexpr (std::is_same_v<T, RunCode>) {
          // Only a script writes a code step; online the host runs the step itself.
          if (o.offline_sql.empty())
            throw Error("code step \"" + o.name +
                        "\" runs only online: it gives no SQL for --sql (.offline(...))");
          return render_sql_for_dialect(Execute{o.offline_sql});
        } else {
          static_assert(std::is_same_v<T, BulkInsert>, "every op needs a rendering");
          return render_bulk_insert(o);
        }
      },
      op);
}

std::vector<std::string> SqlDialect::render_sql_for_dialect(const Execute& op) const {
  // This dialect's own entry, else the one of the dialect it renders like, else the generic one.
  const std::string& like = spec_.traits.renders_like;
  const std::string *own = nullptr, *borrowed = nullptr, *fallback = nullptr;
  for (const auto& [dialect, sql] : op.sql) {
    if (dialect == spec_.name && !own) own = &sql;
    if (!like.empty() && dialect == like && !borrowed) borrowed = &sql;
    if (dialect.empty() && !fallback) fallback = &sql;
  }
  for (const std::string* chosen : {own, borrowed, fallback})
    if (chosen) return {*chosen};
  std::string offered;
  for (const auto& entry : op.sql)
    offered += (offered.empty() ? "" : ", ") + entry.first;
  const std::string wanted =
      spec_.name + (like.empty() ? "" : " (which renders like " + like + ")");
  throw Error("execute: the revision gives no SQL for dialect " + wanted +
              " and no SQL for every dialect (it has SQL for: " +
              (offered.empty() ? std::string("none") : offered) + ")");
}

std::string SqlDialect::begin_statement() const {
  return "BEGIN";
}

std::string SqlDialect::commit_statement() const {
  return "COMMIT";
}

}  // namespace sdm
