// The declared target schema a packager keeps beside the revisions (model.yaml): the tables
// the database should have, and what comparisons must leave alone.
#pragma once

#include <string>
#include <vector>

#include "common/errors.hpp"
#include "sdm/schema.hpp"

namespace sdm::schema {

/// A model file that cannot be read; the message names the file, line and what is wrong.
class ModelError : public ConfigError {
 public:
  using ConfigError::ConfigError;
};

/// Tables plus an ignore list. An ignore entry is a table name ("audit_log"), or a table and
/// one of its columns, indexes or named constraints ("clusters.extra"); `*` matches any name
/// part ("tmp_*", "*.legacy_flag").
struct DeclaredSchema {
  Schema tables;
  std::vector<std::string> ignore;

  /// Whether the ignore list covers the table, or `object` (column, index or constraint) of it.
  bool ignores(const std::string& table, const std::string& object = {}) const;
  /// The tables without anything the ignore list covers.
  Schema compared_tables() const;
  /// `schema` without anything the ignore list covers.
  Schema without_ignored(Schema schema) const;
};

/// Reads the YAML form. Throws ModelError for bad YAML, unknown keys or types, and keys that
/// name columns the table does not have.
DeclaredSchema parse_declared_schema(const std::string& text, const std::string& path);
/// Reads the YAML file at `path` (ModelError when it cannot be read).
DeclaredSchema load_declared_schema(const std::string& path);
/// The YAML form; parse_declared_schema(write_declared_schema(s)) gives `s` back.
std::string write_declared_schema(const DeclaredSchema& schema);

}  // namespace sdm::schema
