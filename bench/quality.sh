#!/usr/bin/env bash
# Speed of the quality report (issue 6 target: 1,000,000 rows well under a
# minute on 2 cores).
#
#   bench/quality.sh [--rows N] [--repeat R]
#
# Loads N generated customers (bench/gen_customers.py, seed 42, as dirty as
# they come: the report judges them as the cleaning trigger would) into
# bench_quality, registered with every role, and times
# `SELECT count(*) FROM customer_clean.quality_report('bench_quality')`,
# best of R, in the private cluster (port 5497). Prints the report itself
# once. No peer computes such a report inside PostgreSQL, so there is no
# ratio.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=1000000 REPEAT=2
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

ensure_cluster
ensure_extension
load_customers bench_quality "$ROWS" '{"default_region": "CN", "date_order": "DMY", "quality": {"timeliness_days": 1825}}'

best=""
for r in $(seq 1 "$REPEAT"); do
  s=$(bpsql -d "$BENCH_DB" -At -c "CREATE TEMP TABLE t0 AS SELECT clock_timestamp() AS t" \
        -c "SELECT count(*) FROM customer_clean.quality_report('bench_quality')" \
        -c "SELECT extract(epoch FROM clock_timestamp() - t) FROM t0" | tail -1)
  log "run $r: $s s"
  if [[ -z $best ]] || (( $(echo "$s < $best" | bc -l) )); then best=$s; fi
done

printf '\nquality_report over %s rows (12 profiled columns, default rules), best of %s: %.1f s, %.0f rows/s\n\n' \
  "$ROWS" "$REPEAT" "$best" "$(echo "$ROWS / $best" | bc -l)"
bpsql -d "$BENCH_DB" -c "SELECT * FROM customer_clean.quality_report_text('bench_quality')"
