// Words a dialect quotes when they are used as identifiers. These are SQLAlchemy 1.4's sets, so
// a name is quoted here exactly when Alembic quotes it (`"order"`, `"default"`, `order` on
// MySQL...). All words are lower case.
#pragma once

#include <string>
#include <unordered_set>

namespace sdm {

/// A set of lower-case reserved words.
using ReservedWords = std::unordered_set<std::string>;

/// SQLAlchemy's generic set, used by dialects that bring none of their own.
const ReservedWords& sql_standard_reserved_words();
/// SQLite's set.
const ReservedWords& sqlite_reserved_words();
/// PostgreSQL's set.
const ReservedWords& postgresql_reserved_words();
/// MySQL's set.
const ReservedWords& mysql_reserved_words();

}  // namespace sdm
