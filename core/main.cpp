// sahara-db-manage: everything happens in the CLI layer.
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.hpp"

namespace {

/// A command lives for a moment and builds what it needs once, then exits. On a virtual
/// machine each first touch of a 4 KiB page can cost several microseconds: a `history` of
/// 5,000 revisions took about 3,800 page faults, a quarter of its time. So the heap is
/// reserved in one step and backed by 2 MiB pages where the kernel allows it (transparent huge
/// pages in "madvise" mode, the common default), and freed memory stays for reuse instead of
/// going back to the kernel to be faulted in again. Memory use counts what is touched; nothing
/// changes where the kernel gives no huge pages.
void prepare_heap() {
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  constexpr std::size_t kReserve = std::size_t{32} << 20;
  constexpr int kKeepFreed = 32 << 20;  // the largest threshold glibc accepts
  ::mallopt(M_MMAP_THRESHOLD, kKeepFreed);
  ::mallopt(M_TRIM_THRESHOLD, kKeepFreed);
  ::mallopt(M_TOP_PAD, static_cast<int>(kReserve));
  const auto before = reinterpret_cast<std::uintptr_t>(::sbrk(0));
  // More than the heap holds, so it grows by the reserve (volatile: a malloc freed unused
  // would be left out by the compiler).
  void* volatile block = std::malloc(kHugePage);
  std::free(block);
  const auto after = reinterpret_cast<std::uintptr_t>(::sbrk(0));
  const std::uintptr_t first = (before + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = after & ~(kHugePage - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  ::mallopt(M_TOP_PAD, 128 * 1024);  // later growth, rare, in glibc's usual steps
}

}  // namespace

int main(int argc, char** argv) {
  prepare_heap();
  std::vector<std::string> arguments(argv + 1, argv + argc);
  return sdm::cli::run_program(arguments, std::cout, std::cerr);
}
