// Fuzz target: what the loader reads from a plugin file before it would ever load it: the ELF
// header and section table, the "sdm_meta" section, the dynamic symbol table, and the
// metadata records. The input is the file; it is also parsed as a bare metadata section. A
// rejection (ElfError, MetadataError) is a clean outcome; anything else that escapes, and
// every sanitizer report, is a bug.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "loader/elf_reader.hpp"
#include "loader/plugin_metadata.hpp"

namespace {

/// One in-memory file, rewritten for each input; the reader gets its descriptor and size as
/// the loader passes them after its trust check.
struct InputFile {
  InputFile() : fd(::memfd_create("sdm-fuzz-plugin", MFD_CLOEXEC)) {
    if (fd < 0) std::abort();
  }
  void write(const std::uint8_t* data, std::size_t size) const {
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != static_cast<ssize_t>(size))
      std::abort();
  }
  int fd;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const InputFile file;
  file.write(data, size);
  try {
    sdm::loader::ElfReader elf(file.fd, size);
    elf.is_shared_object();
    elf.exports_symbol("sdm_plugin_entry");
    if (auto section = elf.section("sdm_meta")) sdm::loader::parse_metadata_section(*section);
  } catch (const sdm::loader::ElfError&) {
  } catch (const sdm::loader::MetadataError&) {
  }
  try {
    sdm::loader::parse_metadata_section(
        std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const sdm::loader::MetadataError&) {
  }
  return 0;
}
