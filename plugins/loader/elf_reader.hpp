// Reads what the loader needs from a shared object without loading it: its ELF type, one
// section's bytes, and whether it exports a dynamic symbol.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
  /// The bytes of the section called `name`, or nullopt when there is none. The view lives
  /// as long as the reader.
  std::optional<std::string_view> section(std::string_view name) const;
  /// True when the dynamic symbol table holds a defined, visible symbol `name`.
  bool exports_symbol(std::string_view name) const;
  /// Reads the named sections that exist (a missing one is skipped) with one read of the span
  /// that covers them, when that span is small: section() on any of them then reads nothing.
  /// The linker puts a plugin's metadata sections side by side, and a scan of thousands of
  /// plugins spends more in system calls than in anything else.
  void prefetch(std::initializer_list<std::string_view> names) const;

 private:
  struct Section {
    std::uint32_t name;  ///< offset of its name in section_names_
    std::uint32_t type;
    std::uint64_t offset;
    std::uint64_t size;
    std::uint32_t link;
  };
  /// A run of the file's bytes read in one call. The buffer is not zeroed first: a scan
  /// reads thousands of files, and clearing pages that are read over at once cost more than
  /// the rest of the parsing.
  struct Block {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
    std::unique_ptr<char[]> bytes;
    bool holds(std::uint64_t at, std::uint64_t length) const {
      return at >= offset && at - offset <= size && length <= size - (at - offset);
    }
  };
  std::string_view read_at(std::uint64_t offset, std::uint64_t size) const;
  Block read_block(std::uint64_t offset, std::uint64_t size) const;
  std::string_view name_of(const Section& section) const;

  int fd_ = -1;
  std::uint64_t file_size_ = 0;
  std::uint16_t type_ = 0;
  std::vector<Section> sections_;
  std::string_view section_names_;
  // The file's first page (header, and in a linked plugin its dynamic symbols) and the end
  // (section headers and their names), each read once: a plugin costs three reads, not six.
  Block head_;
  Block tail_;
  // Anything else read, kept so the views handed out stay valid.
  mutable std::vector<Block> other_;
};

/// Why a file is not a readable shared object.
class ElfError : public LoaderError {
 public:
  using LoaderError::LoaderError;
};

}  // namespace sdm::loader
