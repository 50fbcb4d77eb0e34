# Starts PostgreSQL 15 and MariaDB 10.11 on loopback, data in a temporary folder, for the tests
# and benchmarks. Source it, then call `start_test_servers`; the servers stop when the shell
# exits. Exports SDM_TEST_PG_ADMIN, SDM_TEST_PG_SOCKET_DIR, SDM_TEST_MYSQL_ADMIN and
# SDM_TEST_MYSQL_SOCKET, and SDM_TEST_SERVERS_SCRIPT (this file) for tests that start servers
# of their own.
#
# The starters below also serve tests that need a server of their own, one they may kill,
# freeze or restart (fault tests), and future starters (clusters, standbys) sit beside them.
# Each one starts (or restarts, when DIR already holds its data) one server in DIR and
# leaves it running after the shell exits, then sets SDM_STARTED_PID (the server's main
# process), SDM_STARTED_PORT and SDM_STARTED_ADMIN (an admin URL); a caller that is not
# start_test_servers stops the server itself, by that pid.

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
  local dir=$1 port=${2:-} pid fresh=0
  shift; [[ $# -gt 0 ]] && shift
  [[ -n "$port" ]] || port=$(sdm_free_port 53306)
  local as_mysql=(); [[ $(id -u) -eq 0 ]] && as_mysql=(--user=mysql)
  if [[ ! -d "$dir/data" ]]; then
    fresh=1
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
  if ((fresh)); then
    mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e \
      "CREATE USER 'sdm_admin'@'127.0.0.1' IDENTIFIED BY 'sdm_admin'; GRANT ALL ON *.* TO 'sdm_admin'@'127.0.0.1' WITH GRANT OPTION;" || return 1
  fi
  SDM_STARTED_PID=$pid
  SDM_STARTED_PORT=$port
  SDM_STARTED_ADMIN="mysql://sdm_admin:sdm_admin@127.0.0.1:$port/mysql"
}

sdm_server_pids=()
sdm_server_work=""
sdm_stop_test_servers() {
  for p in "${sdm_server_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${sdm_server_pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done
  [[ -n "$sdm_server_work" ]] && rm -rf "$sdm_server_work"
}

start_test_servers() {
  sdm_server_work=$(mktemp -d /tmp/sdm-servers.XXXXXX)
  chmod 755 "$sdm_server_work"
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
