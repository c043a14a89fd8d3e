#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback, for the tests and bench/: Debian's postgresql,
# initdb in DIR, a free port, no password (trust on 127.0.0.1 only), fsync off. PostgreSQL
# refuses to run as root, so under root (as in CI) the cluster runs as the `postgres` user.
#
#   scripts/postgresql-cluster.sh start DIR   # prints the URL, also written to DIR/url
#   scripts/postgresql-cluster.sh stop DIR
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
(($# == 2)) || usage
action=$1
dir=$(realpath -m "$2")

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z $bin ]]; then
  echo "$0: PostgreSQL is not installed (bash scripts/install-deps.sh installs it)" >&2
  exit 1
fi

as_owner() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}

case $action in
  start)
    stop # a cluster left by an interrupted run
    rm -rf "$dir"
    mkdir -p "$dir"
    ((EUID == 0)) && chown postgres: "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" --username=creditscore --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir \
       -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    url="postgresql://creditscore@127.0.0.1:$port/postgres"
    echo "$url" >"$dir/url"
    echo "$url"
    ;;
  stop)
    stop
    ;;
  *) usage ;;
esac
