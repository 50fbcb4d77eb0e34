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
    std::uint32_t name;  ///< offset of its name in section_names_
    std::uint32_t type;
    std::uint64_t offset;
    std::uint64_t size;
    std::uint32_t link;
  };
  /// A run of the file's bytes read in one call.
  struct Block {
    std::uint64_t offset = 0;
    std::vector<char> bytes;
  };
  std::vector<char> read_at(std::uint64_t offset, std::uint64_t size) const;
  Block read_block(std::uint64_t offset, std::uint64_t size) const;
  bool is_named(const Section& section, const std::string& name) const;

  int fd_ = -1;
  std::uint64_t file_size_ = 0;
  std::uint16_t type_ = 0;
  std::vector<Section> sections_;
  std::vector<char> section_names_;
  // The file's first page (header, and in a linked plugin its dynamic symbols) and the end
  // (section headers and their names), each read once: a plugin costs three reads, not six.
  Block head_;
  Block tail_;
};

/// Why a file is not a readable shared object.
class ElfError : public LoaderError {
 public:
  using LoaderError::LoaderError;
};

}  // namespace sdm::loader
