#!/usr/bin/env bash
# Benchmarks N-revision chains: sahara-db-manage (one plugin per file, and bundled by 100), the
# floor (the same DDL piped into sqlite3/psql) and Alembic, side by side on SQLite and
# PostgreSQL. Starts private test servers unless SDM_TEST_PG_ADMIN names running ones.
# Usage: tests/bench/run-chain-bench.sh [--build-dir DIR] [--sizes 10,100,1000]
#        [--read-sizes 10,100,1000,5000] [--runs N] [--alembic-runs N] [--no-alembic] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/../.."
umask 022
if [[ -z "${SDM_TEST_PG_ADMIN:-}" ]]; then
  source tests/test-servers.sh
  start_test_servers
fi
# Debian's python3-alembic is importable by the system interpreter, whatever python3 is first.
/usr/bin/python3 tests/bench/chain_bench.py "$@"
