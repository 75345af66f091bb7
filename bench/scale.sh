#!/usr/bin/env bash
# Dedupe at scale (issue 18): train + dedupe on 1M, 3M and 10M generated
# customers loaded raw (no clean_table first, as a new user would), with
# customer_clean.batch_memory at 1GB: time, peak backend memory, temporary
# file bytes, F1; Splink on the same files where it finishes.
#
#   bench/scale.sh [--rows 1000000,3000000,10000000] [--batch-memory 1GB]
#                  [--splink-max-rows 3000000] [--train-options JSON]
#
# Per size N: bench/match_data.py generated --rows N --seed 42 (cached in
# bench/out/match/), COPY into bench_scale (id bigint primary key, the
# other columns text), register the profile of bench/match.sh, then in ONE
# fresh backend: SET customer_clean.batch_memory, train(tbl, --train-options
# (default {"seed": 42})), dedupe(tbl). While it runs, the backend's RssAnon
# (/proc/PID/status: its private memory, not the shared buffers) is sampled
# every 50 ms; temp bytes are the change of pg_stat_database.temp_bytes.
# Clusters are exported and scored against the truth (bench/match_eval.py).
# Splink (bench/splink_dedupe.py, 2 threads) runs on the same input CSV for
# N <= --splink-max-rows. Prints a table and appends JSON lines to
# bench/out/scale_results.jsonl.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SIZES=1000000,3000000,10000000 BATCH_MEMORY=1GB SPLINK_MAX=3000000 TRAIN_OPTIONS='{"seed": 42}'
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) SIZES=$2; shift 2 ;;
    --batch-memory) BATCH_MEMORY=$2; shift 2 ;;
    --splink-max-rows) SPLINK_MAX=$2; shift 2 ;;
    --train-options) TRAIN_OPTIONS=$2; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $SIZES =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "--rows: comma-separated positive integers" >&2; exit 2; }
[[ $BATCH_MEMORY =~ ^[0-9]+(kB|MB|GB)$ ]] || { echo "--batch-memory: e.g. 1GB" >&2; exit 2; }
[[ $SPLINK_MAX =~ ^[0-9]+$ ]] || { echo "--splink-max-rows: an integer" >&2; exit 2; }
python3 -c 'import json, sys; json.loads(sys.argv[1])' "$TRAIN_OPTIONS" ||
  { echo "--train-options: JSON" >&2; exit 2; }

MATCH_DIR="$OUT_DIR/match"
RESULTS="$OUT_DIR/scale_results.jsonl"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_JSONL="$OUT_DIR/scale_run_$RUN_ID.jsonl"
mkdir -p "$MATCH_DIR"
: >"$RUN_JSONL"

ensure_match_venv
PY="$VENV_MATCH/bin/python"
ensure_cluster
ensure_extension || die "customer_clean is not installed (or failed to create)"
EXT_VERSION=$(bpsql -d "$BENCH_DB" -qAt -c "SELECT extversion FROM pg_extension WHERE extname = 'customer_clean'")

rss_anon_kb() { awk '/^RssAnon:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
temp_bytes() { bpsql -d "$BENCH_DB" -qAt -c "SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database()"; }

TBL=bench_scale
PROFILE='{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "address": "address",
  "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at", "source": "source_system"}'

for rows in ${SIZES//,/ }; do
  name="generated_$rows"
  "$PY" "$BENCH_DIR/match_data.py" generated --rows "$rows" --seed 42 >&2
  input="$MATCH_DIR/$name.input.csv" truth="$MATCH_DIR/$name.truth.csv"
  [[ $(head -1 "$input") =~ ^id, ]] || die "$input: first column is not id"
  columns="id bigint PRIMARY KEY$(text_columns "$input")" || exit 1
  server_csv="$(dirname "$BENCH_PGDATA")/scale_$name.csv"
  if [[ ! -s $server_csv || $input -nt $server_csv ]]; then
    cp "$input" "$server_csv"
    chown postgres "$server_csv"
  fi
  log "$name: loading $TBL (raw, no clean_table)"
  # The catalog rows of the previous size go with its table; VACUUM FULL
  # gives their space and index pages back, so each size starts as on a
  # fresh database (44M dead match keys of a 10M run slowed the next
  # size's key writes 8x).
  bpsql -d "$BENCH_DB" -q -c "DROP TABLE IF EXISTS $TBL CASCADE" \
    -c "VACUUM FULL customer_clean.match_keys, customer_clean.clusters, customer_clean.review_queue" \
    -c "CREATE TABLE $TBL ($columns)" \
    -c "COPY $TBL FROM '$server_csv' WITH (FORMAT csv, HEADER)" -c "ANALYZE $TBL" \
    -c "SELECT customer_clean.register('$TBL', '$PROFILE', '{\"default_region\": \"CN\"}')" >/dev/null

  log "$name: train + dedupe in one backend, batch_memory = $BATCH_MEMORY"
  logf="$OUT_DIR/scale_$name.log"
  temp_before=$(temp_bytes)
  app="cc_scale_$rows" pid="" peak=0
  PGAPPNAME=$app PGOPTIONS="-c client_min_messages=warning" \
    psql -h "$BENCH_SOCK" -p "$BENCH_PGPORT" -U postgres -X -d "$BENCH_DB" -qAt -v ON_ERROR_STOP=1 \
    -c "SELECT pg_sleep(0.3)" -c "SET customer_clean.batch_memory = '$BATCH_MEMORY'" \
    -c "SELECT 'train ' || extract(epoch FROM clock_timestamp())" \
    -c "SELECT 'model ' || (customer_clean.train('$TBL', '$TRAIN_OPTIONS') -> 'training')::text" \
    -c "SELECT 'dedupe ' || extract(epoch FROM clock_timestamp())" \
    -c "SELECT 'summary ' || customer_clean.dedupe('$TBL')::text" \
    -c "SELECT 'end ' || extract(epoch FROM clock_timestamp())" >"$logf" 2>&1 &
  client=$!
  while [[ -z $pid ]] && kill -0 "$client" 2>/dev/null; do
    pid=$(bpsql -d postgres -At -c "SELECT pid FROM pg_stat_activity WHERE application_name = '$app'")
  done
  while kill -0 "$client" 2>/dev/null; do
    now=$(rss_anon_kb "$pid")
    ((now > peak)) && peak=$now
    sleep 0.05
  done
  wait "$client" || { sed 's/^/    /' "$logf" >&2; die "$name: train or dedupe failed"; }
  temp_mb=$(( ($(temp_bytes) - temp_before) >> 20 ))
  at() { awk -v k="$1" '$1 == k {print $2}' "$logf"; }
  train_s=$(echo "$(at dedupe) - $(at train)" | bc -l)
  dedupe_s=$(echo "$(at end) - $(at dedupe)" | bc -l)
  log "  train $train_s s, dedupe $dedupe_s s, peak RssAnon $((peak >> 10)) MB, temp files $temp_mb MB"

  clusters="$MATCH_DIR/$name.scale.clusters.csv"
  bpsql -d "$BENCH_DB" -q -c "\\copy (SELECT row_id, cluster_id FROM customer_clean.clusters WHERE tbl = '$TBL'::regclass ORDER BY row_id) TO '$clusters' WITH (FORMAT csv, HEADER)"
  python3 "$BENCH_DIR/match_eval.py" --truth "$truth" --pred "$clusters" \
    --label system=customer_clean --label "version=$EXT_VERSION" --label "dataset=$name" --label "rows=$rows" \
    --label "train_s=$train_s" --label "dedupe_s=$dedupe_s" --label "peak_rss_mb=$((peak >> 10))" \
    --label "temp_mb=$temp_mb" --label "batch_memory=$BATCH_MEMORY" \
    --label "model=$(grep '^model ' "$logf" | cut -d' ' -f2-)" \
    --label "summary=$(grep '^summary ' "$logf" | cut -d' ' -f2-)" >>"$RUN_JSONL" ||
    die "evaluation of $clusters failed"

  if ((rows <= SPLINK_MAX)); then
    log "$name: Splink"
    line=$("$PY" "$BENCH_DIR/splink_dedupe.py" --dataset generated --name "$name" --input "$input" \
      --truth "$truth" --clusters "$MATCH_DIR/$name.splink.clusters.csv" --threads 2 | tail -1) ||
      die "splink_dedupe.py failed on $name"
    [[ $line == \{* ]] && echo "$line" >>"$RUN_JSONL"
  fi
done

python3 - "$RUN_JSONL" "$RESULTS" "$RUN_ID" <<'PY'
import json, sys
run_file, results, run_id = sys.argv[1:]
lines = [json.loads(l) for l in open(run_file) if l.strip()]
with open(results, "a") as f:
    for r in lines:
        f.write(json.dumps({"run": run_id, **r}) + "\n")
by = {}
for r in lines:
    by.setdefault(int(r["rows"]), {})[r["system"]] = r
print("\n| rows | ours train + dedupe (s) | peak RssAnon (MB) | temp files (MB) | ours F1 | Splink (s) | Splink F1 | ours / Splink |")
print("|---|---|---|---|---|---|---|---|")
first = None
for n in sorted(by):
    o, s = by[n].get("customer_clean"), by[n].get("splink")
    ours = float(o["train_s"]) + float(o["dedupe_s"]) if o else None
    first = first or (n, ours)
    sp = s and sum(s.get(k) or 0 for k in ("prep_s", "train_s", "dedupe_s"))
    cells = [f"{n:,}", f"{ours:.1f} ({float(o['train_s']):.1f} + {float(o['dedupe_s']):.1f})" if o else "-",
             o["peak_rss_mb"] if o else "-", o["temp_mb"] if o else "-", f"{o['f1']:.4f}" if o else "-",
             f"{sp:.1f}" if s else "-", f"{s['f1']:.4f}" if s else "-",
             f"{ours / sp:.2f}" if (o and s) else "-"]
    print("| " + " | ".join(str(c) for c in cells) + " |")
if first and len(by) > 1:
    n0, t0 = first
    for n in sorted(by)[1:]:
        o = by[n].get("customer_clean")
        if o:
            t = float(o["train_s"]) + float(o["dedupe_s"])
            print(f"\n{n:,} rows: {t / t0:.2f}x the time of {n0:,} ({n / n0:.0f}x the rows)")
print(f"\nappended {len(lines)} result(s) to {results} (run {run_id})")
PY
