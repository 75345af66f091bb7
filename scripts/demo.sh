#!/usr/bin/env bash
# The demo: sets the machine up, builds and installs customer_clean (release),
# starts a scratch cluster on a private port and socket directory, loads
# dirty sample customers (demo/customers.csv) and shows every normalizer's
# before and after. The cluster is stopped at the end; its files stay in
# $CC_DEMO_DIR for a look around (psql command printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
PG_MAJOR=${PG_MAJOR:-15}
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
DIR=${CC_DEMO_DIR:-/tmp/customer_clean_demo}
PORT=${CC_DEMO_PORT:-5494}

scripts/setup.sh
cargo pgrx install --release --pg-config "$PG_CONFIG"

scripts/cluster.sh stop "$DIR"
scripts/cluster.sh start "$DIR" "$PORT"
trap 'scripts/cluster.sh stop "$DIR"' EXIT
psql -X -h "$DIR/sock" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -f demo/demo.sql
echo
echo "== The same extension used without superuser rights: owner, application, BI and two regional stewards"
scripts/demo_roles.sh "$DIR/sock" "$PORT"
echo
echo "Demo done. To explore: scripts/cluster.sh start $DIR $PORT && psql -h $DIR/sock -p $PORT -U postgres"
