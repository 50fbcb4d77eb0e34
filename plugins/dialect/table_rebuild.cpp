// The copy-and-swap sequence that changes a table where ALTER cannot.
#include "sdm/table_rebuild.hpp"

#include "sdm/error.hpp"

namespace sdm {

std::string rebuild_temporary_name(const std::string& table) {
  return "_sdm_tmp_" + table;
}

std::vector<CopiedColumn> copied_columns(const Table& old, const Table& rebuilt,
                                         const std::string& renamed_from,
                                         const std::string& renamed_to) {
  std::vector<CopiedColumn> copied;
  for (const auto& column : rebuilt.columns) {
    const std::string& source =
        !renamed_to.empty() && column.name == renamed_to ? renamed_from : column.name;
    if (old.column(source)) copied.push_back({column.name, source});
  }
  return copied;
}

std::vector<std::string> render_table_rebuild(const SqlDialect& dialect, const Table& rebuilt,
                                              const std::vector<CopiedColumn>& copied) {
  Table temporary = rebuilt;
  temporary.name = rebuild_temporary_name(rebuilt.name);
  const std::string table = dialect.quote(rebuilt.name);
  const std::string staging = dialect.quote(temporary.name);

  // Without a column to copy, the rows themselves would be lost.
  if (copied.empty())
    throw Error(dialect.name() + ": rebuilding table " + rebuilt.name +
                " would keep none of its columns");
  std::vector<std::string> targets, sources;
  for (const auto& column : copied) {
    targets.push_back(column.target);
    sources.push_back(column.source);
  }
  std::vector<std::string> statements{dialect.render_create_table(temporary)};
  statements.push_back("INSERT INTO " + staging + " (" + dialect.quote_list(targets) + ") SELECT " +
                       dialect.quote_list(sources) + " FROM " + table);
  statements.push_back("DROP TABLE " + table);
  statements.push_back("ALTER TABLE " + staging + " RENAME TO " + table);
  // Dropping the old table dropped its indexes; the names are free again.
  for (Index index : rebuilt.indexes) {
    index.table = rebuilt.name;
    statements.push_back(dialect.render_create_index(index));
  }
  return statements;
}

}  // namespace sdm
