#include "cli/generated_files.hpp"

#include <fstream>
#include <ostream>

#include "common/errors.hpp"

namespace sdm::cli {

void create_directory_reported(std::ostream& out, const std::filesystem::path& directory) {
  out << "Creating directory " << directory.string() << " ..." << std::flush;
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    out << "  FAILED\n";
    throw UsageError("cannot create " + directory.string() + ": " + ec.message());
  }
  out << "  done\n";
}

void write_file_reported(std::ostream& out, const std::filesystem::path& path,
                         const std::string& text) {
  if (std::filesystem::exists(path)) throw UsageError(path.string() + " already exists");
  out << "Generating " << path.string() << " ..." << std::flush;
  std::ofstream file(path);
  file << text;
  file.close();
  if (!file) {
    out << "  FAILED\n";
    throw UsageError("cannot write " + path.string());
  }
  out << "  done\n";
}

}  // namespace sdm::cli
