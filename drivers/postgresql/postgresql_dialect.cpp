#include "postgresql/postgresql_dialect.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "sdm/error.hpp"

namespace sdm::postgresql {
namespace {

constexpr const char* kOptionPrefix = "postgresql_";

/// "delete_rows" -> "DELETE ROWS", as SQLAlchemy spells ON COMMIT's argument.
std::string as_keywords(std::string text) {
  for (char& c : text)
    c = c == '_' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

SqlDialectSpec postgresql_spec() {
  SqlDialectSpec spec;
  spec.name = "postgresql";
  spec.traits.transactional_ddl = true;
  spec.traits.offline_begin_commit = true;
  spec.traits.offline_insert_returning = true;
  spec.traits.alembic_impl_name = "PostgresqlImpl";
  spec.reserved_words = postgresql_reserved_words();
  spec.types.datetime = "TIMESTAMP WITHOUT TIME ZONE";
  spec.types.time = "TIME WITHOUT TIME ZONE";
  spec.types.large_binary = "BYTEA";
  spec.types.long_text = "TEXT";
  // standard_conforming_strings is on by default since PostgreSQL 9.1: a backslash in a
  // string literal is an ordinary character, so doubling it would change the data.
  spec.literals.true_value = "true";
  spec.literals.false_value = "false";
  spec.literals.backslash_escapes = false;
  spec.alter_column_order = AlterColumnOrder::TypeNullableDefaultRename;
  // SQLAlchemy 1.4 writes an autoincrement key as SERIAL (Identity() only when asked for).
  spec.autoincrement = AutoincrementStyle::SerialType;
  return spec;
}

PostgresqlDialect::PostgresqlDialect() : SqlDialect(postgresql_spec()) {}

std::string PostgresqlDialect::render_table_options(const Table& table) const {
  // SQLAlchemy writes them in this order whatever order the table lists them in.
  static const std::array<const char*, 4> known = {"inherits", "partition_by", "on_commit",
                                                   "tablespace"};
  const std::string prefix = kOptionPrefix;
  for (const auto& option : table.options) {
    const std::string& key = option.first;
    if (key.compare(0, prefix.size(), prefix) != 0) continue;  // another dialect's option
    bool is_known = false;
    for (const char* name : known)
      is_known = is_known || key == prefix + name;
    if (!is_known)
      throw Error("postgresql: create_table " + table.name + ": unsupported table option " + key +
                  " (supported: postgresql_inherits, postgresql_partition_by, "
                  "postgresql_on_commit, postgresql_tablespace)");
  }

  std::string options;
  if (const std::string* inherits = table.option(prefix + "inherits")) {
    // A comma-separated list of parent tables.
    std::string parents;
    std::size_t start = 0;
    while (start <= inherits->size()) {
      std::size_t comma = std::min(inherits->find(',', start), inherits->size());
      parents +=
          (parents.empty() ? "" : ", ") + quote(trimmed(inherits->substr(start, comma - start)));
      start = comma + 1;
    }
    options += "\n INHERITS ( " + parents + " )";
  }
  if (const std::string* partition_by = table.option(prefix + "partition_by"))
    options += "\n PARTITION BY " + *partition_by;
  if (const std::string* on_commit = table.option(prefix + "on_commit"))
    options += "\n ON COMMIT " + as_keywords(*on_commit);
  if (const std::string* tablespace = table.option(prefix + "tablespace"))
    options += "\n TABLESPACE " + quote(*tablespace);
  return options;
}

}  // namespace sdm::postgresql
