#include "loader/elf_reader.hpp"

#include <elf.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sdm::loader {

namespace {

constexpr std::uint64_t kPage = 4096;

}  // namespace

ElfReader::ElfReader(int fd, std::uint64_t file_size) : fd_(fd), file_size_(file_size) {
  if (file_size_ < sizeof(Elf64_Ehdr)) throw ElfError("not a shared object (not an ELF file)");
  head_ = read_block(0, std::min(file_size_, kPage));
  Elf64_Ehdr header;
  std::memcpy(&header, head_.bytes.get(), sizeof header);
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0)
    throw ElfError("not a shared object (not an ELF file)");
  if (header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_ident[EI_DATA] != ELFDATA2LSB ||
      header.e_machine != EM_X86_64)
    throw ElfError(
        "not a shared object for this machine (ELF class, byte order or machine differ)");
  type_ = header.e_type;
  if (header.e_shentsize != sizeof(Elf64_Shdr) || header.e_shnum == 0) return;

  // The linker puts the section names just before the section headers: one read takes both.
  const std::uint64_t table_size = std::uint64_t{header.e_shnum} * sizeof(Elf64_Shdr);
  if (header.e_shoff > file_size_ || table_size > file_size_ - header.e_shoff)
    throw ElfError("not a shared object (truncated ELF file)");
  const std::uint64_t tail_start = header.e_shoff > kPage ? header.e_shoff - kPage : 0;
  tail_ = read_block(tail_start, header.e_shoff + table_size - tail_start);
  std::vector<Elf64_Shdr> raw(header.e_shnum);
  std::memcpy(raw.data(), tail_.bytes.get() + (header.e_shoff - tail_start), table_size);
  if (header.e_shstrndx >= raw.size())
    throw ElfError("not a shared object (corrupt section table)");
  const auto& names_header = raw[header.e_shstrndx];
  section_names_ = read_at(names_header.sh_offset, names_header.sh_size);
  sections_.reserve(raw.size());
  for (const auto& s : raw) {
    if (s.sh_name >= section_names_.size())
      throw ElfError("not a shared object (corrupt section names)");
    sections_.push_back(
        {s.sh_name, s.sh_type, s.sh_offset, s.sh_type == SHT_NOBITS ? 0 : s.sh_size, s.sh_link});
  }
}

ElfReader::Block ElfReader::read_block(std::uint64_t offset, std::uint64_t size) const {
  if (offset > file_size_ || size > file_size_ - offset)
    throw ElfError("not a shared object (truncated ELF file)");
  Block block{offset, size, std::unique_ptr<char[]>(new char[size])};
  std::uint64_t done = 0;
  while (done < size) {
    ssize_t n =
        ::pread(fd_, block.bytes.get() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw ElfError(std::string("cannot be read: ") + std::strerror(n < 0 ? errno : EIO));
    done += static_cast<std::uint64_t>(n);
  }
  return block;
}

std::string_view ElfReader::read_at(std::uint64_t offset, std::uint64_t size) const {
  if (offset > file_size_ || size > file_size_ - offset)
    throw ElfError("not a shared object (truncated ELF file)");
  auto view = [&](const Block& block) {
    return std::string_view(block.bytes.get() + (offset - block.offset), size);
  };
  for (const Block* block : {&head_, &tail_})
    if (block->holds(offset, size)) return view(*block);
  for (const Block& block : other_)
    if (block.holds(offset, size)) return view(block);
  other_.push_back(read_block(offset, size));
  return view(other_.back());
}

std::string_view ElfReader::name_of(const Section& section) const {
  std::string_view rest = section_names_.substr(section.name);
  return rest.substr(0, rest.find('\0'));
}

bool ElfReader::is_shared_object() const {
  return type_ == ET_DYN;
}

std::optional<std::string_view> ElfReader::section(std::string_view name) const {
  for (const auto& s : sections_)
    if (name_of(s) == name) return read_at(s.offset, s.size);
  return std::nullopt;
}

void ElfReader::prefetch(std::initializer_list<std::string_view> names) const {
  constexpr std::uint64_t kLargestSpan = 64 * 1024;
  std::uint64_t first = file_size_, end = 0;
  for (const auto& s : sections_) {
    if (s.size == 0 || s.offset > file_size_ || s.size > file_size_ - s.offset) continue;
    if (std::find(names.begin(), names.end(), name_of(s)) == names.end()) continue;
    first = std::min(first, s.offset);
    end = std::max(end, s.offset + s.size);
  }
  if (first < end && end - first <= kLargestSpan) other_.push_back(read_block(first, end - first));
}

bool ElfReader::exports_symbol(std::string_view name) const {
  for (const auto& s : sections_) {
    if (s.type != SHT_DYNSYM || s.link >= sections_.size()) continue;
    auto symbols = read_at(s.offset, s.size);
    auto strings = read_at(sections_[s.link].offset, sections_[s.link].size);
    for (std::size_t at = 0; at + sizeof(Elf64_Sym) <= symbols.size(); at += sizeof(Elf64_Sym)) {
      Elf64_Sym sym;
      std::memcpy(&sym, symbols.data() + at, sizeof sym);
      if (sym.st_shndx == SHN_UNDEF || sym.st_name >= strings.size()) continue;
      if (ELF64_ST_VISIBILITY(sym.st_other) != STV_DEFAULT) continue;
      std::string_view candidate = strings.substr(sym.st_name);
      if (candidate.substr(0, candidate.find('\0')) == name) return true;
    }
  }
  return false;
}

}  // namespace sdm::loader
