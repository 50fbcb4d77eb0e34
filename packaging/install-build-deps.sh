#!/usr/bin/env bash
# Installs what building, running and testing sahara-db-manage needs on Debian 12, if missing.
# Usage: packaging/install-build-deps.sh [--with-servers] [--with-fuzzer]
#   --with-servers  also PostgreSQL 15 and MariaDB 10.11, with Galera 4 and rsync for the
#                   three-node cluster tests (the integration tests start their own instances in
#                   a temporary folder; no system cluster is created or started)
#   --with-fuzzer   also clang 14 and its runtime libraries, for the sanitizer build and the
#                   libFuzzer targets
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config libpoco-dev libboost-dev libyaml-cpp-dev
          doctest-dev libpq-dev libmariadb-dev libsqlite3-dev sqlite3)
for option in "$@"; do
  case "$option" in
    --with-servers) packages+=(postgresql-15 postgresql-client-15 mariadb-server mariadb-client
                               galera-4 rsync) ;;
    --with-fuzzer) packages+=(clang-14 libclang-rt-14-dev) ;;
    *) echo "unknown option: $option" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
# The tests run their own PostgreSQL; keep the package from creating and starting 15/main.
"${sudo_cmd[@]}" mkdir -p /etc/postgresql-common/createcluster.d
echo 'create_main_cluster = false' | "${sudo_cmd[@]}" tee /etc/postgresql-common/createcluster.d/sahara-db-manage.conf >/dev/null
echo "Installing: ${missing[*]}" >&2
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
