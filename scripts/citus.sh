#!/usr/bin/env bash
# A Citus cluster on this machine, for tests and benchmarks: a coordinator
# and two workers on localhost ports, each a scratch cluster run by postgres.
#   scripts/citus.sh install               build Citus 13.2.2 from ../shared/vendor
#                                          (skipped when citus.so is installed)
#   scripts/citus.sh start <dir> <port>    coordinator on <port>, workers on
#                                          <port>+1 and <port>+2; citus and
#                                          customer_clean created in <db>
#   scripts/citus.sh stop  <dir>
#   scripts/citus.sh psql  <dir> <port> [psql args…]
# Citus is a test dependency only (AGPL): it is never linked into or shipped
# with customer_clean. It is in no registry these machines reach, so its
# source is vendored beside the repo (../shared/vendor/README.md).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
PG_MAJOR=${PG_MAJOR:-15}
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PG_CONFIG=$PG_BIN/pg_config
VENDOR=${CITUS_VENDOR:-$here/../shared/vendor}
[ -d "$VENDOR" ] || VENDOR=/work/shared/vendor
DB=${CITUS_DB:-citus_test}
cmd=${1:-}

citus_installed() { [ -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ]; }

install_citus() {
  if citus_installed; then return 0; fi
  local tarball=$VENDOR/citus-13.2.2.tar.gz
  [ -f "$tarball" ] || { echo "citus.sh: $tarball not found (see ../shared/vendor/README.md)" >&2; exit 1; }
  # Build dependencies, as the vendored README lists them.
  local pkgs="postgresql-server-dev-$PG_MAJOR liblz4-dev libzstd-dev libkrb5-dev libselinux1-dev libpam0g-dev libxslt1-dev libreadline-dev libssl-dev"
  # shellcheck disable=SC2086
  if ! dpkg-query -W -f='${Status}\n' $pkgs 2>/dev/null | grep -c 'ok installed' | grep -qx "$(wc -w <<<"$pkgs")"; then
    # (package lists may be missing or stale on a fresh machine)
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $pkgs >/dev/null 2>&1 ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $pkgs >/dev/null; }
  fi
  local build=${CITUS_BUILD_DIR:-/tmp/citus-build}
  rm -rf "$build" && mkdir -p "$build"
  tar xzf "$tarball" -C "$build"
  (
    cd "$build"/citus-13.2.2
    PG_CONFIG=$PG_CONFIG ./configure --without-libcurl >"$build/configure.log" 2>&1
    make -j"$(nproc)" >"$build/make.log" 2>&1
    make install >"$build/install.log" 2>&1
  ) || { echo "citus.sh: build failed; logs in $build" >&2; tail -30 "$build"/*.log >&2; exit 1; }
  echo "citus.sh: Citus 13.2.2 installed into $("$PG_CONFIG" --pkglibdir)"
}

# A node is one scratch cluster (scripts/cluster.sh) with Citus preloaded.
start_node() {
  local dir=$1 port=$2
  mkdir -p "$dir" && chown postgres: "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    sudo -u postgres "$PG_BIN/initdb" -D "$dir/data" -E UTF8 --locale=C.UTF-8 -U postgres -A trust >/dev/null
    cat >>"$dir/data/postgresql.conf" <<EOF
shared_preload_libraries = 'citus'
max_prepared_transactions = 100
max_connections = 100
shared_buffers = 128MB
fsync = off
citus.log_remote_commands = off
EOF
    # Workers are reached by TCP on localhost; trust is fine for a scratch
    # cluster that listens on 127.0.0.1 only.
    echo "host all all 127.0.0.1/32 trust" >>"$dir/data/pg_hba.conf"
  fi
  mkdir -p "$dir/sock" && chown postgres: "$dir/sock"
  sudo -u postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1" start >/dev/null
}

node_psql() {
  local dir=$1 port=$2; shift 2
  "$PG_BIN/psql" -h "$dir/sock" -p "$port" -U postgres -X -v ON_ERROR_STOP=1 -q "$@"
}

case "$cmd" in
  install) install_citus ;;
  start)
    dir=$2 port=$3
    install_citus
    fresh=0
    [ -f "$dir/coordinator/data/PG_VERSION" ] || fresh=1
    start_node "$dir/coordinator" "$port"
    start_node "$dir/worker1" $((port + 1))
    start_node "$dir/worker2" $((port + 2))
    if [ "$fresh" = 1 ]; then
      for n in coordinator:$port worker1:$((port + 1)) worker2:$((port + 2)); do
        node_psql "$dir/${n%%:*}" "${n##*:}" -d postgres -c "CREATE DATABASE $DB" \
          -c "\\c $DB" -c "CREATE EXTENSION citus"
      done
      node_psql "$dir/coordinator" "$port" -d "$DB" \
        -c "SELECT citus_set_coordinator_host('localhost', $port)" \
        -c "SELECT citus_add_node('localhost', $((port + 1)))" \
        -c "SELECT citus_add_node('localhost', $((port + 2)))" >/dev/null
    fi
    ;;
  stop)
    dir=$2
    for n in coordinator worker1 worker2; do
      [ -f "$dir/$n/data/postmaster.pid" ] &&
        sudo -u postgres "$PG_BIN/pg_ctl" -D "$dir/$n/data" -m fast -w stop >/dev/null || true
    done
    ;;
  psql)
    dir=$2 port=$3; shift 3
    node_psql "$dir/coordinator" "$port" -d "$DB" "$@"
    ;;
  *) echo "usage: $0 install | start <dir> <port> | stop <dir> | psql <dir> <port> [args]" >&2; exit 2 ;;
esac
