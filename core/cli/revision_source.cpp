#include "cli/revision_source.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <sstream>

#include "cli/cpp_text.hpp"
#include "cli/file_slug.hpp"
#include "common/errors.hpp"

namespace sdm::cli {
namespace {

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string message_or_default(const NewRevision& r) {
  return r.message.empty() ? "empty message" : r.message;
}

/// The docstring Alembic's template writes, without its trailing blank lines.
std::string docstring(const NewRevision& r) {
  return message_or_default(r) + "\n\nRevision ID: " + r.id +
         "\nRevises: " + (r.parents.empty() ? "None" : join(r.parents, ", ")) +
         "\nCreate Date: " + r.create_date;
}

// A NUL would end the field in the plugin metadata, and cannot come from a command line.
void check_no_nul(const NewRevision& r) {
  std::vector<std::string> fields = {r.id, r.message, r.create_date};
  for (const auto* list : {&r.parents, &r.depends_on, &r.branch_labels})
    fields.insert(fields.end(), list->begin(), list->end());
  for (const std::string& field : fields)
    if (field.find('\0') != std::string::npos)
      throw UsageError("a new revision's id, message, parents and labels cannot contain a NUL");
}

std::string c_identifier(const std::string& id) {
  std::string out = "revision_";
  for (unsigned char c : id)
    out += std::isalnum(c) ? static_cast<char>(c) : '_';
  return out;
}

}  // namespace

std::string revision_file_name(const NewRevision& revision) {
  return revision.id + "_" + file_slug(revision.message) + ".cpp";
}

namespace {

/// A function holding the statements, or an empty one (Alembic's `pass`).
std::string function(const std::string& name, const std::vector<std::string>& statements) {
  if (statements.empty()) return "void " + name + "([[maybe_unused]] sdm::Operations& op) {}\n";
  std::string out = "void " + name + "(sdm::Operations& op) {\n";
  for (const auto& statement : statements) {
    // Every line indented, so a statement's continuation lines stay aligned under it.
    out += "  ";
    for (char c : statement)
      out += c == '\n' ? std::string("\n  ") : std::string(1, c);
    out += "\n";
  }
  return out + "}\n";
}

std::string generated_functions(const GeneratedBodies& bodies) {
  std::string out =
      "\n// " + cpp_comment_text("Generated from the differences between " + bodies.origin + ".") +
      "\n// Review every op before building.\n";
  for (const auto& note : bodies.notes)
    out += "// NOTE: " + cpp_comment_text(note) + "\n";
  out += function("upgrade", bodies.upgrade);
  out += "\n// The upgrade undone, last op first.\n";
  out += function("downgrade", bodies.downgrade);
  return out;
}

}  // namespace

std::string render_revision_source(const NewRevision& r) {
  check_no_nul(r);
  std::ostringstream out;
  std::istringstream doc(docstring(r));
  for (std::string line; std::getline(doc, line);) {
    std::string text = cpp_comment_text(line);
    out << (text.empty() ? "//" : "// " + text) << '\n';
  }
  const std::string name = c_identifier(r.id);
  out << "\n#include <sdm/revision.hpp>\n"
         "\nnamespace {\n";
  if (r.generated) {
    out << generated_functions(*r.generated);
  } else {
    out << "\n// Record the schema changes, e.g.\n"
           "//   op.add_column(\"clusters\", sdm::Column(\"note\", sdm::String(80)));\n"
           "void upgrade([[maybe_unused]] sdm::Operations& op) {}\n"
           "\n// Undo them, e.g. op.drop_column(\"clusters\", \"note\"); or pass\n"
           "// sdm::derived_downgrade to SDM_REVISION_EX to have them reversed for you.\n"
           "void downgrade([[maybe_unused]] sdm::Operations& op) {}\n";
  }
  out << "\n}  // namespace\n\n";
  out << "SDM_REVISION_EX(" << name << ", " << cpp_string_literal(r.id) << ", "
      << cpp_string_literal(join(r.parents, ", ")) << ", "
      << cpp_string_literal(join(r.depends_on, ", ")) << ", "
      << cpp_string_literal(join(r.branch_labels, ", ")) << ",\n                "
      << cpp_string_literal(docstring(r)) << ",\n                upgrade, downgrade)\n";
  out << "SDM_REVISION_PLUGIN(" << name << ")\n";
  return out.str();
}

std::string random_revision_id() {
  std::random_device device;
  std::mt19937_64 generator((static_cast<std::uint64_t>(device()) << 32) ^ device());
  std::uint64_t value = generator();
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(value));
  return std::string(hex).substr(4);
}

std::string current_create_date() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() %
      1000000;
  std::tm local{};
  localtime_r(&seconds, &local);
  char buffer[40];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &local);
  char full[64];
  std::snprintf(full, sizeof full, "%s.%06lld", buffer, static_cast<long long>(micros));
  return full;
}

}  // namespace sdm::cli
