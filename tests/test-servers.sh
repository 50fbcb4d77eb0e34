# Starts PostgreSQL 15 and MariaDB 10.11 on loopback, data in a temporary folder, for the tests
# and benchmarks. Source it, then call `start_test_servers`; the servers stop when the shell
# exits. Exports SDM_TEST_PG_ADMIN, SDM_TEST_PG_SOCKET_DIR, SDM_TEST_MYSQL_ADMIN and
# SDM_TEST_MYSQL_SOCKET.

sdm_free_port() { local p=$1; while (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; do p=$((p + 1)); done; echo $p; }
sdm_as_user() { if [[ $(id -u) -eq 0 ]]; then runuser -u "$1" -- "${@:2}"; else "${@:2}"; fi; }

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
  local root=0; [[ $(id -u) -eq 0 ]] && root=1

  # PostgreSQL: initdb refuses root, so it runs as postgres when we are root. Local socket
  # connections are trusted; TCP needs a password, as in production.
  local pg_bin=/usr/lib/postgresql/15/bin pg_dir=$sdm_server_work/pg pg_port pg_user
  pg_port=$(sdm_free_port 55432)
  pg_user=$( ((root)) && echo postgres || id -un )
  mkdir -p "$pg_dir"; ((root)) && chown postgres:postgres "$pg_dir"
  echo postgres > "$pg_dir/pw"; ((root)) && chown postgres "$pg_dir/pw"
  sdm_as_user "$pg_user" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 --pwfile="$pg_dir/pw" -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log"
  sdm_as_user "$pg_user" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  sdm_server_pids+=("$(head -1 "$pg_dir/data/postmaster.pid")")
  export SDM_TEST_PG_ADMIN="postgresql://postgres:postgres@127.0.0.1:$pg_port/postgres"
  export SDM_TEST_PG_SOCKET_DIR="$pg_dir"

  # MariaDB: --user=mysql drops root; root signs in over the socket.
  local my_dir=$sdm_server_work/mysql my_port my_pid
  my_port=$(sdm_free_port 53306)
  mkdir -p "$my_dir"; ((root)) && chown mysql:mysql "$my_dir"
  local as_mysql=(); ((root)) && as_mysql=(--user=mysql)
  mariadb-install-db --no-defaults "${as_mysql[@]}" --datadir="$my_dir/data" \
    --auth-root-authentication-method=socket --skip-test-db --skip-name-resolve >"$my_dir/install.log" 2>&1
  setsid mariadbd --no-defaults "${as_mysql[@]}" --datadir="$my_dir/data" --socket="$my_dir/mysqld.sock" \
    --pid-file="$my_dir/mysqld.pid" --port="$my_port" --bind-address=127.0.0.1 --skip-name-resolve \
    --skip-log-bin --log-error="$my_dir/error.log" --innodb-buffer-pool-size=64M \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --max-connections=300 \
    </dev/null >/dev/null 2>&1 &
  my_pid=$!
  sdm_server_pids+=("$my_pid")
  for _ in $(seq 300); do
    mariadb-admin --no-defaults --socket="$my_dir/mysqld.sock" -uroot ping >/dev/null 2>&1 && break
    kill -0 "$my_pid" 2>/dev/null || { cat "$my_dir/error.log" >&2; return 1; }
    sleep 0.1
  done
  mariadb --no-defaults --socket="$my_dir/mysqld.sock" -uroot -e \
    "CREATE USER 'sdm_admin'@'127.0.0.1' IDENTIFIED BY 'sdm_admin'; GRANT ALL ON *.* TO 'sdm_admin'@'127.0.0.1' WITH GRANT OPTION;"
  export SDM_TEST_MYSQL_ADMIN="mysql://sdm_admin:sdm_admin@127.0.0.1:$my_port/mysql"
  export SDM_TEST_MYSQL_SOCKET="$my_dir/mysqld.sock"
}
