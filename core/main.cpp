// sahara-db-manage: everything happens in the CLI layer.
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  return sdm::cli::run_program(arguments, std::cout, std::cerr);
}
