#!/usr/bin/env bash
# PostgreSQL 17 and 18 beside the machine's own 15 (issue 17), for building
# and testing customer_clean on every supported version.
#
# Debian ships postgresql-17 in trixie and postgresql-18 in sid; their
# binaries need a newer C library than this Debian 12 machine has, and
# Debian's source packages are not served here. So each version lives in
# its own root made by debootstrap from the machine's own Debian mirror
# (read from its apt sources at run time), with Debian's packages
# installed inside. The extension is built on the host against the root's
# headers, through a pg_config wrapper that prints the root's paths as the
# host sees them, and installed into the root; PostgreSQL runs inside it
# (chroot, with /dev, /dev/shm and /proc mounted), and host tools reach it
# through the socket directory under the root.
#
#   scripts/pg_versions.sh setup <major> [name]    make the root (idempotent); a
#                                                  named one holds PostgreSQL only
#                                                  (15 too: tests/deb_install.sh)
#   scripts/pg_versions.sh install <major>         build and install the extension into it
#   scripts/pg_versions.sh regress <major> <port>  run tests/regress and tests/upgrade.sh there (own cluster)
#   scripts/pg_versions.sh pg_config <major>       print the wrapper's path
#   scripts/pg_versions.sh root <major> [name]     print the root's path
#   scripts/pg_versions.sh start <major> <port> [name]   a new cluster in the root,
#                                                  socket in <root>/tmp/cc_cluster/sock
#   scripts/pg_versions.sh stop <major> [name]     stop it
#
# Roots are kept in $CC_PG_ROOTS (default /var/lib/customer_clean/roots).
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:?usage: $0 setup|install|regress|pg_config <major> [port]} major=${2:?usage: $0 $1 <major>}
name=pg$major
case "$cmd" in
  setup|root|stop) [[ -n ${3:-} ]] && name=$3 ;;
  start) [[ -n ${4:-} ]] && name=$4 ;;
esac
case "$major" in
  15) suite=bookworm ;;
  17) suite=trixie ;;
  18) suite=sid ;;
  *) echo "pg_versions: PostgreSQL $major is not one of the versions kept in a root (17, 18; 15 for package tests)" >&2; exit 2 ;;
esac
if [[ $major == 15 && $name == pg15 ]]; then
  echo "pg_versions: PostgreSQL 15 is the machine's own; a root of it is only for package tests (give it a name)" >&2; exit 2
fi
roots=${CC_PG_ROOTS:-/var/lib/customer_clean/roots}
root=$roots/$name
wrapper=$roots/$name.pg_config
bin=/usr/lib/postgresql/$major/bin   # inside the root
# Inside the root, where the cluster of `start` and `regress` lives.
cluster=/tmp/cc_cluster

# The Debian mirror this machine's apt uses (deb822 or one-line sources).
mirror() {
  local uri
  uri=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [[ -n $uri ]] || uri=$(awk '$1 == "deb" && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [[ -n $uri ]] || { echo "pg_versions: no Debian mirror in /etc/apt/sources.list*" >&2; exit 1; }
  echo "$uri"
}

mounts() {
  mkdir -p "$root/proc" "$root/dev"
  mountpoint -q "$root/proc" || mount --bind /proc "$root/proc"
  mountpoint -q "$root/dev" || mount --bind /dev "$root/dev"
  mkdir -p "$root/dev/shm"
  mountpoint -q "$root/dev/shm" || mount -t tmpfs tmpfs "$root/dev/shm"
}

# Runs a command inside the root with a clean environment (the server
# must not inherit RUST_BACKTRACE and the like from the build shell).
in_root() { env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 chroot "$@"; }

setup() {
  if [[ ! -x $root$bin/pg_config ]]; then
    command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    mkdir -p "$roots"
    [[ -x $root/usr/bin/apt-get ]] || debootstrap --variant=minbase "$suite" "$root" "$(mirror)" >"$roots/$name.debootstrap.log" 2>&1
    mounts
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    # The mirror may serve a snapshot whose Release file has expired.
    in_root "$root" apt-get -o Acquire::Check-Valid-Until=false update -qq >"$roots/$name.apt.log" 2>&1
    in_root "$root" env DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Check-Valid-Until=false install -y -qq \
      --no-install-recommends "postgresql-$major" "postgresql-server-dev-$major" >>"$roots/$name.apt.log" 2>&1
  fi
  mounts
  cat > "$wrapper" <<EOF
#!/usr/bin/env bash
# pg_config of the PostgreSQL $major in $root, with its paths as the host
# sees them (written by scripts/pg_versions.sh).
chroot "$root" $bin/pg_config "\$@" | sed -E "s#(^|[ =])(-I|-L)?/#\\1\\2$root/#g"
EOF
  chmod +x "$wrapper"
}

install() {
  setup
  # pgrx finds the PostgreSQL to build against through PGRX_PG_CONFIG_PATH;
  # each version has its own target directory, so none rebuilds another's.
  PGRX_PG_CONFIG_PATH=$wrapper CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}/pg$major \
    cargo pgrx install --pg-config "$wrapper" --no-default-features --features "pg$major" >/dev/null
  scripts/install_upgrade_scripts.sh "$wrapper"
}

stop_cluster() {
  in_root --userspec=postgres:postgres "$root" "$bin/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1 || true
}

start_cluster() {
  local port=$1
  setup
  stop_cluster
  rm -rf "${root:?}$cluster"
  mkdir -p "$root$cluster/sock"
  in_root "$root" chown -R postgres: "$cluster"
  in_root --userspec=postgres:postgres "$root" "$bin/initdb" -D "$cluster/data" -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null 2>&1
  in_root --userspec=postgres:postgres "$root" "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
    -o "-p $port -k $cluster/sock -c listen_addresses=''" start >/dev/null
}

regress() {
  local port=${3:?usage: $0 regress <major> <port>}
  start_cluster "$port"
  trap stop_cluster EXIT
  rm -rf "$root/tmp/cc_src" && mkdir -p "$root/tmp/cc_src/tests"
  cp -r tests/regress "$root/tmp/cc_src/tests/"
  local tests
  tests=$(cd tests/regress/sql && ls ./*.sql | sed 's#^\./##; s/\.sql$//')
  # The root's own pg_regress and psql, so the output is that version's.
  if ! in_root "$root" bash -c "cd /tmp/cc_src && /usr/lib/postgresql/$major/lib/pgxs/src/test/regress/pg_regress \
        --host=$cluster/sock --port=$port --user=postgres --inputdir=tests/regress --outputdir=$cluster/out \
        --dbname=customer_clean_regress $(echo $tests)"; then
    cat "$root$cluster/out/regression.diffs"
    exit 1
  fi
  # the upgrade from 0.1.0 with data, as on 15 (host psql, the root's server)
  tests/upgrade.sh "$root$cluster/sock" "$port" "$root"
}

case "$cmd" in
  setup) setup ;;
  install) install ;;
  regress) regress "$@" ;;
  pg_config) echo "$wrapper" ;;
  root) echo "$root" ;;
  start) start_cluster "${3:?usage: $0 start <major> <port> [name]}" ;;
  stop) stop_cluster ;;
  *) echo "usage: $0 setup|install|regress|pg_config|root|start|stop <major> [port] [name]" >&2; exit 2 ;;
esac
