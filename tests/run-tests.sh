#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, starts PostgreSQL 15 and MariaDB 10.11
# on loopback with their data in a temporary folder, builds, runs every test, stops the servers.
# Usage: tests/run-tests.sh [--sanitize] [--build-dir DIR] [-- ctest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sanitize) cmake_args+=(-DSDM_SANITIZE=ON -DSDM_WERROR=ON); build_dir=build-asan; shift ;;
    --build-dir) build_dir="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

packaging/install-build-deps.sh --with-servers

work=$(mktemp -d /tmp/sdm-tests.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { local p=$1; while (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; do p=$((p + 1)); done; echo $p; }
as_user() { if [[ $(id -u) -eq 0 ]]; then runuser -u "$1" -- "${@:2}"; else "${@:2}"; fi; }

# PostgreSQL 15: initdb refuses root, so it runs as postgres when we are root.
pg_bin=/usr/lib/postgresql/15/bin
pg_dir=$work/pg
pg_port=$(free_port 55432)
pg_user=$( [[ $(id -u) -eq 0 ]] && echo postgres || id -un )
mkdir -p "$pg_dir"
[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$pg_dir"
echo postgres > "$pg_dir/pw"; [[ $(id -u) -eq 0 ]] && chown postgres "$pg_dir/pw"
as_user "$pg_user" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-local=trust \
  --auth-host=scram-sha-256 --pwfile="$pg_dir/pw" -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log"
as_user "$pg_user" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 -o \
  "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
pids+=("$(head -1 "$pg_dir/data/postmaster.pid")")
export SDM_TEST_PG_ADMIN="postgresql://postgres:postgres@127.0.0.1:$pg_port/postgres"
export SDM_TEST_PG_SOCKET_DIR="$pg_dir"

# MariaDB 10.11: --user=mysql drops root; root signs in over the socket.
my_dir=$work/mysql
my_port=$(free_port 53306)
mkdir -p "$my_dir"
[[ $(id -u) -eq 0 ]] && chown mysql:mysql "$my_dir"
mariadb-install-db --no-defaults $( [[ $(id -u) -eq 0 ]] && echo --user=mysql ) --datadir="$my_dir/data" \
  --auth-root-authentication-method=socket --skip-test-db --skip-name-resolve >"$my_dir/install.log" 2>&1
setsid mariadbd --no-defaults $( [[ $(id -u) -eq 0 ]] && echo --user=mysql ) --datadir="$my_dir/data" \
  --socket="$my_dir/mysqld.sock" --pid-file="$my_dir/mysqld.pid" --port="$my_port" --bind-address=127.0.0.1 \
  --skip-name-resolve --skip-log-bin --log-error="$my_dir/error.log" --innodb-buffer-pool-size=64M \
  --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --max-connections=300 </dev/null >/dev/null 2>&1 &
my_pid=$!
pids+=("$my_pid")
for _ in $(seq 300); do
  mariadb-admin --no-defaults --socket="$my_dir/mysqld.sock" -uroot ping >/dev/null 2>&1 && break
  kill -0 "$my_pid" 2>/dev/null || { cat "$my_dir/error.log" >&2; exit 1; }
  sleep 0.1
done
mariadb --no-defaults --socket="$my_dir/mysqld.sock" -uroot -e \
  "CREATE USER 'sdm_admin'@'127.0.0.1' IDENTIFIED BY 'sdm_admin'; GRANT ALL ON *.* TO 'sdm_admin'@'127.0.0.1' WITH GRANT OPTION;"
export SDM_TEST_MYSQL_ADMIN="mysql://sdm_admin:sdm_admin@127.0.0.1:$my_port/mysql"
export SDM_TEST_MYSQL_SOCKET="$my_dir/mysqld.sock"

cmake -S . -B "$build_dir" -G Ninja "${cmake_args[@]}" >/dev/null
cmake --build "$build_dir"
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" "$@"
