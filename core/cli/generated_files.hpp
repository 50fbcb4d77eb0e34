// Writing the files a command generates, each announced on stdout the way Alembic announces
// them ("Generating <path> ...  done").
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

namespace sdm::cli {

/// Creates `directory` (and its parents), printing "Creating directory <path> ...  done".
/// Throws UsageError when it cannot.
void create_directory_reported(std::ostream& out, const std::filesystem::path& directory);

/// Writes `text` to a new file `path`, printing "Generating <path> ...  done" (or "  FAILED").
/// Throws UsageError when the file exists already or cannot be written.
void write_file_reported(std::ostream& out, const std::filesystem::path& path,
                         const std::string& text);

}  // namespace sdm::cli
