#!/usr/bin/env bash
# Citus (issue 19): the same generated customers on one node and on a Citus
# coordinator with two workers, all on this machine. Per step: wall time,
# CPU seconds spent on each node (where the work ran), and the peak RssAnon
# of the coordinator's backend (what the coordinator holds).
#
#   bench/citus.sh [--rows 1000000] [--port 5640] [--shards 32]
#
# Steps: COPY through the cleaning trigger (flag mode), quality_report,
# train (default sample_rows), dedupe, merge + unmerge of one cluster,
# match_on_insert of 1% more rows (matched by the INSERT on one node,
# queued and matched by match_pending on the cluster).
# The machine has 2 cores, so the cluster cannot be faster; the point is
# where the CPU goes and that the coordinator's memory stays bounded.
# Builds Citus from ../shared/vendor when it is missing (scripts/citus.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROWS=1000000 PORT=5640 SHARDS=32
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --shards) SHARDS=$2; shift 2 ;;
    *) echo "usage: $0 [--rows N] [--port P] [--shards S]" >&2; exit 2 ;;
  esac
done
WORK=/tmp/cc_bench_citus
DB=citus_bench
export CITUS_DB=$DB
"$REPO_DIR/scripts/citus.sh" install

csv=$OUT_DIR/customers_${ROWS}_42.csv
if [[ ! -f $csv ]]; then
  log "generating $ROWS customers"
  python3 "$BENCH_DIR/gen_customers.py" --rows "$ROWS" --seed 42 --out "$csv" >/dev/null 2>&1
fi
mkdir -p "$WORK" && chown postgres: "$WORK"
server_csv=$WORK/customers.csv
cp "$csv" "$server_csv" && chown postgres: "$server_csv"

stop_all() { "$REPO_DIR/scripts/cluster.sh" stop "$WORK/single"; "$REPO_DIR/scripts/citus.sh" stop "$WORK/cluster"; }
trap stop_all EXIT
stop_all
rm -rf "$WORK/single" "$WORK/cluster"

# CPU seconds used so far by a node: its live backends plus the children
# that have exited (the postmaster's cutime and cstime).
node_cpu() {
  local pm ticks
  pm=$(head -1 "$1/data/postmaster.pid")
  ticks=$(awk '{print $16 + $17}' "/proc/$pm/stat")
  for p in $(pgrep -P "$pm"); do
    ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$ticks"
}
rss_anon_kb() { awk '/^RssAnon:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
HZ=$(getconf CLK_TCK)

RESULTS=$OUT_DIR/citus_$ROWS.tsv
: >"$RESULTS"

# step <setup> <label> <sock> <port> <node dirs…> -- <sql>: runs the SQL in
# one backend; records wall seconds, CPU seconds per node, peak RssAnon.
step() {
  local setup=$1 label=$2 sock=$3 port=$4; shift 4
  local nodes=() sql app pid="" peak=0 start end i
  while [[ $1 != -- ]]; do nodes+=("$1"); shift; done
  sql=$2
  local before=()
  for i in "${!nodes[@]}"; do before[i]=$(node_cpu "${nodes[i]}"); done
  app="cc_bench_citus_$label"
  start=$(date +%s.%N)
  PGAPPNAME=$app PGOPTIONS="-c client_min_messages=warning" \
    "$PG_BIN/psql" -h "$sock" -p "$port" -U postgres -X -d $DB -qAt -v ON_ERROR_STOP=1 \
    -c "SELECT pg_sleep(0.2)" -c "$sql" >"$WORK/$setup.$label.out" 2>&1 &
  local client=$!
  while [[ -z $pid ]] && kill -0 "$client" 2>/dev/null; do
    pid=$("$PG_BIN/psql" -h "$sock" -p "$port" -U postgres -X -d postgres -At \
            -c "SELECT pid FROM pg_stat_activity WHERE application_name = '$app'")
  done
  while kill -0 "$client" 2>/dev/null; do
    local now; now=$(rss_anon_kb "$pid")
    ((now > peak)) && peak=$now
    sleep 0.05
  done
  wait "$client" || { cat "$WORK/$setup.$label.out" >&2; die "$setup: $label failed"; }
  end=$(date +%s.%N)
  # the backend's CPU reaches the postmaster's cutime once it is reaped
  sleep 0.5
  local cpu=()
  for i in "${!nodes[@]}"; do cpu+=("$(echo "scale=1; ($(node_cpu "${nodes[i]}") - ${before[i]}) / $HZ" | bc)"); done
  local wall; wall=$(echo "scale=1; ($end - $start - 0.2) / 1" | bc)
  log "  $setup $label: ${wall} s, CPU per node ${cpu[*]} s, coordinator backend peak RssAnon $((peak >> 10)) MB"
  printf '%s\t%s\t%s\t%s\t%s\n' "$setup" "$label" "$wall" "${cpu[*]}" "$((peak >> 10))" >>"$RESULTS"
}

COLUMNS_SQL="id int PRIMARY KEY, true_entity_id int, household_id int, full_name text, phone text, email text, address text,
  country text, postcode text, birth_date text, gender text, national_id text, source_system text, updated_at timestamp"
PROFILE='{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "address": "address", "country": "country",
  "postcode": "postcode", "birth_date": "birth_date", "gender": "gender", "national_id": "national_id",
  "updated_at": "updated_at", "source": "source_system"}'
OPTIONS='{"default_region": "CN", "date_order": "DMY"}'

run_setup() {  # <setup> <sock> <port> <distribute sql or empty> <node dirs…>
  local setup=$1 sock=$2 port=$3 distribute=$4; shift 4
  local nodes=("$@")
  "$PG_BIN/psql" -h "$sock" -p "$port" -U postgres -X -d $DB -q -v ON_ERROR_STOP=1 \
    -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS customer_clean" \
    -c "CREATE TABLE customers ($COLUMNS_SQL)" -c "$distribute" \
    -c "SELECT customer_clean.register('customers', '$PROFILE', '$OPTIONS')" \
    -c "SELECT customer_clean.enable_cleaning('customers', 'flag')" >/dev/null
  log "$setup: $ROWS rows"
  step "$setup" copy "$sock" "$port" "${nodes[@]}" -- "COPY customers FROM '$server_csv' WITH (FORMAT csv, HEADER)"
  step "$setup" quality_report "$sock" "$port" "${nodes[@]}" -- "SELECT count(*) FROM customer_clean.quality_report('customers')"
  step "$setup" train "$sock" "$port" "${nodes[@]}" -- "SELECT customer_clean.train('customers', '{\"seed\": 42}') IS NOT NULL"
  step "$setup" dedupe "$sock" "$port" "${nodes[@]}" -- "SELECT format('%s clusters, %s rows in clusters, %s candidate pairs, %s review pairs; steps %s',
      d->>'clusters', d->>'rows_in_clusters', d->>'pairs', d->>'review_pairs', d->'steps') FROM customer_clean.dedupe('customers') d"
  # run again: on Citus it first deletes the entries of the last run
  step "$setup" dedupe_again "$sock" "$port" "${nodes[@]}" -- "SELECT format('%s clusters, %s review pairs; steps %s',
      d->>'clusters', d->>'review_pairs', d->'steps') FROM customer_clean.dedupe('customers') d"
  step "$setup" merge_unmerge "$sock" "$port" "${nodes[@]}" -- "SELECT customer_clean.unmerge(customer_clean.merge('customers', m[1], m[2:]))
      FROM (SELECT array_agg(row_id ORDER BY row_id) m FROM customer_clean.clusters
             WHERE cluster_id = (SELECT min(cluster_id) FROM customer_clean.clusters)) c"
  # match_on_insert: copies of 1% of the rows under new ids. One node
  # matches them in the INSERT; the cluster queues them beside their
  # shards, and match_pending matches them (a no-op on one node).
  "$PG_BIN/psql" -h "$sock" -p "$port" -U postgres -X -d $DB -q -v ON_ERROR_STOP=1 \
    -c "SELECT customer_clean.enable_cleaning('customers', 'flag', match_on_insert => true)" >/dev/null
  step "$setup" insert_1pct_matched "$sock" "$port" "${nodes[@]}" -- "INSERT INTO customers
      SELECT (jsonb_populate_record(NULL::customers, to_jsonb(c) || jsonb_build_object('id', c.id + $NEW_IDS))).*
        FROM customers c WHERE c.id % 100 = 0"
  step "$setup" match_pending "$sock" "$port" "${nodes[@]}" -- "SELECT customer_clean.match_pending('customers', max_rows => $ROWS)"
  "$PG_BIN/psql" -h "$sock" -p "$port" -U postgres -X -d $DB -qAt -v ON_ERROR_STOP=1 -c "
    SELECT format('%s new rows, %s in clusters, %s review pairs, content %s', (SELECT count(*) FROM customers WHERE id > $NEW_IDS),
      count(*), (SELECT count(*) FROM customer_clean.review_queue WHERE found_by = 'match_on_insert'),
      md5(string_agg(row_id || ':' || members, '|' ORDER BY row_id)))
      FROM (SELECT c.row_id, (SELECT string_agg(x.row_id, ',' ORDER BY x.row_id) FROM customer_clean.clusters x
                               WHERE x.cluster_id = c.cluster_id) AS members
              FROM customer_clean.clusters c WHERE c.row_id::bigint > $NEW_IDS) n" >"$WORK/$setup.new_rows.out"
}
# The ids of the rows inserted by the match_on_insert step start above it.
NEW_IDS=100000000

# One node: plain PostgreSQL.
"$REPO_DIR/scripts/cluster.sh" start "$WORK/single" "$PORT"
"$PG_BIN/psql" -h "$WORK/single/sock" -p "$PORT" -U postgres -X -q -d postgres -c "CREATE DATABASE $DB"
run_setup single "$WORK/single/sock" "$PORT" "SELECT 1" "$WORK/single"
"$REPO_DIR/scripts/cluster.sh" stop "$WORK/single"

# The cluster.
"$REPO_DIR/scripts/citus.sh" start "$WORK/cluster" $((PORT + 1))
"$REPO_DIR/scripts/citus.sh" psql "$WORK/cluster" $((PORT + 1)) -c "CREATE EXTENSION customer_clean"
run_setup citus "$WORK/cluster/coordinator/sock" $((PORT + 1)) \
  "SELECT create_distributed_table('customers', 'id', shard_count => $SHARDS)" \
  "$WORK/cluster/coordinator" "$WORK/cluster/worker1" "$WORK/cluster/worker2"

python3 - "$RESULTS" "$ROWS" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
single = {r[1]: r for r in rows if r[0] == "single"}
print(f"\n{int(sys.argv[2]):,} rows; CPU seconds per node: coordinator / worker 1 / worker 2\n")
print("| step | one node (s) | one node peak RssAnon (MB) | cluster (s) | cluster CPU: coordinator / worker 1 / worker 2 (s) | coordinator peak RssAnon (MB) |")
print("|---|---|---|---|---|---|")
for r in rows:
    if r[0] != "citus":
        continue
    s = single.get(r[1])
    print(f"| {r[1]} | {s[2] if s else '-'} | {s[4] if s else '-'} | {r[2]} | {' / '.join(r[3].split())} | {r[4]} |")
PY
# dedupe on both: the cluster's clusters must be one node's
for setup in single citus; do
  for label in dedupe dedupe_again; do echo "$label ($setup): $(tail -1 "$WORK/$setup.$label.out")"; done
  echo "match_on_insert ($setup): $(tail -1 "$WORK/$setup.new_rows.out"); match_pending said $(tail -1 "$WORK/$setup.match_pending.out")"
done
echo "match entries on the workers: $("$REPO_DIR/scripts/citus.sh" psql "$WORK/cluster" $((PORT + 1)) -At -c "
  SELECT pg_size_pretty(citus_table_size('customer_clean.distributed_match_keys'))")"
