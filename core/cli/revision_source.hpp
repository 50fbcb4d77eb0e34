// The C++ source `revision` and `merge` write: a revision plugin that builds unchanged with
// sdm_add_revision() from the installed CMake package.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sdm::cli {

/// Bodies written by autogenerate: one C++ statement per entry, and notes for the reader.
struct GeneratedBodies {
  std::string origin;  ///< what was compared, e.g. "model.yaml and the database"
  std::vector<std::string> upgrade;
  std::vector<std::string> downgrade;
  std::vector<std::string> notes;
};

/// What goes into a new revision's source.
struct NewRevision {
  std::string id;
  std::vector<std::string> parents;
  std::vector<std::string> depends_on;
  std::vector<std::string> branch_labels;
  std::string message;                       ///< "" becomes "empty message", as Alembic does
  std::string create_date;                   ///< "2026-11-26 11:19:24.123456"
  std::optional<GeneratedBodies> generated;  ///< set by --autogenerate
};

/// The file name, "<id>_<slug>.cpp", with Alembic's slug rules (word characters joined by
/// '_', lower-cased, cut to 40 characters at a word boundary).
std::string revision_file_name(const NewRevision& revision);

/// The whole source text.
std::string render_revision_source(const NewRevision& revision);

/// A fresh revision id: 12 random hex digits.
std::string random_revision_id();

/// The current local time as "YYYY-MM-DD HH:MM:SS.ffffff".
std::string current_create_date();

}  // namespace sdm::cli
