// The version table statements, as Alembic writes them (anchors §4.1, §4.6).
#include "sdm/sql_dialect.hpp"

namespace sdm {

std::string SqlDialect::create_version_table(const std::string& table) const {
  Table version_table;
  version_table.name = table;
  version_table.columns.push_back(Column("version_num", String(32)).not_null());
  version_table.constraints.push_back(PrimaryKey({"version_num"}, table + "_pkc"));
  return render_create_table(version_table);
}

std::string SqlDialect::insert_version(const std::string& table, const std::string& revision,
                                       bool offline) const {
  std::string sql = "INSERT INTO " + quote(table) + " (version_num) VALUES (" +
                    render_string_literal(revision) + ")";
  if (offline && spec_.traits.offline_insert_returning)
    sql += " RETURNING " + quote(table) + ".version_num";
  return sql;
}

std::string SqlDialect::update_version(const std::string& table, const std::string& from,
                                       const std::string& to) const {
  return "UPDATE " + quote(table) + " SET version_num=" + render_string_literal(to) + " WHERE " +
         quote(table) + ".version_num = " + render_string_literal(from);
}

std::string SqlDialect::delete_version(const std::string& table,
                                       const std::string& revision) const {
  return "DELETE FROM " + quote(table) + " WHERE " + quote(table) +
         ".version_num = " + render_string_literal(revision);
}

std::string SqlDialect::drop_version_table(const std::string& table) const {
  return "DROP TABLE " + quote(table);
}

}  // namespace sdm
