#!/usr/bin/env bash
# Benchmarks `upgrade head` of Sahara's 001..035 on SQLite, PostgreSQL and MariaDB against the
# floor of piping the tool's own offline script into the database's client, plus `history` and
# `current`. Each sample runs on a fresh database; medians are reported.
# Usage: tests/bench/run-bench.sh [--build-dir DIR] [--runs N]   (needs a built tree)
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=build
runs=15
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build-dir) build_dir="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
bin=$(realpath "$build_dir/bin/sahara-db-manage")
[[ -x "$bin" ]] || { echo "build first: $bin is missing" >&2; exit 1; }

source tests/test-servers.sh
start_test_servers
work=$(mktemp -d /tmp/sdm-bench.XXXXXX)
trap 'sdm_stop_test_servers; rm -rf "$work"' EXIT

pg_port=${SDM_TEST_PG_ADMIN##*:}; pg_port=${pg_port%%/*}
my_port=${SDM_TEST_MYSQL_ADMIN##*:}; my_port=${my_port%%/*}
pg_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$SDM_TEST_PG_SOCKET_DIR" -p "$pg_port" -U postgres -d postgres -c "$1" >/dev/null; }
my_admin() { mariadb --no-defaults -h 127.0.0.1 -P "$my_port" -usdm_admin -psdm_admin -e "$1"; }
pg_admin "CREATE ROLE bench LOGIN PASSWORD 'bench'"
my_admin "CREATE USER 'bench'@'%' IDENTIFIED BY 'bench'; GRANT ALL ON *.* TO 'bench'@'%';"

# Microseconds from bash's own clock: starting `date` in a subshell to read the time costs a
# fork and an exec, which was counted in every sample.
now_us() { local t=${EPOCHREALTIME//[!0-9]/}; printf -v "$1" '%s' "$((10#$t))"; }
median_ms() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1000}'; }

config() { printf '[database]\nconnection = %s\n' "$1" > "$work/bench.conf"; echo "$work/bench.conf"; }
fresh_url() {  # backend n -> URL of a new empty database
  case "$1" in
    sqlite) echo "sqlite:///$work/bench_$2.db" ;;
    postgresql) pg_admin "CREATE DATABASE bench_$2 OWNER bench"; echo "postgresql://bench:bench@127.0.0.1:$pg_port/bench_$2" ;;
    mysql) my_admin "CREATE DATABASE bench_$2 CHARACTER SET utf8"; echo "mysql://bench:bench@127.0.0.1:$my_port/bench_$2" ;;
  esac
}
pipe_script() {  # backend n script -> runs the script with the database's own client
  case "$1" in
    sqlite) sqlite3 "$work/bench_$2.db" < "$3" ;;
    postgresql) PGPASSWORD=bench psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U bench -d "bench_$2" -f "$3" >/dev/null ;;
    mysql) mariadb --no-defaults -h 127.0.0.1 -P "$my_port" -ubench -pbench "bench_$2" < "$3" ;;
  esac
}

echo "| backend | upgrade head (ms) | client floor (ms) | ratio | current (ms) |"
echo "|---|---|---|---|---|"
n=0
for backend in sqlite postgresql mysql; do
  script=$work/$backend.sql
  "$bin" --config-file "$(config "$(fresh_url "$backend" script)")" upgrade head --sql > "$script" 2>/dev/null
  ours=() floor=()
  for _ in $(seq "$runs"); do
    n=$((n + 1)); url=$(fresh_url "$backend" "$n"); conf=$(config "$url")
    now_us start; "$bin" --config-file "$conf" upgrade head 2>/dev/null; now_us end; ours+=($((end - start)))
    n=$((n + 1)); fresh_url "$backend" "$n" >/dev/null
    now_us start; pipe_script "$backend" "$n" "$script"; now_us end; floor+=($((end - start)))
  done
  o=$(printf '%s\n' "${ours[@]}" | median_ms); f=$(printf '%s\n' "${floor[@]}" | median_ms)
  # `current` on the last database brought to head: connect, read one row.
  current=()
  for _ in $(seq 20); do
    now_us start; "$bin" --config-file "$conf" current >/dev/null; now_us end; current+=($((end - start)))
  done
  c=$(printf '%s\n' "${current[@]}" | median_ms)
  echo "| $backend | $o | $f | $(awk -v o="$o" -v f="$f" 'BEGIN {printf "%.2f", o / f}') | $c |"
done

# history reads revision metadata only and never connects.
hist=()
for _ in $(seq 50); do
  now_us start; "$bin" --config-file "$conf" history >/dev/null; now_us end; hist+=($((end - start)))
done
echo
echo "history: $(printf '%s\n' "${hist[@]}" | median_ms) ms (median of 50)"
