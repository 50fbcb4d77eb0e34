#include "cli/revision_source.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <sstream>

namespace sdm::cli {
namespace {

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : separator) + item;
  return out;
}

/// A C++ string literal holding `text` exactly.
std::string string_literal(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          char octal[8];
          std::snprintf(octal, sizeof octal, "\\%03o", c);
          out += octal;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
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

std::string c_identifier(const std::string& id) {
  std::string out = "revision_";
  for (unsigned char c : id)
    out += std::isalnum(c) ? static_cast<char>(c) : '_';
  return out;
}

}  // namespace

std::string revision_file_name(const NewRevision& revision) {
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c : revision.message) {
    if (std::isalnum(c) || c == '_' || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  std::string slug = join(words, "_");
  const std::size_t limit = 40;
  if (slug.size() > limit) {
    std::string cut = slug.substr(0, limit);
    auto underscore = cut.rfind('_');
    slug = (underscore == std::string::npos ? cut : cut.substr(0, underscore)) + "_";
  }
  return revision.id + "_" + slug + ".cpp";
}

std::string render_revision_source(const NewRevision& r) {
  std::ostringstream out;
  std::istringstream doc(docstring(r));
  for (std::string line; std::getline(doc, line);)
    out << (line.empty() ? "//" : "// " + line) << '\n';
  const std::string name = c_identifier(r.id);
  out << "\n#include <sdm/revision.hpp>\n"
         "\nnamespace {\n"
         "\n// Record the schema changes, e.g.\n"
         "//   op.add_column(\"clusters\", sdm::Column(\"note\", sdm::String(80)));\n"
         "void upgrade([[maybe_unused]] sdm::Operations& op) {}\n"
         "\n// Undo them, e.g. op.drop_column(\"clusters\", \"note\"); or pass\n"
         "// sdm::derived_downgrade to SDM_REVISION_EX to have them reversed for you.\n"
         "void downgrade([[maybe_unused]] sdm::Operations& op) {}\n"
         "\n}  // namespace\n\n";
  out << "SDM_REVISION_EX(" << name << ", " << string_literal(r.id) << ", "
      << string_literal(join(r.parents, ", ")) << ", " << string_literal(join(r.depends_on, ", "))
      << ", " << string_literal(join(r.branch_labels, ", ")) << ",\n                "
      << string_literal(docstring(r)) << ",\n                upgrade, downgrade)\n";
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
