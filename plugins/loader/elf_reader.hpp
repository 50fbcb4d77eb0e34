// Reads what the loader needs from a shared object without loading it: its ELF type, one
// section's bytes, and whether it exports a dynamic symbol.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "loader/loader_error.hpp"

namespace sdm::loader {

/// A 64-bit little-endian ELF file opened for reading; throws ElfError when it is not one.
class ElfReader {
 public:
  /// Reads the open file `fd` of `file_size` bytes (from the caller's fstat); the descriptor
  /// stays the caller's. Throws ElfError with a reason fit for the operator.
  ElfReader(int fd, std::uint64_t file_size);
  ElfReader(const ElfReader&) = delete;
  ElfReader& operator=(const ElfReader&) = delete;

  /// True for ET_DYN, i.e. a shared object (or position-independent executable).
  bool is_shared_object() const;
  /// The bytes of the section called `name`, or nullopt when there is none.
  std::optional<std::vector<char>> section(const std::string& name) const;
  /// True when the dynamic symbol table holds a defined, visible symbol `name`.
  bool exports_symbol(const std::string& name) const;

 private:
  struct Section {
    std::string name;
    std::uint32_t type;
    std::uint64_t offset;
    std::uint64_t size;
    std::uint32_t link;
  };
  std::vector<char> read_at(std::uint64_t offset, std::uint64_t size) const;

  int fd_ = -1;
  std::uint64_t file_size_ = 0;
  std::uint16_t type_ = 0;
  std::vector<Section> sections_;
};

/// Why a file is not a readable shared object.
class ElfError : public LoaderError {
 public:
  using LoaderError::LoaderError;
};

}  // namespace sdm::loader
