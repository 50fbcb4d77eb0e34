#include "schema/schema_diff.hpp"

#include <algorithm>
#include <cctype>

#include "schema/default_normalization.hpp"
#include "schema/type_names.hpp"
#include "schema/type_normalization.hpp"

namespace sdm::schema {
namespace {

std::string upper(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

/// NO ACTION is the default and RESTRICT differs from it only in when it is checked (and not
/// at all on MySQL), so all three compare as "".
std::string canonical_action(const std::string& action) {
  const std::string written = upper(action);
  return written == "NO ACTION" || written == "RESTRICT" ? "" : written;
}

/// MySQL calls utf8 utf8mb3 since 10.6 / 8.0; engine and charset names ignore case.
std::string canonical_option(const std::string& value) {
  std::string written = upper(value);
  return written == "UTF8MB3" ? "UTF8" : written;
}

bool same_references(const Constraint& a, const Constraint& b) {
  return a.columns == b.columns && a.referred_table == b.referred_table &&
         a.referred_columns == b.referred_columns;
}

bool same_actions(const Constraint& a, const Constraint& b) {
  return canonical_action(a.ondelete) == canonical_action(b.ondelete) &&
         canonical_action(a.onupdate) == canonical_action(b.onupdate);
}

std::vector<const Constraint*> of_kind(const Table& table, ConstraintKind kind) {
  std::vector<const Constraint*> found;
  for (const auto& constraint : table.constraints)
    if (constraint.kind == kind) found.push_back(&constraint);
  return found;
}

const Index* index_named(const Table& table, const std::string& name) {
  for (const auto& index : table.indexes)
    if (index.name == name) return &index;
  return nullptr;
}

SchemaChange change(ChangeKind kind, const std::string& table) {
  SchemaChange c;
  c.kind = kind;
  c.table = table;
  return c;
}

void compare_columns(const Table& target, const Table& live, const ComparisonDialect& dialect,
                     std::vector<SchemaChange>& out) {
  for (const auto& column : target.columns)
    if (!live.column(column.name)) {
      SchemaChange c = change(ChangeKind::AddedColumn, target.name);
      c.target_column = column;
      out.push_back(std::move(c));
    }
  for (const auto& column : live.columns)
    if (!target.column(column.name)) {
      SchemaChange c = change(ChangeKind::RemovedColumn, target.name);
      c.live_column = column;
      out.push_back(std::move(c));
    }
  for (const auto& wanted : target.columns) {
    const Column* actual = live.column(wanted.name);
    if (!actual) continue;
    auto columns = [&](ChangeKind kind) {
      SchemaChange c = change(kind, target.name);
      c.target_column = wanted;
      c.live_column = *actual;
      return c;
    };
    const std::string wanted_type = dialect.type_text(wanted.type);
    const std::string actual_type = dialect.type_text(actual->type);
    if (!same_sql_type(dialect.name, wanted_type, actual_type)) {
      SchemaChange c = columns(ChangeKind::TypeChanged);
      c.target_value = wanted_type;
      c.live_value = actual_type;
      out.push_back(std::move(c));
    }
    if (wanted.nullable != actual->nullable) out.push_back(columns(ChangeKind::NullableChanged));
    if (canonical_default(dialect.name, wanted.type, wanted.server_default) !=
        canonical_default(dialect.name, wanted.type, actual->server_default))
      out.push_back(columns(ChangeKind::DefaultChanged));
  }
}

void compare_keys(const Table& target, const Table& live, std::vector<SchemaChange>& out) {
  const Constraint* wanted_pk = target.primary_key();
  const Constraint* actual_pk = live.primary_key();
  const std::vector<std::string> none;
  if ((wanted_pk ? wanted_pk->columns : none) != (actual_pk ? actual_pk->columns : none)) {
    SchemaChange c = change(ChangeKind::PrimaryKeyChanged, target.name);
    if (wanted_pk) c.target_constraint = *wanted_pk;
    if (actual_pk) c.live_constraint = *actual_pk;
    out.push_back(std::move(c));
  }
  // Compared as the column each table really numbers, so an explicit mark and SQLAlchemy's
  // "auto" rule for the same column agree.
  const Column* wanted_numbered = target.autoincrement_column();
  const Column* actual_numbered = live.autoincrement_column();
  const std::string wanted_name = wanted_numbered ? wanted_numbered->name : "";
  const std::string actual_name = actual_numbered ? actual_numbered->name : "";
  if (wanted_name != actual_name) {
    SchemaChange c = change(ChangeKind::AutoincrementChanged, target.name);
    c.target_value = wanted_name;
    c.live_value = actual_name;
    out.push_back(std::move(c));
  }

  const auto wanted_uniques = of_kind(target, ConstraintKind::Unique);
  const auto actual_uniques = of_kind(live, ConstraintKind::Unique);
  auto has_unique = [](const std::vector<const Constraint*>& list, const Constraint& u) {
    return std::any_of(list.begin(), list.end(),
                       [&](const Constraint* c) { return c->columns == u.columns; });
  };
  for (const Constraint* unique : actual_uniques)
    if (!has_unique(wanted_uniques, *unique)) {
      SchemaChange c = change(ChangeKind::RemovedUnique, target.name);
      c.live_constraint = *unique;
      out.push_back(std::move(c));
    }
  for (const Constraint* unique : wanted_uniques)
    if (!has_unique(actual_uniques, *unique)) {
      SchemaChange c = change(ChangeKind::AddedUnique, target.name);
      c.target_constraint = *unique;
      out.push_back(std::move(c));
    }
}

void compare_indexes(const Table& target, const Table& live, std::vector<SchemaChange>& out) {
  auto differs = [](const Index& a, const Index* b) {
    return !b || a.columns != b->columns || a.unique != b->unique;
  };
  for (const auto& index : live.indexes)
    if (differs(index, index_named(target, index.name))) {
      SchemaChange c = change(ChangeKind::RemovedIndex, target.name);
      c.index = index;
      out.push_back(std::move(c));
    }
  for (const auto& index : target.indexes)
    if (differs(index, index_named(live, index.name))) {
      SchemaChange c = change(ChangeKind::AddedIndex, target.name);
      c.index = index;
      out.push_back(std::move(c));
    }
}

void compare_foreign_keys(const Table& target, const Table& live, std::vector<SchemaChange>& out) {
  const auto wanted = of_kind(target, ConstraintKind::ForeignKey);
  const auto actual = of_kind(live, ConstraintKind::ForeignKey);
  auto find = [](const std::vector<const Constraint*>& list, const Constraint& fk) {
    auto it = std::find_if(list.begin(), list.end(),
                           [&](const Constraint* c) { return same_references(*c, fk); });
    return it == list.end() ? nullptr : *it;
  };
  for (const Constraint* fk : actual)
    if (!find(wanted, *fk)) {
      SchemaChange c = change(ChangeKind::RemovedForeignKey, target.name);
      c.live_constraint = *fk;
      out.push_back(std::move(c));
    }
  for (const Constraint* fk : wanted) {
    const Constraint* there = find(actual, *fk);
    if (there && same_actions(*fk, *there)) continue;
    SchemaChange c = change(
        there ? ChangeKind::ForeignKeyActionsChanged : ChangeKind::AddedForeignKey, target.name);
    c.target_constraint = *fk;
    if (there) c.live_constraint = *there;
    out.push_back(std::move(c));
  }
}

void compare_options(const Table& target, const Table& live, const ComparisonDialect& dialect,
                     std::vector<SchemaChange>& out) {
  const std::string prefix = dialect.name + "_";
  for (const auto& [key, value] : target.options) {
    if (key.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string* actual = live.option(key);
    if (!actual || canonical_option(*actual) == canonical_option(value)) continue;
    SchemaChange c = change(ChangeKind::OptionChanged, target.name);
    c.option = key;
    c.target_value = value;
    c.live_value = *actual;
    out.push_back(std::move(c));
  }
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out = "[";
  for (const auto& name : names)
    out += (out.size() > 1 ? ", '" : "'") + name + "'";
  return out + "]";
}

std::string plain_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names)
    out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string none_or(const std::string& name) {
  return name.empty() ? "None" : name;
}

std::string default_text(const std::optional<std::string>& value) {
  return value ? *value : "none";
}

std::string actions_text(const Constraint& fk) {
  const std::string ondelete = canonical_action(fk.ondelete);
  const std::string onupdate = canonical_action(fk.onupdate);
  std::string text = "ON DELETE " + (ondelete.empty() ? std::string("NO ACTION") : ondelete);
  text += ", ON UPDATE " + (onupdate.empty() ? std::string("NO ACTION") : onupdate);
  return text;
}

std::string foreign_key_text(const std::string& table, const Constraint& fk) {
  return table + " (" + plain_list(fk.columns) + ") -> " + fk.referred_table + " (" +
         plain_list(fk.referred_columns) + ")";
}

}  // namespace

std::string ComparisonDialect::type_text(const Type& type) const {
  try {
    if (render_type) return render_type(type);
  } catch (const std::exception&) {
  }
  return type_name(type);
}

std::vector<SchemaChange> diff_schemas(const Schema& target, const Schema& live,
                                       const ComparisonDialect& dialect) {
  std::vector<SchemaChange> out;
  for (const auto& [name, table] : target)
    if (!live.count(name)) {
      SchemaChange c = change(ChangeKind::AddedTable, name);
      c.whole_table = table;
      out.push_back(std::move(c));
    }
  for (const auto& [name, table] : live)
    if (!target.count(name)) {
      SchemaChange c = change(ChangeKind::RemovedTable, name);
      c.whole_table = table;
      out.push_back(std::move(c));
    }
  for (const auto& [name, wanted] : target) {
    auto actual = live.find(name);
    if (actual == live.end()) continue;
    compare_columns(wanted, actual->second, dialect, out);
    compare_keys(wanted, actual->second, out);
    compare_indexes(wanted, actual->second, out);
    compare_foreign_keys(wanted, actual->second, out);
    compare_options(wanted, actual->second, dialect, out);
  }
  return out;
}

std::vector<std::string> alembic_wording(const SchemaChange& c, const ComparisonDialect& dialect) {
  const std::string column = c.target_column ? c.target_column->name
                             : c.live_column ? c.live_column->name
                                             : "";
  const std::string at = "'" + c.table + "." + column + "'";
  switch (c.kind) {
    case ChangeKind::AddedTable:
      return {"Detected added table '" + c.table + "'"};
    case ChangeKind::RemovedTable:
      return {"Detected removed table '" + c.table + "'"};
    case ChangeKind::AddedColumn:
      return {"Detected added column " + at};
    case ChangeKind::RemovedColumn:
      return {"Detected removed column " + at};
    case ChangeKind::TypeChanged:
      return {"Detected type change from " + c.live_value + " to " + c.target_value + " on " + at};
    case ChangeKind::NullableChanged:
      return {std::string("Detected ") + (c.target_column->nullable ? "NULL" : "NOT NULL") +
              " on column " + at};
    case ChangeKind::DefaultChanged:
      return {"Detected server default on column " + at};
    case ChangeKind::PrimaryKeyChanged:
      return {"Detected changed primary key on '" + c.table + "'"};
    case ChangeKind::AutoincrementChanged:  // Alembic does not compare it: wording of our own
      return {"Detected autoincrement on '" + c.table + "' changed from " + none_or(c.live_value) +
              " to " + none_or(c.target_value)};
    case ChangeKind::AddedUnique:
      return {"Detected added unique constraint '" + none_or(c.target_constraint->name) + "' on '" +
              quoted_list(c.target_constraint->columns) + "'"};
    case ChangeKind::RemovedUnique:
      return {"Detected removed unique constraint '" + none_or(c.live_constraint->name) + "' on '" +
              c.table + "'"};
    case ChangeKind::AddedIndex:
      return {"Detected added index '" + c.index->name + "' on '" + quoted_list(c.index->columns) +
              "'"};
    case ChangeKind::RemovedIndex:
      return {"Detected removed index '" + c.index->name + "' on '" + c.table + "'"};
    case ChangeKind::AddedForeignKey:
    case ChangeKind::RemovedForeignKey:
    case ChangeKind::ForeignKeyActionsChanged: {
      auto line = [&](const char* verb, const Constraint& fk) {
        return std::string("Detected ") + verb + " foreign key (" + plain_list(fk.columns) + ")(" +
               plain_list(fk.referred_columns) + ") on table " + c.table;
      };
      if (c.kind == ChangeKind::AddedForeignKey) return {line("added", *c.target_constraint)};
      if (c.kind == ChangeKind::RemovedForeignKey) return {line("removed", *c.live_constraint)};
      return {line("removed", *c.live_constraint), line("added", *c.target_constraint)};
    }
    case ChangeKind::OptionChanged:
      return {"Detected table option " + c.option + " changed from " + c.live_value + " to " +
              c.target_value + " on '" + c.table + "'"};
  }
  (void)dialect;
  return {};
}

std::string drift_wording(const SchemaChange& c, const ComparisonDialect& dialect) {
  (void)dialect;
  const std::string column = c.target_column ? c.target_column->name
                             : c.live_column ? c.live_column->name
                                             : "";
  const std::string at = "column '" + c.table + "." + column + "'";
  switch (c.kind) {
    case ChangeKind::AddedTable:
      return "table '" + c.table + "' is missing";
    case ChangeKind::RemovedTable:
      return "table '" + c.table + "' is not in the revisions";
    case ChangeKind::AddedColumn:
      return at + " is missing";
    case ChangeKind::RemovedColumn:
      return at + " is not in the revisions";
    case ChangeKind::TypeChanged:
      return at + " is " + c.live_value + ", the revisions say " + c.target_value;
    case ChangeKind::NullableChanged:
      return at + " is " + (c.live_column->nullable ? "NULL" : "NOT NULL") +
             ", the revisions say " + (c.target_column->nullable ? "NULL" : "NOT NULL");
    case ChangeKind::DefaultChanged:
      return at + " has default " + default_text(c.live_column->server_default) +
             ", the revisions say " + default_text(c.target_column->server_default);
    case ChangeKind::PrimaryKeyChanged:
      return "primary key of '" + c.table + "' is (" +
             (c.live_constraint ? plain_list(c.live_constraint->columns) : "") +
             "), the revisions say (" +
             (c.target_constraint ? plain_list(c.target_constraint->columns) : "") + ")";
    case ChangeKind::AutoincrementChanged:
      return "autoincrement column of '" + c.table + "' is " +
             (c.live_value.empty() ? "none" : c.live_value) + ", the revisions say " +
             (c.target_value.empty() ? "none" : c.target_value);
    case ChangeKind::AddedUnique:
      return "unique constraint on " + c.table + " (" + plain_list(c.target_constraint->columns) +
             ") is missing";
    case ChangeKind::RemovedUnique:
      return "unique constraint " + c.live_constraint->name + " on " + c.table + " (" +
             plain_list(c.live_constraint->columns) + ") is not in the revisions";
    case ChangeKind::AddedIndex:
      return "index '" + c.index->name + "' on " + c.table + " (" + plain_list(c.index->columns) +
             ") is missing";
    case ChangeKind::RemovedIndex:
      return "index '" + c.index->name + "' on " + c.table + " (" + plain_list(c.index->columns) +
             ") is not in the revisions";
    case ChangeKind::AddedForeignKey:
      return "foreign key " + foreign_key_text(c.table, *c.target_constraint) + " is missing";
    case ChangeKind::RemovedForeignKey:
      return "foreign key " + foreign_key_text(c.table, *c.live_constraint) +
             " is not in the revisions";
    case ChangeKind::ForeignKeyActionsChanged:
      return "foreign key " + foreign_key_text(c.table, *c.target_constraint) + " has " +
             actions_text(*c.live_constraint) + ", the revisions say " +
             actions_text(*c.target_constraint);
    case ChangeKind::OptionChanged:
      return "table '" + c.table + "' has " + c.option + " " + c.live_value +
             ", the revisions say " + c.target_value;
  }
  return {};
}

}  // namespace sdm::schema
