# Starts PostgreSQL 15 and MariaDB 10.11 on loopback, data in a temporary folder, for the tests
# and benchmarks. Source it, then call `start_test_servers`; the servers stop when the shell
# exits. Exports SDM_TEST_PG_ADMIN, SDM_TEST_PG_SOCKET_DIR, SDM_TEST_MYSQL_ADMIN,
# SDM_TEST_MYSQL_SOCKET, SDM_TEST_SERVERS_DIR (the folder the lazily started servers below
# live in) and SDM_TEST_SERVERS_SCRIPT (this file) for tests that start servers of their own.
#
# The starters below also serve tests that need a server of their own, one they may kill,
# freeze or restart (fault tests). Each one starts (or restarts, when DIR already holds its
# data) one server in DIR and leaves it running after the shell exits, then sets
# SDM_STARTED_PID (the server's main process), SDM_STARTED_PORT and SDM_STARTED_ADMIN (an
# admin URL); a caller that is not start_test_servers stops the server itself, by that pid.

sdm_free_port() { local p=$1; while (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; do p=$((p + 1)); done; echo $p; }
sdm_as_user() { if [[ $(id -u) -eq 0 ]]; then runuser -u "$1" -- "${@:2}"; else "${@:2}"; fi; }
SDM_TEST_SERVERS_SCRIPT=$(readlink -f "${BASH_SOURCE[0]}")

# sdm_start_postgresql DIR [PORT] [SETTING=VALUE...]: PostgreSQL 15 in DIR on 127.0.0.1:PORT
# (a free one from 55432 when empty), its socket in DIR. Local socket connections are trusted;
# TCP needs a password, as in production (user postgres, password postgres). Settings go to
# the server as -c options after the test defaults (fsync off and the like), so a test can
# turn durability back on.
sdm_start_postgresql() {
  local dir=$1 port=${2:-} pg_bin=/usr/lib/postgresql/15/bin pg_user options
  shift; [[ $# -gt 0 ]] && shift
  [[ -n "$port" ]] || port=$(sdm_free_port 55432)
  pg_user=$( [[ $(id -u) -eq 0 ]] && echo postgres || id -un )
  if [[ ! -d "$dir/data" ]]; then
    mkdir -p "$dir"; [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
    echo postgres > "$dir/pw"; [[ $(id -u) -eq 0 ]] && chown postgres "$dir/pw"
    sdm_as_user "$pg_user" "$pg_bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 --pwfile="$dir/pw" -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" || return 1
  fi
  options="-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  local setting; for setting in "$@"; do options+=" -c $setting"; done
  sdm_as_user "$pg_user" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null || {
    cat "$dir/server.log" >&2; return 1; }
  SDM_STARTED_PID=$(head -1 "$dir/data/postmaster.pid")
  SDM_STARTED_PORT=$port
  SDM_STARTED_ADMIN="postgresql://postgres:postgres@127.0.0.1:$port/postgres"
}

# sdm_start_mariadb DIR [PORT] [MARIADBD-OPTION...]: MariaDB 10.11 in DIR on 127.0.0.1:PORT
# (a free one from 53306 when empty), its socket DIR/mysqld.sock. Root signs in over the
# socket; the admin URL is user sdm_admin over TCP. Options go to mariadbd after the test
# defaults (e.g. --innodb-flush-log-at-trx-commit=1 for a server a test kills).
sdm_start_mariadb() {
  local dir=$1 port=${2:-} pid
  shift; [[ $# -gt 0 ]] && shift
  [[ -n "$port" ]] || port=$(sdm_free_port 53306)
  local as_mysql=(); [[ $(id -u) -eq 0 ]] && as_mysql=(--user=mysql)
  if [[ ! -d "$dir/data" ]]; then
    mkdir -p "$dir"; [[ $(id -u) -eq 0 ]] && chown mysql:mysql "$dir"
    mariadb-install-db --no-defaults "${as_mysql[@]}" --datadir="$dir/data" \
      --auth-root-authentication-method=socket --skip-test-db --skip-name-resolve >"$dir/install.log" 2>&1 || {
      cat "$dir/install.log" >&2; return 1; }
  fi
  setsid mariadbd --no-defaults "${as_mysql[@]}" --datadir="$dir/data" --socket="$dir/mysqld.sock" \
    --pid-file="$dir/mysqld.pid" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
    --skip-log-bin --log-error="$dir/error.log" --innodb-buffer-pool-size=64M \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --max-connections=300 "$@" \
    </dev/null >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$dir/error.log" >&2; return 1; }
    sleep 0.1
  done
  # Once per data folder, marked when done: a first start that failed after the install (its
  # port taken meanwhile) is retried over the same folder and must still create the user.
  if [[ ! -e "$dir/admin-created" ]]; then
    mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e \
      "CREATE USER IF NOT EXISTS 'sdm_admin'@'127.0.0.1' IDENTIFIED BY 'sdm_admin'; GRANT ALL ON *.* TO 'sdm_admin'@'127.0.0.1' WITH GRANT OPTION;" || return 1
    touch "$dir/admin-created"
  fi
  SDM_STARTED_PID=$pid
  SDM_STARTED_PORT=$port
  SDM_STARTED_ADMIN="mysql://sdm_admin:sdm_admin@127.0.0.1:$port/mysql"
}

sdm_server_pids=()
sdm_server_work=""
sdm_stop_test_servers() {
  sdm_stop_lazy_servers
  for p in "${sdm_server_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${sdm_server_pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done
  [[ -n "$sdm_server_work" ]] && rm -rf "$sdm_server_work"
}

start_test_servers() {
  sdm_server_work=$(mktemp -d /tmp/sdm-servers.XXXXXX)
  chmod 755 "$sdm_server_work"
  export SDM_TEST_SERVERS_DIR=$sdm_server_work
  trap sdm_stop_test_servers EXIT

  sdm_start_postgresql "$sdm_server_work/pg" || return 1
  sdm_server_pids+=("$SDM_STARTED_PID")
  export SDM_TEST_PG_ADMIN=$SDM_STARTED_ADMIN
  export SDM_TEST_PG_SOCKET_DIR="$sdm_server_work/pg"

  sdm_start_mariadb "$sdm_server_work/mysql" || return 1
  sdm_server_pids+=("$SDM_STARTED_PID")
  export SDM_TEST_MYSQL_ADMIN=$SDM_STARTED_ADMIN
  export SDM_TEST_MYSQL_SOCKET="$sdm_server_work/mysql/mysqld.sock"
  export SDM_TEST_SERVERS_SCRIPT
}

# ---------------------------------------------------------------------------------------------
# Servers started lazily, only by the suites that need them (CTest fixtures, see
# tests/CMakeLists.txt), inside the folder start_test_servers made: a three-node MariaDB Galera
# cluster and a PostgreSQL primary with a hot standby. Each records its pids in
# $SDM_TEST_SERVERS_DIR/lazy.pids, so sdm_stop_test_servers stops whatever is left of them.
# Run this file as a script for the fixtures and the tests:
#   tests/test-servers.sh galera-start | galera-stop | galera-kill-node N | galera-start-node N
#   tests/test-servers.sh pg-standby-start | pg-standby-stop | pg-primary-stop | pg-primary-start

sdm_lazy_dir() {
  if [[ -z "${SDM_TEST_SERVERS_DIR:-}" || ! -d "$SDM_TEST_SERVERS_DIR" ]]; then
    echo "SDM_TEST_SERVERS_DIR is not set: start the servers with tests/run-tests.sh, or" \
      "'source tests/test-servers.sh; start_test_servers' in the shell that runs ctest" >&2
    return 1
  fi
  echo "$SDM_TEST_SERVERS_DIR/$1"
}

sdm_record_lazy_pid() { echo "$1" >> "$SDM_TEST_SERVERS_DIR/lazy.pids"; }

# Stops pid $1 (SIGTERM, or the signal $2) if it is still one of our servers: its command line
# names a folder under $SDM_TEST_SERVERS_DIR, so a reused pid is never touched. Waits for it.
sdm_stop_our_server() {
  local pid=$1 signal=${2:-TERM}
  [[ -r /proc/$pid/cmdline ]] || return 0
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$SDM_TEST_SERVERS_DIR/" || return 0
  kill "-$signal" "$pid" 2>/dev/null || return 0
  # Gone, or a zombie: one whose starter has exited waits for init to reap it.
  while kill -0 "$pid" 2>/dev/null && [[ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" != Z ]]; do
    sleep 0.1
  done
}

sdm_stop_lazy_servers() {
  [[ -n "${SDM_TEST_SERVERS_DIR:-}" && -f "$SDM_TEST_SERVERS_DIR/lazy.pids" ]] || return 0
  # Their data goes away with the folder: MariaDB is killed (a clean Galera shutdown takes
  # seconds), PostgreSQL shuts down immediately (SIGQUIT), its backends with it.
  local pid
  while read -r pid; do
    if [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == mariadbd ]]; then
      sdm_stop_our_server "$pid" KILL
    else
      sdm_stop_our_server "$pid" QUIT
    fi
  done < "$SDM_TEST_SERVERS_DIR/lazy.pids"
}

# --- MariaDB Galera: three nodes on loopback, rsync state transfer --------------------------
# $SDM_TEST_SERVERS_DIR/galera/env holds what the tests read: per node N the SQL port
# (SDM_GALERA_PORT_N), root's socket (SDM_GALERA_SOCKET_N) and the pid file (SDM_GALERA_PID_N),
# and an admin URL (SDM_GALERA_ADMIN) for node 1.

sdm_galera_root() { mariadb --no-defaults --socket="$1/node$2/mysqld.sock" -uroot -N -B -e "$3"; }

sdm_galera_state() {  # dir n -> Synced, Joined, Donor/Desynced, ... or nothing when down
  sdm_galera_root "$1" "$2" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2
}

# Starts node N of the cluster in DIR and waits until it is Synced (extra arguments go to
# mariadbd, e.g. --wsrep-new-cluster for the first node). An empty datadir is filled by SST.
sdm_galera_start_node() {
  local dir=$1 n=$2; shift 2
  # shellcheck disable=SC1091
  source "$dir/ports"
  local d=$dir/node$n sql_var=SQL_$n gcomm_var=GCOMM_$n ist_var=IST_$n sst_var=SST_$n
  local as_mysql=(); [[ $(id -u) -eq 0 ]] && as_mysql=(--user=mysql)
  mkdir -p "$d/data"; [[ $(id -u) -eq 0 ]] && chown -R mysql:mysql "$d"
  setsid mariadbd --no-defaults "${as_mysql[@]}" --datadir="$d/data" --socket="$d/mysqld.sock" \
    --pid-file="$d/mysqld.pid" --port="${!sql_var}" --bind-address=127.0.0.1 --skip-name-resolve \
    --log-error="$d/error.log" --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=0 \
    --innodb-doublewrite=0 --max-connections=300 --binlog-format=ROW --innodb-autoinc-lock-mode=2 \
    --default-storage-engine=InnoDB --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so \
    --wsrep-cluster-name=sdm_test --wsrep-node-name="node$n" \
    --wsrep-cluster-address="gcomm://127.0.0.1:$GCOMM_1,127.0.0.1:$GCOMM_2,127.0.0.1:$GCOMM_3" \
    --wsrep-node-address="127.0.0.1:${!gcomm_var}" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:${!gcomm_var};ist.recv_addr=127.0.0.1:${!ist_var};gcache.size=64M" \
    --wsrep-sst-receive-address="127.0.0.1:${!sst_var}" --wsrep-sst-method=rsync "$@" \
    </dev/null >/dev/null 2>&1 &
  local pid=$!
  echo "$pid" > "$d/server.pid"
  sdm_record_lazy_pid "$pid"
  for _ in $(seq 1200); do
    [[ "$(sdm_galera_state "$dir" "$n")" == Synced ]] && return 0
    kill -0 "$pid" 2>/dev/null || { tail -30 "$d/error.log" >&2; return 1; }
    sleep 0.1
  done
  echo "Galera node $n did not reach Synced within 120 s" >&2; tail -30 "$d/error.log" >&2
  return 1
}

# Kills node N at once (SIGKILL, as a crash), or stops it cleanly with `term`.
sdm_galera_stop_node() {
  local dir=$1 n=$2 signal=${3:-KILL}
  [[ -f "$dir/node$n/server.pid" ]] && sdm_stop_our_server "$(cat "$dir/node$n/server.pid")" "$signal"
  rm -f "$dir/node$n/server.pid"
}

start_galera_cluster() {
  local dir started=$SECONDS
  dir=$(sdm_lazy_dir galera) || return 1
  if [[ -f "$dir/env" ]]; then  # already up (an earlier fixture run in this shell)
    local n up=1
    for n in 1 2 3; do [[ "$(sdm_galera_state "$dir" "$n")" == Synced ]] || up=0; done
    ((up)) && return 0
    stop_galera_cluster
  fi
  mkdir -p "$dir"; chmod 755 "$dir"
  local n p=13306 ports=""
  for n in 1 2 3; do
    local kind
    for kind in SQL GCOMM IST SST; do
      p=$(sdm_free_port $((p + 1))); ports+="${kind}_$n=$p"$'\n'
    done
  done
  echo "$ports" > "$dir/ports"
  mkdir -p "$dir/node1"; [[ $(id -u) -eq 0 ]] && chown mysql:mysql "$dir/node1"
  local as_mysql=(); [[ $(id -u) -eq 0 ]] && as_mysql=(--user=mysql)
  mariadb-install-db --no-defaults "${as_mysql[@]}" --datadir="$dir/node1/data" \
    --auth-root-authentication-method=socket --skip-test-db --skip-name-resolve \
    >"$dir/node1/install.log" 2>&1
  sdm_galera_start_node "$dir" 1 --wsrep-new-cluster || return 1
  sdm_galera_root "$dir" 1 "CREATE USER 'sdm_admin'@'127.0.0.1' IDENTIFIED BY 'sdm_admin';
    GRANT ALL ON *.* TO 'sdm_admin'@'127.0.0.1' WITH GRANT OPTION;"
  # A joiner with an empty datadir needs a full state transfer (about 10 s each with rsync on
  # 2 cores). Copies of node 1's datadir, taken after a clean shutdown, carry its cluster
  # position instead, so nodes 2 and 3 join at once; rsync SST still serves a node that
  # rejoins after a crash without its position.
  sdm_galera_stop_node "$dir" 1 TERM
  for n in 2 3; do
    mkdir -p "$dir/node$n"
    cp -a "$dir/node1/data" "$dir/node$n/data"
    sed -i 's/^safe_to_bootstrap:.*/safe_to_bootstrap: 0/' "$dir/node$n/data/grastate.dat"
    [[ $(id -u) -eq 0 ]] && chown -R mysql:mysql "$dir/node$n"
  done
  sdm_galera_start_node "$dir" 1 --wsrep-new-cluster || return 1
  # Both join at once; each needs only the few events since the copy (IST).
  sdm_galera_start_node "$dir" 2 & local joiner=$!
  sdm_galera_start_node "$dir" 3 || return 1
  wait "$joiner" || return 1
  # shellcheck disable=SC1091
  source "$dir/ports"
  {
    for n in 1 2 3; do
      local sql_var=SQL_$n
      echo "SDM_GALERA_PORT_$n=${!sql_var}"
      echo "SDM_GALERA_SOCKET_$n=$dir/node$n/mysqld.sock"
      echo "SDM_GALERA_PID_$n=$dir/node$n/server.pid"
    done
    echo "SDM_GALERA_ADMIN=mysql://sdm_admin:sdm_admin@127.0.0.1:$SQL_1/mysql"
  } > "$dir/env"
  echo "Galera cluster of 3 nodes Synced in $((SECONDS - started)) s" >&2
}

stop_galera_cluster() {
  local dir n
  dir=$(sdm_lazy_dir galera) || return 1
  [[ -d "$dir" ]] || return 0
  # Killed rather than shut down: the folder goes away, and a clean shutdown of a cluster
  # takes seconds per node.
  for n in 3 2 1; do sdm_galera_stop_node "$dir" "$n" KILL; done
  rm -rf "$dir"
}

# --- PostgreSQL: a primary and a hot standby made by pg_basebackup -R -------------------------
# $SDM_TEST_SERVERS_DIR/pg-standby/env holds SDM_PG_PRIMARY_PORT, SDM_PG_STANDBY_PORT, the
# primary's socket folder (SDM_PG_PRIMARY_SOCKET_DIR, where local users are trusted) and an
# admin URL for the primary (SDM_PG_PRIMARY_ADMIN).

sdm_pg_bin=/usr/lib/postgresql/15/bin
sdm_pg_owner() { if [[ $(id -u) -eq 0 ]]; then echo postgres; else id -un; fi; }

sdm_pg_start_instance() {  # data-dir port socket-dir
  sdm_as_user "$(sdm_pg_owner)" "$sdm_pg_bin/pg_ctl" -D "$1" -l "$1/../$(basename "$1").log" -w \
    -t 60 -o "-c listen_addresses=127.0.0.1 -p $2 -k $3 -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=100" start >/dev/null || return 1
  sdm_record_lazy_pid "$(head -1 "$1/postmaster.pid")"
}

sdm_pg_stop_instance() {  # data-dir [signal: INT, a fast shutdown, by default]
  [[ -f "$1/postmaster.pid" ]] && sdm_stop_our_server "$(head -1 "$1/postmaster.pid")" "${2:-INT}"
  return 0
}

start_pg_standby_pair() {
  local dir started=$SECONDS
  dir=$(sdm_lazy_dir pg-standby) || return 1
  if [[ -f "$dir/env" ]]; then
    # shellcheck disable=SC1091
    source "$dir/env"
    "$sdm_pg_bin/pg_isready" -q -h 127.0.0.1 -p "$SDM_PG_PRIMARY_PORT" &&
      "$sdm_pg_bin/pg_isready" -q -h 127.0.0.1 -p "$SDM_PG_STANDBY_PORT" && return 0
    stop_pg_standby_pair
  fi
  mkdir -p "$dir"; chmod 755 "$dir"
  local owner primary_port standby_port
  owner=$(sdm_pg_owner)
  [[ $(id -u) -eq 0 ]] && chown "$owner" "$dir"
  primary_port=$(sdm_free_port 25432)
  standby_port=$(sdm_free_port $((primary_port + 1)))
  echo postgres > "$dir/pw"; [[ $(id -u) -eq 0 ]] && chown "$owner" "$dir/pw"
  sdm_as_user "$owner" "$sdm_pg_bin/initdb" -D "$dir/primary" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 --pwfile="$dir/pw" -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$dir/initdb.log" || return 1
  sdm_pg_start_instance "$dir/primary" "$primary_port" "$dir" || return 1
  # The standby streams from the primary over its socket; -R writes standby.signal and
  # primary_conninfo, so it starts as a read-only hot standby.
  sdm_as_user "$owner" "$sdm_pg_bin/pg_basebackup" -h "$dir" -p "$primary_port" -U postgres \
    -D "$dir/standby" -R -X stream --no-sync >"$dir/basebackup.log" 2>&1 || return 1
  mkdir -p "$dir/standby-socket"; [[ $(id -u) -eq 0 ]] && chown "$owner" "$dir/standby-socket"
  sdm_pg_start_instance "$dir/standby" "$standby_port" "$dir/standby-socket" || return 1
  {
    echo "SDM_PG_PRIMARY_PORT=$primary_port"
    echo "SDM_PG_STANDBY_PORT=$standby_port"
    echo "SDM_PG_PRIMARY_SOCKET_DIR=$dir"
    echo "SDM_PG_PRIMARY_ADMIN=postgresql://postgres:postgres@127.0.0.1:$primary_port/postgres"
  } > "$dir/env"
  echo "PostgreSQL primary and hot standby up in $((SECONDS - started)) s" >&2
}

stop_pg_standby_pair() {
  local dir
  dir=$(sdm_lazy_dir pg-standby) || return 1
  [[ -d "$dir" ]] || return 0
  # Immediate shutdowns: the folder goes away.
  sdm_pg_stop_instance "$dir/standby" QUIT
  sdm_pg_stop_instance "$dir/primary" QUIT
  rm -rf "$dir"
}

sdm_pg_primary_port() { grep '^SDM_PG_PRIMARY_PORT=' "$1/env" | cut -d= -f2; }

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    galera-start) start_galera_cluster ;;
    galera-stop) stop_galera_cluster ;;
    galera-kill-node) sdm_galera_stop_node "$(sdm_lazy_dir galera)" "$2" KILL ;;
    galera-start-node) sdm_galera_start_node "$(sdm_lazy_dir galera)" "$2" ;;
    pg-standby-start) start_pg_standby_pair ;;
    pg-standby-stop) stop_pg_standby_pair ;;
    pg-primary-stop) sdm_pg_stop_instance "$(sdm_lazy_dir pg-standby)/primary" ;;
    pg-primary-start)
      dir=$(sdm_lazy_dir pg-standby)
      sdm_pg_start_instance "$dir/primary" "$(sdm_pg_primary_port "$dir")" "$dir" ;;
    *) echo "usage: $0 galera-start|galera-stop|galera-kill-node N|galera-start-node N|" \
         "pg-standby-start|pg-standby-stop|pg-primary-stop|pg-primary-start" >&2; exit 2 ;;
  esac
fi
