#!/usr/bin/env bash
# Figures for tests/README.md ("Faults: crashes, clusters and failover"): how long the test
# scripts take to start a three-node Galera cluster and a PostgreSQL primary with a hot
# standby, `upgrade head` of Sahara's 001..035 on Galera against a single MariaDB, how long
# a runner waits to take over the lock of a runner killed while holding it, and rounds of two
# runners racing through two nodes (how many rounds had exactly one of them migrate). Medians
# (and the range) of N samples; each sample on a fresh database. Not a test: nothing fails on a
# slow run.
# Usage: tests/bench/run-cluster-figures.sh [--build-dir DIR] [--runs N] [--takeovers N]
#        [--races N]
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=build
runs=10
takeovers=5
races=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build-dir) build_dir="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --takeovers) takeovers="$2"; shift 2 ;;
    --races) races="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
bin=$(realpath "$build_dir/bin/sahara-db-manage")
paused=$(realpath "$build_dir/tests/fixture-plugins/paused")
[[ -x "$bin" && -d "$paused" ]] || { echo "build first (tests included): $bin" >&2; exit 1; }

source tests/test-servers.sh
start_test_servers
work=$(mktemp -d /tmp/sdm-cluster-figures.XXXXXX)
trap 'sdm_stop_test_servers; rm -rf "$work"' EXIT

now() { date +%s%N; }
ms_since() { echo $(( ($(now) - $1) / 1000000 )); }
# "median (min-max)" of numbers, one a line, in milliseconds, shown in seconds
summary() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
  printf "%.2f s (%.2f-%.2f, %d samples)", m / 1000, a[1] / 1000, a[NR] / 1000, NR}'; }

started=$(now); bash tests/test-servers.sh galera-start 2>/dev/null; galera_start=$(ms_since "$started")
started=$(now); bash tests/test-servers.sh pg-standby-start 2>/dev/null; pg_start=$(ms_since "$started")
source "$SDM_TEST_SERVERS_DIR/galera/env"
my_port=${SDM_TEST_MYSQL_ADMIN##*:}; my_port=${my_port%%/*}

galera_root() { mariadb --no-defaults --socket="$SDM_GALERA_SOCKET_1" -uroot -N -B -e "$1"; }
single_root() { mariadb --no-defaults --socket="$SDM_TEST_MYSQL_SOCKET" -uroot -N -B -e "$1"; }
galera_root "CREATE USER 'figures'@'%' IDENTIFIED BY 'figures'; GRANT ALL ON *.* TO 'figures'@'%';"
single_root "CREATE USER 'figures'@'%' IDENTIFIED BY 'figures'; GRANT ALL ON *.* TO 'figures'@'%';"
config() { printf '[database]\nconnection = %s\n' "$1" > "$work/$2.conf"; echo "$work/$2.conf"; }

# upgrade head: the whole process, through TCP with a password, on a fresh database
single=() galera=()
for i in $(seq "$runs"); do
  single_root "CREATE DATABASE s_$i CHARACTER SET utf8"
  conf=$(config "mysql+pymysql://figures:figures@127.0.0.1:$my_port/s_$i" single)
  started=$(now); "$bin" --config-file "$conf" upgrade head 2>/dev/null; single+=("$(ms_since "$started")")
  galera_root "CREATE DATABASE g_$i CHARACTER SET utf8"
  conf=$(config "mysql+pymysql://figures:figures@127.0.0.1:$SDM_GALERA_PORT_1/g_$i" galera)
  started=$(now); "$bin" --config-file "$conf" upgrade head 2>/dev/null; galera+=("$(ms_since "$started")")
done

# Takeover: a runner holding the lock (inside the paused revision) is killed; a second runner
# through another node starts at once; the time until it runs its first revision.
taken=()
for i in $(seq "$takeovers"); do
  galera_root "CREATE DATABASE t_$i CHARACTER SET utf8; CREATE TABLE t_$i.pause_control
    (id INT PRIMARY KEY, seconds INT NOT NULL); INSERT INTO t_$i.pause_control VALUES (1, 60);"
  holder_conf=$(config "mysql://figures:figures@127.0.0.1:$SDM_GALERA_PORT_1/t_$i" holder)
  next_conf=$(config "mysql://figures:figures@127.0.0.1:$SDM_GALERA_PORT_2/t_$i" next)
  "$bin" --config-file "$holder_conf" --revisions-dir "$paused" upgrade head 2>/dev/null &
  holder=$!
  until [[ "$(galera_root "SELECT version_num FROM t_$i.alembic_version" 2>/dev/null)" == 1a0000000001 ]]; do
    sleep 0.05
  done
  sleep 0.3  # into the paused revision, holding the lock
  kill -9 "$holder"; wait "$holder" 2>/dev/null || true
  galera_root "UPDATE t_$i.pause_control SET seconds = 0"
  started=$(now)
  "$bin" --config-file "$next_conf" --revisions-dir "$paused" upgrade head 2>"$work/next.log" &
  next=$!
  until grep -q "Running upgrade 1a0000000001 -> 2b0000000002" "$work/next.log"; do sleep 0.02; done
  taken+=("$(ms_since "$started")")
  wait "$next"
done

# Races: two runners start together on an empty database through nodes i and i+1. A round is
# good when both exit 0, exactly one of them runs all 35 revisions, the other said whom it was
# waiting for (pid and node), and all three nodes then hold 035.
race_ok=0 race_bad=()
for i in $(seq "$races"); do
  node_a=$(( i % 3 + 1 )) node_b=$(( (i + 1) % 3 + 1 ))
  galera_root "CREATE DATABASE r_$i CHARACTER SET utf8"
  port_a=SDM_GALERA_PORT_$node_a port_b=SDM_GALERA_PORT_$node_b
  conf_a=$(config "mysql+pymysql://figures:figures@127.0.0.1:${!port_a}/r_$i" race_a)
  conf_b=$(config "mysql+pymysql://figures:figures@127.0.0.1:${!port_b}/r_$i" race_b)
  "$bin" --config-file "$conf_a" upgrade head 2>"$work/a.log" & pid_a=$!
  "$bin" --config-file "$conf_b" upgrade head 2>"$work/b.log" & pid_b=$!
  rc_a=0 rc_b=0
  wait "$pid_a" || rc_a=$?
  wait "$pid_b" || rc_b=$?
  ran_a=$(grep -c "Running upgrade" "$work/a.log" || true)
  ran_b=$(grep -c "Running upgrade" "$work/b.log" || true)
  if (( ran_a == 35 )); then waiter=$work/b.log holder="pid $pid_a" node=node$node_a
  else waiter=$work/a.log holder="pid $pid_b" node=node$node_b; fi
  heads=$(for n in 1 2 3; do
    socket=SDM_GALERA_SOCKET_$n
    mariadb --no-defaults --socket="${!socket}" -uroot -N -B \
      -e "SET SESSION wsrep_sync_wait = 1; SELECT version_num FROM r_$i.alembic_version"; done | sort -u)
  if (( rc_a == 0 && rc_b == 0 && ran_a + ran_b == 35 && (ran_a == 0 || ran_b == 0) )) &&
     grep -q "sahara-db-manage $holder on host" "$waiter" && grep -q "through Galera node $node" "$waiter" &&
     [[ "$heads" == 035 ]]; then
    race_ok=$((race_ok + 1))
  else
    race_bad+=("round $i: exit $rc_a/$rc_b, revisions run $ran_a/$ran_b, heads ${heads//$'\n'/,}")
  fi
done
for line in "${race_bad[@]}"; do echo "$line" >&2; done

echo "| figure | value |"
echo "|---|---|"
echo "| three-node Galera cluster started and Synced (tests/test-servers.sh galera-start) | $(echo "$galera_start" | summary) |"
echo "| PostgreSQL primary + hot standby started (pg-standby-start) | $(echo "$pg_start" | summary) |"
echo "| upgrade head 001-035, single MariaDB | $(printf '%s\n' "${single[@]}" | summary) |"
echo "| upgrade head 001-035, Galera (through node 1) | $(printf '%s\n' "${galera[@]}" | summary) |"
echo "| two runners racing through two nodes: rounds with exactly one migrating, the other naming it and finding head | $race_ok of $races |"
echo "| lock of a killed holder taken over (next runner's start to its first revision) | $(printf '%s\n' "${taken[@]}" | summary) |"
