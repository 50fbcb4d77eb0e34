// The copy-and-swap sequence that changes a table where ALTER cannot.
#include "sdm/table_rebuild.hpp"

#include <cctype>

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

bool is_constant_default(const std::string& expression) {
  const auto first = expression.find_first_not_of(" \t\n");
  if (first == std::string::npos) return false;
  const std::string text =
      expression.substr(first, expression.find_last_not_of(" \t\n") - first + 1);
  std::string lowered;
  for (char c : text)
    lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lowered == "null" || lowered == "true" || lowered == "false") return true;
  // 'text' with doubled quotes inside, or a blob X'00ff'.
  auto quoted = [](const std::string& s, std::size_t from) {
    if (s.size() < from + 2 || s[from] != '\'' || s.back() != '\'') return false;
    for (std::size_t i = from + 1; i + 1 < s.size(); ++i)
      if (s[i] == '\'' && s[++i] != '\'') return false;
    return true;
  };
  if (quoted(text, 0) || (lowered[0] == 'x' && quoted(text, 1))) return true;
  // A signed number: digits, one decimal point, an exponent.
  std::size_t i = text[0] == '+' || text[0] == '-' ? 1 : 0;
  bool digits = false, point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits = true;
    } else if (c == '.' && !point) {
      point = true;
    } else if ((c == 'e' || c == 'E') && digits) {
      std::size_t j = i + 1;
      if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
      if (j == text.size()) return false;
      for (; j < text.size(); ++j)
        if (!std::isdigit(static_cast<unsigned char>(text[j]))) return false;
      return true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace sdm
