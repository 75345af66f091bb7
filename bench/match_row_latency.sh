#!/usr/bin/env bash
# Latency of customer_clean.match_row on the deduplicated table (target
# p99 under 5 ms on 1,000,000 rows).
#
#   bench/match.sh --dataset generated --rows 1000000 --skip-splink   # first
#   bench/match_row_latency.sh [--rows 2000] [--warmup 200] [--source-rows 1000000]
#                              [--table T --input CSV]
#
# --table/--input: probe another loaded, trained and deduped table with
# rows of its CSV (bench/common_names.sh makes one of customers with the
# most common names).
#
# Uses the table bench_customers that match.sh loaded, trained and deduped in
# the private cluster (it does not recreate the extension, which would drop
# the model). Takes --warmup + --rows records of the same CSV
# (bench/out/match/generated_N.input.csv), changes each slightly (a typo in
# the name, the phone written another way, a field left empty, …: see
# match_row_probes.py), gives it a new id, and runs one statement per record,
# one after the other on one connection:
#   SELECT customer_clean.match_row('bench_customers', '<row as jsonb>', 10);
# The first --warmup are not measured. Each statement's time is psql's
# \timing (client-side: statement sent to result received over the Unix
# socket). Prints p50, p90, p99, max and mean in ms, and appends a JSON line
# to bench/out/match_results.jsonl.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=2000 WARMUP=200 SOURCE_ROWS=1000000 TABLE=bench_customers MAX_RESULTS=10
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --source-rows) SOURCE_ROWS=$2; shift 2 ;;
    --table) TABLE=$2; shift 2 ;;
    --input) INPUT=$2; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done


INPUT=${INPUT:-$OUT_DIR/match/generated_$SOURCE_ROWS.input.csv}
[[ -s $INPUT ]] || die "$INPUT is missing: run bench/match.sh --dataset generated --rows $SOURCE_ROWS first"

ensure_cluster
have_extension || die "customer_clean is not installed"
STATE=$(bpsql -d "$BENCH_DB" -qAt -c "SELECT
    to_regprocedure('customer_clean.match_row(regclass,jsonb,integer,float8)') IS NOT NULL,
    to_regclass('$TABLE') IS NOT NULL,
    to_regclass('customer_clean.clusters') IS NOT NULL")
[[ $STATE == "t|"* ]] || die "the installed customer_clean has no match_row(regclass, jsonb, integer, float8)"
[[ $STATE == *"|t|"* ]] || die "no table $TABLE: run bench/match.sh --dataset generated --rows $SOURCE_ROWS first"
[[ $STATE == *"|t" ]] || die "no customer_clean.clusters: run bench/match.sh --dataset generated --rows $SOURCE_ROWS first"
read -r LOADED CLUSTERED < <(bpsql -d "$BENCH_DB" -qAt -F' ' -c "SELECT (SELECT count(*) FROM $TABLE),
    (SELECT count(*) FROM customer_clean.clusters WHERE tbl = '$TABLE'::regclass)")
[[ $LOADED == "$SOURCE_ROWS" ]] || die "$TABLE has $LOADED rows, not $SOURCE_ROWS"
[[ $CLUSTERED -gt 0 ]] || die "$TABLE is not deduped (no rows in customer_clean.clusters)"

PROBES="$OUT_DIR/match/match_row_probes_${TABLE}_${SOURCE_ROWS}_${ROWS}_${WARMUP}.sql"
if [[ ! -s $PROBES || $INPUT -nt $PROBES || $BENCH_DIR/match_row_probes.py -nt $PROBES ]]; then
  log "writing $WARMUP + $ROWS probe rows to $PROBES"
  python3 "$BENCH_DIR/match_row_probes.py" --input "$INPUT" --table "$TABLE" --rows "$ROWS" \
    --warmup "$WARMUP" --max-results "$MAX_RESULTS" --seed 7 --out "$PROBES.tmp"
  mv "$PROBES.tmp" "$PROBES"
fi

TIMES="$OUT_DIR/match/match_row_times.txt"
log "running $WARMUP warm-up + $ROWS measured match_row calls on $TABLE ($LOADED rows)"
{ echo '\timing on'; cat "$PROBES"; } | bpsql -d "$BENCH_DB" -qAt -o /dev/null >"$TIMES.log" 2>&1 ||
  { sed 's/^/    /' "$TIMES.log" | tail -20 >&2; die "a match_row call failed (log: $TIMES.log)"; }
awk '/^measure$/ {on = 1; next} on && /^Time:/ {print $2}' "$TIMES.log" >"$TIMES"
[[ $(wc -l <"$TIMES") -eq $ROWS ]] || die "expected $ROWS timings in $TIMES.log, found $(wc -l <"$TIMES")"

python3 - "$TIMES" "$ROWS" "$LOADED" "$OUT_DIR/match_results.jsonl" <<'PY'
import json, math, sys, time
path, rows, loaded, results = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
t = sorted(float(x) for x in open(path))
def pct(q):  # nearest rank
    return t[max(0, math.ceil(q * len(t)) - 1)]
r = {"benchmark": "match_row_latency", "system": "customer_clean", "table_rows": loaded,
     "calls": len(t), "p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99),
     "max_ms": t[-1], "mean_ms": round(sum(t) / len(t), 3),
     "run": time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())}
print(f"match_row on {loaded} rows, {len(t)} calls: p50 {r['p50_ms']:.3f} ms, p90 {r['p90_ms']:.3f} ms, "
      f"p99 {r['p99_ms']:.3f} ms (target < 5), max {r['max_ms']:.3f} ms, mean {r['mean_ms']:.3f} ms")
print(json.dumps(r))
with open(results, "a") as f:
    f.write(json.dumps(r) + "\n")
PY
