#!/usr/bin/env bash
# Memory of the batch jobs (issue 7: "batch jobs over 1,000,000 rows stay
# within a documented bound, measured").
#
#   bench/memory.sh [--rows N] [--merge-seconds S] [--jobs train,dedupe,...]
#
# --jobs: only these (default: all of train, dedupe, find_duplicates,
# quality_report, clean_table, merge_clusters, dedupe_limited).
#
# Loads N generated customers (bench/gen_customers.py, seed 42) into
# bench_memory in the private cluster (port 5497), registers it, and runs
# each batch job in a fresh backend: train, dedupe, find_duplicates,
# quality_report, clean_table, merge_clusters (stopped after S seconds; it
# commits per batch, so what it did stays). While a job runs, the backend's
# private memory (RssAnon in /proc/PID/status: heap and anonymous mappings,
# not the shared buffers it touches) is sampled every 50 ms; the peak, and
# the peak over the backend's memory before the job, are printed per job.
# train, dedupe and find_duplicates hold the whole table in memory and stop
# with 53200 past `customer_clean.batch_memory` (src/memory.rs); the others
# work in batches.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=1000000 MERGE_SECONDS=60 JOBS=train,dedupe,find_duplicates,quality_report,clean_table,merge_clusters,dedupe_limited
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --merge-seconds) MERGE_SECONDS=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

ensure_cluster
ensure_extension
load_customers bench_memory "$ROWS" '{"default_region": "CN", "date_order": "DMY"}'
table_mb=$(bpsql -d "$BENCH_DB" -At -c "SELECT pg_table_size('bench_memory') / 1048576")
# (the setting exists once the library is loaded)
limit=$(bpsql -d "$BENCH_DB" -At -c "SELECT customer_clean.normalize_text('')" -c "SHOW customer_clean.batch_memory" | tail -1)

rss_anon_kb() { awk '/^RssAnon:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# measure NAME TIMEOUT_S SQL...: runs the statements in a fresh backend and
# prints "NAME seconds baseline_MB peak_MB" (peak of RssAnon while it ran).
measure() {
  local name=$1 timeout=$2; shift 2
  [[ ",$JOBS," == *",$name,"* ]] || return 0
  local app="cc_mem_$name" pid="" peak=0 base=0 now started
  local args=()
  for s in "$@"; do args+=(-c "$s"); done
  PGAPPNAME=$app PGOPTIONS="-c client_min_messages=warning -c statement_timeout=${timeout}s" \
    psql -h "$BENCH_SOCK" -p "$BENCH_PGPORT" -U postgres -X -d "$BENCH_DB" -q \
    -c "SELECT pg_sleep(0.3)" "${args[@]}" >"$OUT_DIR/memory_$name.log" 2>&1 &
  local client=$!
  started=$(date +%s.%N)
  while [[ -z $pid ]] && kill -0 "$client" 2>/dev/null; do
    pid=$(bpsql -d postgres -At -c "SELECT pid FROM pg_stat_activity WHERE application_name = '$app'")
  done
  base=$(rss_anon_kb "$pid")
  while kill -0 "$client" 2>/dev/null; do
    now=$(rss_anon_kb "$pid")
    (( now > peak )) && peak=$now
    sleep 0.05
  done
  wait "$client" || true
  printf '%s %.1f %.0f %.0f\n' "$name" "$(echo "$(date +%s.%N) - $started" | bc -l)" \
    "$(echo "$base / 1024" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
}

log "measuring (each job in a fresh backend)"
results=$(
  measure train 3600 "SELECT customer_clean.train('bench_memory', '{\"seed\": 1}') IS NOT NULL"
  measure dedupe 3600 "SELECT customer_clean.dedupe('bench_memory')->'clusters'"
  measure find_duplicates 3600 "SELECT count(*) FROM customer_clean.find_duplicates('bench_memory')"
  measure quality_report 3600 "SELECT count(*) FROM customer_clean.quality_report('bench_memory')"
  measure clean_table 3600 "CALL customer_clean.clean_table('bench_memory')"
  measure merge_clusters "$MERGE_SECONDS" "CALL customer_clean.merge_clusters('bench_memory')"
  # The bound at work: about half of the Rust memory dedupe needs (1 KB a row).
  measure dedupe_limited 3600 "SET customer_clean.batch_memory = '$(( ROWS / 2000 ))MB'" \
    "SELECT customer_clean.dedupe('bench_memory')->'clusters'"
)
merged=$(bpsql -d "$BENCH_DB" -At -c "SELECT count(*) FROM customer_clean.merges WHERE tbl = 'bench_memory'::regclass")

printf '\nPrivate memory of one backend per batch job, %s rows (table %s MB), customer_clean.batch_memory = %s\n\n' \
  "$ROWS" "$table_mb" "$limit"
printf '| job | seconds | before (MB) | peak (MB) | peak − before (MB) | bytes per row |\n|---|---|---|---|---|---|\n'
while read -r name secs base peak; do
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$secs" "$base" "$peak" "$((peak - base))" \
    "$(( (peak - base) * 1048576 / ROWS ))"
done <<<"$results"
if [[ ",$JOBS," == *,merge_clusters,* ]]; then
  printf '\nmerge_clusters was stopped after %s s, having made %s merges.\n' "$MERGE_SECONDS" "$merged"
fi
if [[ ",$JOBS," == *,dedupe_limited,* ]]; then
  printf 'dedupe_limited ran with customer_clean.batch_memory = %sMB: %s\n' "$(( ROWS / 2000 ))" \
    "$(grep -m1 ERROR "$OUT_DIR/memory_dedupe_limited.log" || echo 'no error (FAILED: the bound did not hold)')"
fi
