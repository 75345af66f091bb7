#!/usr/bin/env bash
# A scratch PostgreSQL cluster on a private port and socket directory, run
# by the postgres user (PostgreSQL refuses to run as root).
#   scripts/cluster.sh start <dir> <port>   initdb if needed, then start
#   scripts/cluster.sh stop  <dir>
set -euo pipefail
PG_BIN=/usr/lib/postgresql/${PG_MAJOR:-15}/bin
cmd=$1 dir=$2
case "$cmd" in
  start)
    port=$3
    mkdir -p "$dir"
    chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      sudo -u postgres "$PG_BIN/initdb" -D "$dir/data" -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
    fi
    mkdir -p "$dir/sock" && chown postgres: "$dir/sock"
    sudo -u postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir/sock -c listen_addresses=''" start >/dev/null
    ;;
  stop)
    [ -f "$dir/data/postmaster.pid" ] && sudo -u postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop <dir> [port]" >&2; exit 2 ;;
esac
