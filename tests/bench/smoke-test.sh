#!/usr/bin/env bash
# The chain benchmark at N=10, once per variant, so it never rots: it must run every command on
# SQLite and PostgreSQL and write a full table. Nothing is compared; speed is not a test.
# Usage: tests/bench/smoke-test.sh BUILD_DIR   (needs the test servers: tests/run-tests.sh)
set -euo pipefail
[[ -n "${SDM_TEST_PG_ADMIN:-}" ]] || { echo "the benchmark smoke run needs the test servers: run it through tests/run-tests.sh" >&2; exit 1; }
out=$(mktemp /tmp/sdm-bench-smoke.XXXXXX)
trap 'rm -f "$out"' EXIT
"$(dirname "$0")/run-chain-bench.sh" --build-dir "$1" --sizes 10 --read-sizes 10 --runs 1 \
  --alembic-runs 1 --out "$out" >/dev/null
cat "$out"
missing=0
for row in "upgrade head | sqlite" "upgrade head | postgresql" "downgrade base | sqlite" \
           "downgrade base | postgresql" "current | sqlite" "current | postgresql" "history | –" \
           "heads | –" "upgrade head --sql | postgresql"; do
  grep -Eq "^\| $row \| 10 \| [0-9]+\.[0-9] \|" "$out" || { echo "no timed row for: $row" >&2; missing=1; }
done
exit $missing
