#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, starts PostgreSQL 15 and MariaDB 10.11
# on loopback with their data in a temporary folder, builds, runs every test, stops the servers.
# With --sanitize: AddressSanitizer and UBSan, then every fuzz target for a bounded time.
# The cluster suites start a Galera cluster and a PostgreSQL standby pair themselves (CTest
# fixtures, in the same folder); they are stopped with the rest.
# Usage: tests/run-tests.sh [--sanitize] [--build-dir DIR] [-- ctest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
deps_args=(--with-servers)
sanitize=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sanitize)
      # clang builds it in half the time g++ takes with the sanitizers on; -O0 and line tables
      # only: the sanitizers find the same bugs and still report files and lines.
      cmake_args=(-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-14
                  "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -gline-tables-only" -DSDM_SANITIZE=ON
                  -DSDM_WERROR=ON)
      build_dir=build-asan
      deps_args+=(--with-fuzzer); sanitize=1; shift ;;
    --build-dir) build_dir="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

# The host refuses plugins that group or others can write, build outputs included.
umask 022

packaging/install-build-deps.sh "${deps_args[@]}"
source tests/test-servers.sh
start_test_servers

cmake -S . -B "$build_dir" -G Ninja "${cmake_args[@]}" >/dev/null
cmake --build "$build_dir"
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" "$@"

# With --sanitize and no test selection, also each fuzz target under libFuzzer (clang) for a
# bounded time (tests/fuzz/README.md).
if [[ $sanitize -eq 1 && $# -eq 0 ]]; then
  cmake -S . -B "$build_dir-fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER=clang++-14 -DSDM_FUZZ=ON -DSDM_WERROR=ON >/dev/null
  cmake --build "$build_dir-fuzz" --target sdm_fuzzers
  ctest --test-dir "$build_dir-fuzz" --output-on-failure -j"$(nproc)"
fi
