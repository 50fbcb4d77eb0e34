// sahara-db-manage-conformance: the driver conformance suite, for any driver plugin and URL.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "target.hpp"

#ifndef SDM_RELATIVE_CONFORMANCE_DIR
#error "SDM_RELATIVE_CONFORMANCE_DIR must name the suite's revisions relative to the binary"
#endif

namespace {

constexpr const char* kUsage =
    "usage: sahara-db-manage-conformance --driver FILE.so --url URL [--host FILE]\n"
    "                                    [--revisions-dir DIR] [TEST OPTIONS]\n"
    "\n"
    "Runs the driver conformance suite: the driver plugin FILE.so against the empty scratch\n"
    "database URL (its scheme must be one the driver serves). The suite creates and drops\n"
    "tables, and runs sahara-db-manage with its own revisions through the driver.\n"
    "\n"
    "  --driver FILE.so    the driver plugin under test\n"
    "  --url URL           an empty scratch database; SDM_CONFORMANCE_URL when not given,\n"
    "                      which keeps a password out of the process list\n"
    "  --host FILE         sahara-db-manage to migrate with (default: next to this program)\n"
    "  --revisions-dir DIR the suite's revisions (default: installed with this program)\n"
    "\n"
    "TEST OPTIONS go to doctest: --list-test-cases, -tc=\"PATTERN\", -s (show successes) ...\n"
    "\n"
    "Exit status: 0 every test passed, 1 a test failed, 2 bad command line, 3 bad URL or\n"
    "driver path, 5 the driver is rejected, 6 the database cannot be used (or is not empty).\n";

std::filesystem::path own_directory() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::current_path() : self.parent_path();
}

}  // namespace

int main(int argc, char** argv) {
  sdm::conformance::TargetSettings settings;
  settings.host_binary = (own_directory() / "sahara-db-manage").string();
  settings.revisions_dir =
      (own_directory() / SDM_RELATIVE_CONFORMANCE_DIR).lexically_normal().string();
  std::vector<const char*> doctest_arguments = {argv[0]};
  bool listing = false;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "sahara-db-manage-conformance: " << argument << " needs a value\n" << kUsage;
        std::exit(2);
      }
      return argv[++i];
    };
    if (argument == "--help" || argument == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (argument == "--driver") {
      settings.driver_file = value();
    } else if (argument == "--url") {
      settings.url = value();
    } else if (argument == "--host") {
      settings.host_binary = value();
    } else if (argument == "--revisions-dir") {
      settings.revisions_dir = value();
    } else {
      listing = listing || argument.rfind("--list", 0) == 0 || argument.rfind("-lt", 0) == 0 ||
                argument.rfind("-ltc", 0) == 0;
      doctest_arguments.push_back(argv[i]);
    }
  }
  doctest::Context context(static_cast<int>(doctest_arguments.size()), doctest_arguments.data());
  if (listing) return context.run();

  if (settings.url.empty())
    if (const char* url = std::getenv("SDM_CONFORMANCE_URL")) settings.url = url;
  if (settings.driver_file.empty() || settings.url.empty()) {
    std::cerr << "sahara-db-manage-conformance: give --driver and --url\n" << kUsage;
    return 2;
  }
  try {
    sdm::conformance::Target::set_up(settings);
  } catch (const sdm::HostError& e) {
    std::cerr << "sahara-db-manage-conformance: " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "sahara-db-manage-conformance: " << e.what() << "\n";
    return 6;
  }
  std::cout << "Driver " << sdm::conformance::Target::get().driver().name() << " ("
            << sdm::conformance::Target::get().dialect().name() << " dialect) from "
            << settings.driver_file << "\n";
  const int failed = context.run();
  return failed == 0 ? 0 : 1;
}
